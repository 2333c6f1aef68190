import { RUNS_ON } from './wrap.ts';
/**
 * Removes the debris word processors leave behind when a policy is saved or pasted as plain text:
 * bookmark anchors, field codes, contents-page lines, page numbers, running headers and footers,
 * form-filling dot leaders. A `_Toc` bookmark only ever sits on a heading, so instead of being thrown
 * away it is turned into a heading hint (HEADING_HINT at the start of the line).
 */
export const HEADING_HINT = '\u0001';
const PAGE_MARK = '\u0002';

const bookmark = /\[bookmark:\s*([^\]]*)\]/g;
const fieldCode = /\b(?:HYPERLINK|PAGEREF|REF|TOC)\s+(?:\\[a-z*]\s+)*(?:"[^"]*"|_Toc\d+|\\[a-z]\s+"[^"]*")?(?:\s+\\[a-z*](?:\s+"[^"]*")?)*/g;
const strayToc = /\b_(?:Toc|GoBack|Hlk|Ref)\d*\b/g;
const mergeFormat = /\\\*\s*MERGEFORMAT/g;
const image = /\[image:[^\]]*\]/g;
/**
 * A web page's controls that a copy of the page takes along ("Back to top", "Expand all / Collapse
 * all"). They part the page's sections, so each becomes a blank line.
 */
const pageControl = /^\s*(?:back to top|return to top|top of page|expand all(?:\s*\/\s*collapse all)?|collapse all|skip to (?:main )?content|share this page|print this page)\s*[↑^]?\s*$/i;
/** The prompt an empty Word content control shows ("Click or tap here to enter text."): a form's blank, not text. */
const controlPrompt = /\bClick or tap (?:here )?to enter (?:text|a date)\.?/gi;
const htmlTag = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
/** "Who to Contact<TAB>10", "Scope.....<TAB>2": a contents-page line; the entry is its first group. */
const contentsLine = /^([^\t]{2,140}?)(?:\.{3,}|…+)?\s*\t\s*\d{1,3}\s*$/;
const pageNumberLine = /^\s*(?:page\s+)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?\s*$/i;
// A footer set out across the page: "Staff Email Policy v3.2          Page 4 of 11".
const pageFooterLine = /^(?:.{0,100}?(?:\s{3,}|\t|\s\|\s))?page\s+\d{1,3}\s*(?:of|\/)\s*\d{1,3}(?:(?:\s{3,}|\t|\s\|\s).{0,100})?$/i;
const leaders = /(?:[._…]\s?){3,}/g;

