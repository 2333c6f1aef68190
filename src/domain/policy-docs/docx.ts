import { strFromU8, unzipSync } from 'fflate';
import { err, ok, type Result } from '../result.ts';
import { afterTypedBullet } from './classify-line.ts';
import { numberRef, parseNumbering, type NumberRef } from './docx-numbering.ts';
import { decodeEntities } from './entities.ts';
import { bodyBlock, numberedHeading } from './heading-number.ts';
import { tableBlocks, type TableRow } from './table-rows.ts';
import type { Block } from './types.ts';
import { joinInline, joinWrapped } from './wrap.ts';

const token = /<(\/?)(w:[A-Za-z]+|mc:Fallback)\b([^>]*?)(\/?)>|([^<]+)/g;
/**
 * What a reader does not see: Word writes a text box twice (DrawingML, then a VML copy for old readers
 * in mc:Fallback), and a tracked change keeps the text it deleted (w:del) or moved away (w:moveFrom, whose
 * runs hold w:t, not w:delText). The document is read as it stands with every change accepted.
 */
const UNSEEN = new Set(['mc:Fallback', 'w:del', 'w:moveFrom']);
const PARTS = new Set(['word/document.xml', 'word/numbering.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/endnotes.xml']);

/**
 * The text of each footnote or endnote by id ("footnote:2"), its paragraphs joined. Word's separator
 * notes (the line above the notes) have no text and are skipped.
 */
function notesOf(xml: string | undefined, kind: 'footnote' | 'endnote'): Map<string, string> {
  const notes = new Map<string, string>();
  for (const note of (xml ?? '').matchAll(new RegExp(`<w:${kind}\\b([^>]*)>([\\s\\S]*?)</w:${kind}>`, 'g'))) {
    const id = /w:id="(-?\d+)"/.exec(note[1]!)?.[1];
    const paragraphs = [...note[2]!.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => joinInline([...p[0].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => decodeEntities(t[1]!))));
    const text = paragraphs.filter(Boolean).join(' ');
    if (id && text) notes.set(`${kind}:${id}`, text);
  }
  return notes;
}

interface Para {
  style: string;
  /** Characters of text in bold runs and in plain ones: a short all-bold line is a heading. */
  bold: number;
  plain: number;
  /** The paragraph's own w:numPr, if it has one. */
  numPr?: string;
  /** A tracked change deleted the paragraph's mark: with its text deleted too, the paragraph is gone. */
  deleted?: boolean;
  text: string[];
  /** The footnotes and endnotes it refers to ("footnote:2"), read after it. */
  notes?: string[];
}

