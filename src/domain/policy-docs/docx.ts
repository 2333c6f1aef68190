import { strFromU8, unzipSync } from 'fflate';
import { err, ok, type Result } from '../result.ts';
import { decodeEntities } from './entities.ts';
import { bodyBlock, numberedHeading } from './heading-number.ts';
import { tableBlocks, type TableRow } from './table-rows.ts';
import type { Block } from './types.ts';
import { joinWrapped } from './wrap.ts';

const token = /<(\/?)(w:[A-Za-z]+)\b([^>]*?)(\/?)>|([^<]+)/g;

interface Para {
  style: string;
  listed: boolean;
  text: string[];
}

/**
 * Word documents: unzip word/document.xml and walk it as a token stream. Heading1..n (and Title)
 * paragraph styles become headings, numbered/list paragraphs bullets, table rows "cell | cell".
 * Field instructions (w:instrText: HYPERLINK, PAGEREF, TOC) and contents-page paragraphs are skipped.
 */
export function docxToBlocks(bytes: Uint8Array): Result<{ blocks: Block[]; title?: string }> {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    const doc = files['word/document.xml'];
    if (!doc) return err('invalid_input', 'The .docx file has no word/document.xml.');
    xml = strFromU8(doc);
  } catch {
    return err('invalid_input', 'The file is not a readable .docx (zip) document.');
  }
  const blocks: Block[] = [];
  let title: string | undefined;
  let para: Para | undefined;
  let inText = false;
  let tableDepth = 0;
  let table: TableRow[] = [];
  let row: TableRow | undefined;
  let cell: string[] | undefined;

  const endParagraph = (p: Para): void => {
    const text = joinWrapped(p.text);
    if (!text) return;
    if (cell && tableDepth > 0) {
      cell.push(text);
      return;
    }
    const heading = /^(?:heading|berschrift|titre)\s?(\d)$/i.exec(p.style);
    if (/^title$/i.test(p.style)) {
      title ??= text;
      blocks.push({ kind: 'heading', level: 0, text });
    } else if (heading) blocks.push({ kind: 'heading', level: Number(heading[1]), ...numberedHeading(text) });
    else if (/^toc/i.test(p.style)) return;
    else blocks.push(bodyBlock(p.listed || /list/i.test(p.style) ? 'bullet' : 'para', text));
  };

  for (const m of xml.matchAll(token)) {
    const [, closing, name, attrs = '', selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && para) para.text.push(decodeEntities(text));
      continue;
    }
    switch (name) {
      case 'w:p':
        if (selfClosing) break;
        if (closing) {
          if (para) endParagraph(para);
          para = undefined;
        } else para = { style: '', listed: false, text: [] };
        break;
      case 'w:pStyle': {
        const style = /w:val="([^"]*)"/.exec(attrs);
        if (para && style) para.style = style[1]!;
        break;
      }
      case 'w:numPr':
        if (para) para.listed = true;
        break;
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        if (para && !closing) para.text.push(' ');
        break;
      case 'w:tbl':
        tableDepth += closing ? -1 : 1;
        if (closing && tableDepth === 0) {
          blocks.push(...tableBlocks(table));
          table = [];
        }
        break;
      case 'w:tr':
        if (tableDepth !== 1) break;
        if (closing && row) table.push(row);
        row = closing ? undefined : { cells: [] };
        break;
      case 'w:tblHeader':
        // Word's "Repeat as header row": the format marks the header.
        if (row && tableDepth === 1 && !/w:val="(0|false)"/.test(attrs)) row.header = true;
        break;
      case 'w:tc':
        if (tableDepth !== 1) break;
        if (closing && cell) row?.cells.push(joinWrapped(cell));
        cell = closing ? undefined : [];
        break;
    }
  }
  return ok(title ? { blocks, title } : { blocks });
}