/** A contents entry or a heading, compared without its number, case or spacing. */
export const entryKey = (text: string): string =>
  text
    .replace(/^\s*(?:section\s+)?\d+(?:\.\d+)*\.?\s+/i, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** "Contents" or "Table of contents": the title of a contents page or section. */
export const isContentsTitle = (text: string): boolean =>
  /^\s*(?:(?:table of )?contents|on this page|(?:what['’]?s |what is )?in this (?:policy|section|code|document))\s*:?\s*$/i.test(text);
/** A contents entry: a short line that is not a sentence ("3.<TAB>Your school account", "Acknowledgement form"). */
export const entryLike = (line: string): boolean => line.trim().length > 0 && line.trim().length <= 90 && !/[.!?;:,]$/.test(line.trim());
const MIN_ENTRIES = 3;

/**
 * A contents page says which headings are sections of their own, whatever their type or numbering
 * suggests: its entries are returned. Lines ending in a page number ("Who to Contact<TAB>10") are
 * dropped later by `cleanText`; a contents page typed without page numbers (the run of short lines
 * under a "Contents" line) is blanked out here, as it would otherwise be read as headings and text.
 */
export function readContents(raw: string): { text: string; entries: Set<string> } {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const paged = lines.flatMap((l) => contentsLine.exec(l)?.[1] ?? []);
  const entries = new Set(paged.length >= MIN_ENTRIES ? paged.map(entryKey).filter(Boolean) : []);
  // A PDF page's text follows the last page's footer after a form feed, and a heading set in larger
  // type carries HEADING_HINT: "…Page 1\f\u0001Contents" is a contents title too.
  const lastPart = (line: string): string => line.slice(line.lastIndexOf('\f') + 1).replace(HEADING_HINT, '');
  const at = lines.findIndex((l) => isContentsTitle(lastPart(l)));
  if (at < 0) return { text: lines.join('\n'), entries };
  let from = at + 1;
  while (from < lines.length && lines[from]!.trim() === '') from += 1;
  let to = from;
  // A contents list names each section once: a name it already gave is that section's own heading,
  // where a page with no blank lines ("On this page" / … / "About this code" / "1.1 This code…") goes on.
  const listed = new Set<string>();
  while (to < lines.length && entryLike(lines[to]!) && !contentsLine.test(lines[to]!) && !listed.has(entryKey(lines[to]!))) {
    listed.add(entryKey(lines[to]!));
    to += 1;
  }
  if (to - from >= MIN_ENTRIES) {
    for (let i = from; i < to; i += 1) {
      const entry = entryKey(lines[i]!.replace(/\t/g, ' '));
      if (entry) entries.add(entry);
      lines[i] = '';
    }
    lines[at] = lines[at]!.slice(0, lines[at]!.lastIndexOf('\f') + 1);
  }
  return { text: lines.join('\n'), entries };
}

/** "(ie. Malware)", "Mrs. Patel", "ext. 204": a full stop that ends an abbreviation, not a sentence. */
export const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|ie|eg|incl|approx|esp|viz|cf|vs|Mr|Mrs|Ms|Dr|St|Co|Ltd|Dept|ext|tel)\.$/i;
/** The line ends a sentence or a clause of one: a full stop (not an abbreviation's), "?", "!", ";" or ":". */
export const endsSentence = (text: string): boolean => /[.!?;:]["'’”)]?$/.test(text.trim()) && !ABBREVIATION.test(text.trim());

export function cleanText(raw: string): string {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\u200b|\u200c|\u200d|\ufeff|\u00ad/g, '')
    // A PDF of a Word document often keeps the font's ligatures ("ﬁle", "oﬄine"): spelled out, they match.
    .replace(/[\ufb00-\ufb06]/g, (ligature) => ligature.normalize('NFKC'));
  const pages = text.split('\f');
  const furniture = repeatedPageFurniture(pages);
  const lines: string[] = [];
  for (const page of pages) {
    const pageLines = page.split('\n');
    const edges = pageEdgeIndexes(pageLines);
    pageLines.forEach((line, i) => {
      if (edges.has(i) && furniture.has(furnitureKey(line))) return;
      const cleaned = cleanLine(line);
      if (cleaned !== undefined) lines.push(...cleaned.split('\n'));
    });
    // A form feed is a page break, like a page number line: a sentence it splits is joined again.
    lines.push('', PAGE_MARK, '');
  }
  return joinAcrossPageBreaks(dropFooterNextToPageNumbers(lines))
    .map((l) => (l === PAGE_MARK ? '' : l))
    .join('\n');
}

const separatedWords = (line: string): boolean =>
  !/^\W*•/.test(line) &&
  line
    .split('•')
    .every((part) => part.trim() !== '' && part.trim().split(/\s+/).length <= 3);

function cleanLine(line: string): string | undefined {
  let hint = false;
  let out = line.replace(bookmark, (_m, name: string) => {
    if (/_Toc\d+/.test(name)) hint = true;
    return '';
  });
  out = out.replace(image, '').replace(controlPrompt, '').replace(fieldCode, '').replace(mergeFormat, '').replace(strayToc, '');
  out = out.replace(htmlTag, ' ');
  // Flattened list items glued onto one line ("• one• two") become separate bullet lines; a motto or a
  // breadcrumb whose words the dots only separate ("Aspire • Belong • Achieve") stays one line.
  if (/\S\s*•/.test(out) && !separatedWords(out)) out = out.replace(/\s*•\s*/g, '\n• ').replace(/^\n/, '');
  if (contentsLine.test(out)) return undefined;
  if (pageControl.test(out)) return '';
  if (pageNumberLine.test(out) || pageFooterLine.test(out.trim())) return PAGE_MARK;
  if (out.replace(leaders, '') !== out) {
    out = out.replace(leaders, ' ').replace(/[ ]{2,}/g, ' ');
    if (!/[a-z]{3,}/i.test(out)) return undefined;
  }
  out = out.replace(/ +$/, '');
  if (hint && out.trim() !== '') out = HEADING_HINT + out.trim();
  return out;
}

const furnitureKey = (line: string): string => line.trim().toLowerCase().replace(/\d+/g, '#');

function pageEdgeIndexes(lines: string[]): Set<number> {
  const filled = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim() !== '');
  const edges = [...filled.slice(0, 2), ...filled.slice(-2)].map(([, i]) => i);
  return new Set(edges);
}

/** Lines that open or close most pages are running headers/footers, not policy text. */
function repeatedPageFurniture(pages: string[]): Set<string> {
  if (pages.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const page of pages) {
    const lines = page.split('\n');
    const keys = new Set([...pageEdgeIndexes(lines)].map((i) => furnitureKey(lines[i] ?? '')));
    for (const key of keys) if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // A two-page document's furniture is on both pages; a longer one's on most of them.
  const needed = pages.length === 2 ? 2 : Math.max(3, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([k]) => k));
}

/** Without form feeds, a footer shows up as the same short line repeated beside page numbers. */
function dropFooterNextToPageNumbers(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.trim()) counts.set(furnitureKey(l), (counts.get(furnitureKey(l)) ?? 0) + 1);
  return lines.filter((l, i) => {
    const key = furnitureKey(l);
    if (!key || l === PAGE_MARK || (counts.get(key) ?? 0) < 3 || key.length > 80) return true;
    const near = [lines[i - 1], lines[i + 1]].some((n) => n === PAGE_MARK);
    return !near;
  });
}

/**
 * Beside RUNS_ON's words, at a page break a line left on a preposition or a modal was cut too: a
 * sentence that ends on "in" or "on" ends with a full stop, and the footer between shows the page ran out.
 */
const CUT_AT_BREAK = /\b(?:in|on|at|to|for|into|but|nor|its|his|her|my|any|all|each|every|must|will|shall|should|may|can|could|would)$/i;
/** What a cut sentence goes on with: not a running header in capitals, a caption or a numbered clause. */
const goesOn = (line: string): boolean => !/^\s*(?:table|figure|appendix|section|part)\b|^\s*\d/i.test(line) && (line.match(/[a-z]/g) ?? []).length > (line.match(/[A-Z]/g) ?? []).length;

/**
 * The sentence a page break cut runs on: "…only to the people who need it," / footer / "and include…";
 * one broken after an abbreviation ("…phone the IT Helpdesk on ext." / footer / "2150."); or one left on a
 * word no sentence ends with ("…do not use "Reply all" on" / footer / "All Staff emails.").
 */
function runsOnAcross(before: string, after: string): boolean {
  const end = before.trim();
  if (endsSentence(end)) return false;
  return ABBREVIATION.test(end) || /^\s*[a-z"“‘'(]/.test(after) || ((RUNS_ON.test(end) || CUT_AT_BREAK.test(end)) && goesOn(after));
}

/**
 * A page break in the middle of a sentence ("…only to the people who need it," / page footer / "and
 * include no more than…") is not a paragraph break: the sentence's two halves are joined again.
 */
function joinAcrossPageBreaks(lines: string[]): string[] {
  const out: string[] = [];
  // Set once a break is joined: the blank lines after it belong to no paragraph break either.
  let joining = false;
  const isText = (l: string): boolean => l.trim() !== '' && l !== PAGE_MARK;
  lines.forEach((line, i) => {
    if (line === PAGE_MARK) {
      const before = out.findLast(isText);
      let next = i + 1;
      while (next < lines.length && !isText(lines[next]!)) next += 1;
      const after = lines[next];
      joining = before !== undefined && after !== undefined && runsOnAcross(before, after);
      if (joining) {
        while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
        return;
      }
    } else if (line.trim() === '') {
      if (joining) return;
    } else {
      joining = false;
    }
    out.push(line);
  });
  return out;
}