/** A short paragraph all in bold, not ending a sentence: how a heading looks without a Heading style. */
function boldHeading(p: Para, text: string): boolean {
  return p.bold > 0 && p.plain === 0 && text.split(' ').length <= 12 && /^[A-Z0-9“"‘']/.test(text) && !/[.;:,!?]$/.test(text);
}

/**
 * Word documents: unzip word/document.xml and walk it as a token stream. Heading1..n (and Title)
 * paragraph styles become headings, numbered/list paragraphs bullets, table rows "cell | cell".
 * Field instructions (w:instrText: HYPERLINK, PAGEREF, TOC) and contents-page paragraphs are skipped.
 */
export function docxToBlocks(bytes: Uint8Array): Result<{ blocks: Block[]; title?: string }> {
  let xml: string;
  let numberingXml: string | undefined;
  let stylesXml: string | undefined;
  let notes: Map<string, string>;
  try {
    const files = unzipSync(bytes, { filter: (f) => PARTS.has(f.name) });
    const doc = files['word/document.xml'];
    if (!doc) return err('invalid_input', 'The .docx file has no word/document.xml.');
    xml = strFromU8(doc);
    const part = (name: string): string | undefined => files[name] && strFromU8(files[name]);
    numberingXml = part('word/numbering.xml');
    stylesXml = part('word/styles.xml');
    notes = new Map([...notesOf(part('word/footnotes.xml'), 'footnote'), ...notesOf(part('word/endnotes.xml'), 'endnote')]);
  } catch {
    return err('invalid_input', 'The file is not a readable .docx (zip) document.');
  }
  const numbering = parseNumbering(numberingXml, stylesXml);
  const blocks: Block[] = [];
  let title: string | undefined;
  let para: Para | undefined;
  // A text box's paragraphs sit inside a paragraph of the body: the one they interrupt resumes after them.
  const outer: Para[] = [];
  // Depth inside content a reader does not see (UNSEEN).
  let unseen = 0;
  let inText = false;
  let tableDepth = 0;
  let table: TableRow[] = [];
  let row: TableRow | undefined;
  let cell: string[] | undefined;
  // Grid columns: where the current cell starts, how many it spans, whether it continues a vertically
  // merged cell, and each column's text in the row above (for the merged cells below it).
  let column = 0;
  let span = 1;
  let mergedFromAbove = false;
  let above: string[] = [];
  let boxed: Block[] = [];
  let runBold = false;
  /** The level of the last heading Word's styles marked: a bold line below it is one level deeper. */
  let styledLevel = 0;

  const endParagraph = (p: Para): void => {
    // A paragraph deleted whole takes no number: accepted, the clauses after it move up one.
    if (p.deleted && !joinInline(p.text)) return;
    // Word counts a numbered paragraph even when it is empty, so count before anything is skipped.
    const ref: NumberRef | undefined = p.numPr !== undefined ? numberRef(p.numPr) : numbering.styleRef(p.style);
    const label = ref ? numbering.next(ref) : undefined;
    const number = label?.kind === 'number' && /^\d/.test(label.text) ? label.text.replace(/[.)]$/, '') : undefined;
    // A list paragraph Word marks "•", "1." or "a)", or one whose list cannot be read, is a bullet;
    // one numbered "4.2" is a clause. (numId 0 takes a paragraph out of its style's list.)
    const inList = label !== undefined || (p.numPr !== undefined && !/w:numId\b[^>]*w:val="0"/.test(p.numPr));
    const listed = inList && !number?.includes('.');
    // Word splits runs anywhere, mid-word included ("Sta" + "ff" where spell-check or an edit left a mark).
    let text = joinInline(p.text);
    if (!text) return;
    // In a table, the paragraph is part of its cell's text; it is kept as a block too, for a table of
    // one column, which is a box around the text rather than a table.
    const inCell = cell !== undefined && tableDepth > 0;
    if (inCell) cell!.push(text);
    const out = inCell ? boxed : blocks;
    const heading = /^(?:heading|berschrift|titre)\s?(\d)$/i.exec(p.style);
    if (/^title$/i.test(p.style)) {
      if (!inCell) title ??= text;
      out.push({ kind: 'heading', level: 0, text });
      return;
    }
    if (/^toc/i.test(p.style)) return;
    // "4.2" before a clause or heading; a list's own "1." or "a)" stays a bullet's business.
    if (number && (heading || number.includes('.'))) text = `${number} ${text}`;
    if (heading) {
      if (!inCell) styledLevel = Number(heading[1]);
      out.push({ kind: 'heading', level: Number(heading[1]), ...numberedHeading(text) });
    } else if (!inList && boldHeading(p, text)) {
      // Many schools make headings by bolding a Normal paragraph rather than using Heading styles.
      out.push({ kind: 'heading', level: Math.min(styledLevel + 1, 4), ...numberedHeading(text) });
    } else {
      // A bullet typed by hand ("•<TAB>install software…") is a list item like one Word numbers.
      const typed = afterTypedBullet(text);
      if (typed) text = typed;
      out.push(bodyBlock(typed || listed || (!number && /list/i.test(p.style)) ? 'bullet' : 'para', text));
    }
  };

  for (const m of xml.matchAll(token)) {
    const [, closing, name, attrs = '', selfClosing, text] = m;
    // A self-closing w:del marks a deleted paragraph mark (or table row), not deleted text.
    if (name === 'w:del' && selfClosing && para) para.deleted = true;
    if (name && UNSEEN.has(name) && !selfClosing) {
      unseen = Math.max(0, unseen + (closing ? -1 : 1));
      continue;
    }
    if (unseen > 0) continue;
    if (text !== undefined) {
      if (inText && para) {
        const t = decodeEntities(text);
        para.text.push(t);
        para[runBold ? 'bold' : 'plain'] += t.trim().length;
      }
      continue;
    }
    switch (name) {
      case 'w:p':
        if (selfClosing) break;
        if (closing) {
          if (para) endParagraph(para);
          // A note is read where it is referred to, after the paragraph that refers to it and as part of
          // its clause (a note on a list item is one more item, so the list keeps its clause).
          const out = cell !== undefined && tableDepth > 0 ? boxed : blocks;
          const host = out.at(-1);
          for (const id of para?.notes ?? []) {
            const note = notes.get(id);
            if (note) out.push({ ...bodyBlock(host?.kind === 'bullet' ? 'bullet' : 'para', note), ...(host?.number ? { number: host.number } : {}) });
          }
          para = outer.pop();
        } else {
          if (para) outer.push(para);
          para = { style: '', bold: 0, plain: 0, text: [] };
        }
        break;
      case 'w:pStyle': {
        const style = /w:val="([^"]*)"/.exec(attrs);
        if (para && style) para.style = style[1]!;
        break;
      }
      case 'w:numPr':
        if (para && !closing) para.numPr = '';
        break;
      case 'w:ilvl':
      case 'w:numId':
        if (para?.numPr !== undefined) para.numPr += m[0];
        break;
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:r':
        if (!closing) runBold = false;
        break;
      case 'w:b':
        // Run properties come before the run's text; w:val="0" or "false" switches bold off.
        if (!closing) runBold = !/w:val="(0|false)"/.test(attrs);
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        if (para && !closing) para.text.push(' ');
        break;
      case 'w:footnoteReference':
      case 'w:endnoteReference': {
        const id = /w:id="(-?\d+)"/.exec(attrs)?.[1];
        if (para && id) (para.notes ??= []).push(`${name === 'w:footnoteReference' ? 'footnote' : 'endnote'}:${id}`);
        break;
      }
      case 'w:noBreakHyphen':
        if (para && !closing) para.text.push('-');
        break;
      case 'w:sym': {
        // A bullet typed from the Symbol or Wingdings font (U+F0B7 then a tab) is a typed bullet.
        const code = /w:char="([0-9A-Fa-f]{4})"/.exec(attrs);
        if (para && code) para.text.push(String.fromCharCode(parseInt(code[1]!, 16)));
        break;
      }
      case 'w:tbl':
        tableDepth += closing ? -1 : 1;
        if (closing && tableDepth === 0) {
          // A table of one column ("Key points" and its bullets in a box) is read as the text it holds.
          blocks.push(...(table.every((r) => r.cells.length <= 1) ? boxed : tableBlocks(table)));
          table = [];
          boxed = [];
          above = [];
        }
        break;
      case 'w:tr':
        if (tableDepth !== 1) break;
        if (closing && row) table.push(row);
        row = closing ? undefined : { cells: [] };
        column = 0;
        break;
      case 'w:tblHeader':
        // Word's "Repeat as header row": the format marks the header.
        if (row && tableDepth === 1 && !/w:val="(0|false)"/.test(attrs)) row.header = true;
        break;
      case 'w:gridSpan':
        // Word allows 63 columns; the cap keeps a malformed span from running on.
        if (tableDepth === 1 && cell) span = Math.min(63, Math.max(1, Number(/w:val="(\d+)"/.exec(attrs)?.[1] ?? 1)));
        break;
      case 'w:vMerge':
        // <w:vMerge/> continues the cell above; w:val="restart" starts a merged cell.
        if (tableDepth === 1 && cell) mergedFromAbove = !/w:val="restart"/.test(attrs);
        break;
      case 'w:tc':
        if (tableDepth !== 1) break;
        if (closing && cell) {
          // A cell merged down from the row above ("Pupil records" beside three rows) reads as its text.
          const text = joinWrapped(cell) || (mergedFromAbove ? (above[column] ?? '') : '');
          row?.cells.push(text);
          for (let c = column; c < column + span; c += 1) above[c] = text;
          column += span;
        }
        cell = closing ? undefined : [];
        span = 1;
        mergedFromAbove = false;
        break;
    }
  }
  return ok(title ? { blocks, title } : { blocks });
}
