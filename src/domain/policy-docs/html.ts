import { decodeEntities } from './entities.ts';
import { bodyBlock, numberedHeading } from './heading-number.ts';
import { tableBlocks, type TableRow } from './table-rows.ts';
import type { Block } from './types.ts';
import { joinWrapped } from './wrap.ts';

// Comments, <!DOCTYPE …>, <![CDATA[…]]> and <?xml …?> declarations are markup, never policy text; nor
// is a page's chrome around it: breadcrumbs (<nav>), sidebars (<aside>) and the site footer.
const token = /<!--[\s\S]*?-->|<![^>]*>|<\?[\s\S]*?\?>|<(script|style|head|noscript|template|nav|footer|aside)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|([^<]+)/g;
/** The document's title as Google Docs ("title") and Word ("MsoTitle") export it: a styled paragraph, not <h1>. */
const TITLE_CLASS = /\bclass\s*=\s*["']?[^"'>]*\b(?:title|MsoTitle)\b/i;
/** Classes a CMS gives its page furniture: the same breadcrumbs, sidebars and banners as <nav> or <aside>. */
const CHROME_CLASS = /\bclass\s*=\s*["']?[^"'>]*\b(?:sidebar|breadcrumbs?|site-header|site-footer|header-strip|cookie-banner|skip-link|navbar)\b/i;
const blockTags = new Set(['p', 'div', 'section', 'article', 'blockquote', 'dd', 'dt', 'pre', 'ul', 'ol', 'table', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'figcaption', 'caption', 'hr', 'body']);

/**
 * A small tag-stripper that keeps the structure that matters for answering questions: h1–h6 become
 * headings, li bullets, table rows "cell | cell", p/div paragraphs. No DOM, so it runs anywhere.
 */
export function htmlToBlocks(html: string): { blocks: Block[]; title?: string } {
  const blocks: Block[] = [];
  let title: string | undefined;
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (titleMatch) title = joinWrapped([decodeEntities(titleMatch[1]!)]) || undefined;
  let buffer: string[] = [];
  let kind: 'para' | 'bullet' | { heading: number } = 'para';
  let table: TableRow[] = [];
  let row: TableRow | undefined;
  let cell: string[] | undefined;
  let styledTitle = false;

  const flush = (): void => {
    const text = joinWrapped(buffer);
    buffer = [];
    if (!text) return;
    if (styledTitle) title ??= text;
    if (typeof kind === 'object') blocks.push({ kind: 'heading', level: kind.heading, ...numberedHeading(text) });
    else blocks.push(bodyBlock(kind, text));
  };

  // Inside a CMS's chrome (<div class="sidebar">…): the element's name and how deep in it we are.
  let chrome: { name: string; depth: number } | undefined;

  for (const m of html.matchAll(token)) {
    const [, , closing, rawName, attributes, text] = m;
    if (chrome) {
      if (rawName?.toLowerCase() === chrome.name && !/\/\s*$/.test(attributes ?? '')) chrome.depth += closing ? -1 : 1;
      if (chrome.depth === 0) chrome = undefined;
      continue;
    }
    if (text !== undefined) {
      (cell ?? buffer).push(decodeEntities(text));
      continue;
    }
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (!closing && CHROME_CLASS.test(attributes ?? '')) {
      flush();
      chrome = { name, depth: 1 };
      continue;
    }
    const heading = /^h([1-6])$/.exec(name);
    if (heading) {
      flush();
      kind = closing ? 'para' : { heading: Number(heading[1]) };
    } else if (name === 'li') {
      flush();
      kind = closing ? 'para' : 'bullet';
    } else if (name === 'tr') {
      flush();
      if (closing && row) table.push(row);
      row = closing ? undefined : { cells: [], header: true };
    } else if (name === 'td' || name === 'th') {
      // A row of <th> cells only is the table's header.
      if (!closing && name === 'td' && row) row.header = false;
      if (closing && cell) row?.cells.push(joinWrapped(cell));
      cell = closing ? undefined : [];
    } else if (name === 'br') {
      (cell ?? buffer).push(' ');
    } else if (blockTags.has(name) && !cell) {
      flush();
      if (styledTitle) {
        styledTitle = false;
        kind = 'para';
      }
      if (!closing && (name === 'p' || name === 'div') && TITLE_CLASS.test(attributes ?? '')) {
        styledTitle = true;
        kind = { heading: 1 };
        continue;
      }
      if (name === 'table') {
        blocks.push(...tableBlocks(table));
        table = [];
      }
      if (typeof kind !== 'object' && name !== 'ul' && name !== 'ol') kind = kind === 'bullet' && !closing ? 'bullet' : 'para';
    }
  }
  flush();
  blocks.push(...tableBlocks(table));
  return title ? { blocks, title } : { blocks };
}
