import { afterTypedBullet, looksLikeHeading } from './classify-line.ts';
import { cssListNumbers, type ListNumbers } from './css-list-numbers.ts';
import { decodeEntities } from './entities.ts';
import { styleRules, type StyleRule } from './style-rules.ts';
import { bodyBlock, clauseNumberAt, numberedHeading } from './heading-number.ts';
import { tableBlocks, type TableRow } from './table-rows.ts';
import type { Block } from './types.ts';
import { joinInline, joinWrapped } from './wrap.ts';

// Comments, <!DOCTYPE …>, <![CDATA[…]]> and <?xml …?> declarations are markup, never policy text; nor
// is a page's chrome around it: breadcrumbs (<nav>), sidebars (<aside>) and the site footer.
const token = /<!--[\s\S]*?-->|<![^>]*>|<\?[\s\S]*?\?>|<(script|style|head|noscript|template|nav|footer|aside)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|([^<]+)/g;
/** The document's title as Google Docs ("title") and Word ("MsoTitle") export it: a styled paragraph, not <h1>. */
const TITLE_CLASS = /\bclass\s*=\s*["']?[^"'>]*\b(?:title|MsoTitle)\b/i;
/** How many blocks (a running header, a school name) may stand above a document's styled title. */
const TITLE_AFTER = 3;
/**
 * Classes and ids a CMS gives its page furniture: the same breadcrumbs, sidebars and banners as <nav>
 * or <aside>. Only a class or id that starts with the name counts: "sidebar-primary" is a sidebar, but
 * WordPress themes put "ast-right-sidebar" or "no-sidebar" on <body> to say how the page is laid out.
 */
const CHROME_NAME =
  /^(?:sidebar|widget-area|breadcrumbs?|site-?header|site-footer|header-strip|top-?bar|cookie|skip-link|navbar|msocom\w*|cmnt_ref\d+|suitenav\w*|comments?|commentswrapper|socialbar|sp-socialbar\w*|page-?footer|toc|ez-toc|banners|publish-banner|footer)(?:[-_]|$)/i;
/**
 * The landmarks a page's furniture declares itself as: the banner across the top (SharePoint's suite bar
 * and page title area), menus and toolbars ("New · Page details · Share"), search, and the footer.
 */
const CHROME_ROLE = /\brole\s*=\s*["']?(?:banner|navigation|menubar|toolbar|search|contentinfo|complementary)\b/i;
/**
 * A reviewer's comment, not policy text: Google Docs marks it "[a]" in the text (an anchor whose id is
 * "cmnt_ref1", page furniture above) and writes it at the end in a <div> that opens with an anchor whose
 * id is "cmnt1"; Word's web page puts class="msocomtxt" on the comment (furniture above).
 */
const GOOGLE_COMMENT = /<div\b[^>]*>\s*<p\b[^>]*>\s*<a\b[^>]*\bid\s*=\s*["']?cmnt\d+\b[^>]*>[\s\S]*?<\/div\s*>/gi;
// SharePoint names its page parts in data attributes as well ("SiteHeader", "Comments", "pageFooter").
const ATTRIBUTE = /\b(class|id|data-automation-?id|data-sp-feature-tag)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
/** The names a tag's class and id attributes give it ("sidebar-primary widget-area" is two), or only its classes. */
const namesOf = (attributes: string, only?: 'class'): string[] =>
  [...attributes.matchAll(ATTRIBUTE)].filter((a) => !only || a[1]!.toLowerCase() === only).flatMap((a) => (a[2] ?? a[3] ?? a[4] ?? '').split(/\s+/));
/** The elements that hold the page's content: never chrome, whatever their classes say. */
const CONTENT_TAGS = new Set(['html', 'body', 'main', 'article']);
const isChrome = (name: string, attributes: string): boolean => !CONTENT_TAGS.has(name) && (CHROME_ROLE.test(attributes) || namesOf(attributes).some((t) => CHROME_NAME.test(t)));
/** A paragraph or list item; Word's "Save as Web Page" writes a list item as a paragraph starting with its "·". */
const body = (kind: 'para' | 'bullet', text: string): Block => {
  const typed = kind === 'para' ? afterTypedBullet(text) : undefined;
  return bodyBlock(typed ? 'bullet' : kind, typed ?? text);
};
/** A <br> inside a paragraph: a space, unless the lines it separates are list items or clauses. */
const LINE_BREAK = '\u2028';
/** How many one-column tables, one inside another, are unwrapped into the text they hold. */
const MAX_BOXES = 4;
/** A one-column table's content with its own rows and cells made plain blocks; tables inside it stay. */
function unwrapCells(inner: string): string {
  let depth = 0;
  return inner.replace(/<(\/?)(table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col)\b[^>]*>/gi, (tag, close: string, name: string) => {
    if (name.toLowerCase() === 'table') {
      depth += close ? -1 : 1;
      return tag;
    }
    return depth > 0 ? tag : `<${close}div>`;
  });
}
/** A cell's colspan or rowspan (1 when absent; capped, so a stray "rowspan=9999" cannot run on). */
const SPAN = { colspan: /\bcolspan\s*=\s*["']?(\d+)/i, rowspan: /\browspan\s*=\s*["']?(\d+)/i };
/** Where an `<ol start="3">` resumes its count. */
const startOf = (attributes: string | undefined): number | undefined => {
  const start = /\bstart\s*=\s*["']?(\d+)/i.exec(attributes ?? '')?.[1];
  return start === undefined ? undefined : Number(start);
};
const spanOf = (attributes: string | undefined, name: keyof typeof SPAN): number => Math.min(50, Math.max(1, Number(SPAN[name].exec(attributes ?? '')?.[1] ?? 1)));
/** A CSS declaration that sets text in bold ("font-weight:700", "font-weight: bold"). */
const BOLD_STYLE = /\bfont-weight\s*:\s*(bold|[6-9]00)\b/i;
/**
 * Classes a page's style sheet sets in bold: Google Docs' "Download as web page" bolds a run as
 * <span class="c4"> with ".c4{font-weight:700}" in its <style>, never with <b>. Simple class selectors only.
 */
function boldClasses(rules: readonly StyleRule[]): Set<string> {
  const found = new Set<string>();
  for (const [selector, declarations] of rules) {
    const name = /^\.([\w-]+)$/.exec(selector);
    if (name && BOLD_STYLE.test(declarations)) found.add(name[1]!);
  }
  return found;
}
/** A <span> in bold by an inline style or one of the style sheet's bold classes. */
function boldSpan(attributes: string, bolds: Set<string>): boolean {
  const style = /\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
  if (style && BOLD_STYLE.test(style[1] ?? style[2] ?? '')) return true;
  return bolds.size > 0 && namesOf(attributes, 'class').some((c) => bolds.has(c));
}
const blockTags = new Set(['p', 'div', 'section', 'article', 'blockquote', 'dd', 'dt', 'pre', 'ul', 'ol', 'table', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'figcaption', 'caption', 'hr', 'body']);

/**
 * A small tag-stripper that keeps the structure that matters for answering questions: h1–h6 become
 * headings, li bullets, table rows "cell | cell", p/div paragraphs. No DOM, so it runs anywhere.
 */
export function htmlToBlocks(source: string, box?: { depth: number; bolds: Set<string>; lists: ListNumbers }): { blocks: Block[]; title?: string } {
  // The page's comments and style sheet are read once, not again for each layout table unwrapped below.
  const html = box ? source : source.replace(GOOGLE_COMMENT, '');
  const boxes = box?.depth ?? 0;
  const rules = box ? [] : styleRules(html);
  const bolds = box?.bolds ?? boldClasses(rules);
  const lists = box?.lists ?? cssListNumbers(rules);
  // The number the style sheet draws before the list item being read ("3.2 "), until its text is flushed.
  let drawn: string | undefined;
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
  // The level of the last heading outside a <details>, and whether the paragraph being read is all bold.
  let level = 1;
  let inDetails = 0;
  let bold = 0;
  let boldOnly: boolean | undefined;
  // Whether each open <span> set bold, to undo it at its </span>.
  const spans: boolean[] = [];

  const flush = (): void => {
    const raw = buffer.join('');
    const joined = joinInline([raw]);
    const allBold = boldOnly === true;
    buffer = [];
    boldOnly = undefined;
    if (!joined) return;
    // A number the style sheet drew: a section's heads its heading ("3." + "Your Trust account"), a
    // clause's ("3.2") makes the item a numbered clause; a drawn step number or letter leaves a list item be.
    const label = drawn;
    drawn = undefined;
    const numbered = label !== undefined && (typeof kind === 'object' || clauseNumberAt(`${label} x`) !== undefined);
    const text = numbered ? `${label} ${joined}` : joined;
    const as = numbered && kind === 'bullet' ? 'para' : kind;
    // "• Use BCC<br>• Never forward…" or "6.1 …<br>6.2 …": a CMS editor's list or clauses, one per line.
    const lines = raw.split(LINE_BREAK).map((l) => joinInline([l]));
    if (as === 'para' && !numbered && lines.filter((l) => afterTypedBullet(l) || clauseNumberAt(l)).length >= 2) {
      for (const line of lines.filter(Boolean)) blocks.push(body('para', line));
      return;
    }
    if (styledTitle) title ??= text;
    if (typeof as === 'object') {
      blocks.push({ kind: 'heading', level: as.heading, ...numberedHeading(text) });
      if (!inDetails) level = as.heading;
    } else if (as === 'para' && !numbered && allBold && looksLikeHeading(text.replace(/\?$/, ''))) {
      // "<p><strong>School laptops</strong></p>": a CMS editor's sub-heading, set in bold rather than as <h4>.
      blocks.push({ kind: 'heading', level: Math.min(level + 1, 6), ...numberedHeading(text) });
    } else blocks.push(body(as, text));
  };

  // How deep in tables we are, and where the outermost one's content starts (to read a one-column
  // table as its text).
  let tables = 0;
  let tableStart: number | undefined;
  // Table cells spanning rows ("Pupil records" beside three rows): each row below reads the cell as its own.
  const spanned = new Map<number, { text: string; rows: number }>();
  let column = 0;
  let span = { cols: 1, rows: 1 };
  const carryDown = (): void => {
    for (let from = spanned.get(column); from && row; from = spanned.get(column)) {
      row.cells.push(from.text);
      if ((from.rows -= 1) === 0) spanned.delete(column);
      column += 1;
    }
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
      const decoded = decodeEntities(text);
      if (!cell && decoded.trim()) boldOnly = bold > 0 && boldOnly !== false;
      (cell ?? buffer).push(decoded);
      continue;
    }
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (!closing && isChrome(name, attributes ?? '')) {
      // A comment marker inside a sentence leaves the sentence whole; a sidebar ends the paragraph before it.
      if (blockTags.has(name)) flush();
      chrome = { name, depth: 1 };
      continue;
    }
    if ((name === 'ol' || name === 'ul') && !cell && !/\/\s*$/.test(attributes ?? '')) lists.list(closing ? undefined : namesOf(attributes ?? '', 'class'), startOf(attributes));
    const heading = /^h([1-6])$/.exec(name);
    // Paragraphs and list items inside a table cell run together in it, a space apart.
    if (cell && (blockTags.has(name) || name === 'li' || heading)) cell.push(' ');
    if (name === 'table') {
      // A table inside a cell stays text of that cell; the outermost table is read when it closes.
      tables = Math.max(0, tables + (closing ? -1 : 1));
      if (!closing && tables === 1) {
        flush();
        tableStart = m.index + m[0].length;
      }
      if (closing && tables === 0) {
        flush();
        // A table of one column is a box, or a whole page laid out in one cell: it is read as the
        // headings, paragraphs and lists inside it, not as one long row.
        // (Boxes inside boxes are unwrapped a few deep, so a page of nested tables cannot make it slow.)
        const boxed = tableStart !== undefined && boxes < MAX_BOXES && table.every((r) => r.cells.length <= 1);
        blocks.push(...(boxed ? htmlToBlocks(unwrapCells(html.slice(tableStart, m.index)), { depth: boxes + 1, bolds, lists }).blocks : tableBlocks(table)));
        table = [];
        spanned.clear();
        tableStart = undefined;
        row = undefined;
        cell = undefined;
        kind = 'para';
      }
    } else if (tables > 1 && /^(tr|td|th)$/.test(name)) {
      // A nested table's rows and cells: their text runs on in the outer cell.
    } else if (name === 'strong' || name === 'b') {
      bold = Math.max(0, bold + (closing ? -1 : 1));
    } else if (name === 'span') {
      if (/\/\s*$/.test(attributes ?? '')) continue;
      const bolded = closing ? spans.pop() : boldSpan(attributes ?? '', bolds);
      if (!closing) spans.push(bolded!);
      if (bolded) bold = Math.max(0, bold + (closing ? -1 : 1));
    } else if (name === 'details') {
      flush();
      inDetails = Math.max(0, inDetails + (closing ? -1 : 1));
    } else if (name === 'summary') {
      // An accordion's "Section 4: Emailing parents" is the title of the section it opens, at the level
      // of the headings around it.
      flush();
      kind = closing ? 'para' : { heading: Math.max(level, 2) };
    } else if (heading) {
      flush();
      kind = closing ? 'para' : { heading: Number(heading[1]) };
    } else if (name === 'li') {
      flush();
      kind = closing ? 'para' : 'bullet';
      drawn = closing || cell ? undefined : lists.item();
    } else if (name === 'tr') {
      flush();
      if (closing && row) {
        carryDown();
        table.push(row);
      }
      row = closing ? undefined : { cells: [], header: true };
      column = 0;
    } else if (name === 'td' || name === 'th') {
      // A row of <th> cells only is the table's header.
      if (!closing && name === 'td' && row) row.header = false;
      if (closing && cell) {
        const text = joinInline(cell);
        row?.cells.push(text);
        for (let c = column; c < column + span.cols; c += 1) if (span.rows > 1) spanned.set(c, { text, rows: span.rows - 1 });
        column += span.cols;
      }
      if (!closing) {
        carryDown();
        span = { cols: spanOf(attributes, 'colspan'), rows: spanOf(attributes, 'rowspan') };
      }
      cell = closing ? undefined : [];
    } else if (name === 'br') {
      (cell ?? buffer).push(cell ? ' ' : LINE_BREAK);
    } else if (blockTags.has(name) && !cell) {
      flush();
      if (styledTitle) {
        styledTitle = false;
        kind = 'para';
      }
      // Only at the top, under at most a running header: further down, class="title" names a box (a
      // Confluence panel's title).
      if (!closing && (name === 'p' || name === 'div') && TITLE_CLASS.test(attributes ?? '') && blocks.length <= TITLE_AFTER) {
        styledTitle = true;
        kind = { heading: 1 };
        continue;
      }
      if (typeof kind !== 'object' && name !== 'ul' && name !== 'ol') kind = kind === 'bullet' && !closing ? 'bullet' : 'para';
    }
  }
  flush();
  blocks.push(...tableBlocks(table));
  return title ? { blocks, title } : { blocks };
}
