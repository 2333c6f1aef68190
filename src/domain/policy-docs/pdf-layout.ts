/**
 * Turns the positioned text runs of a PDF page back into lines of text, keeping what the plain-text
 * path needs from the page's geometry: a wide horizontal gap becomes a tab (table cells, a label and
 * its value), and the lines of a table row whose cells wrap are joined into one tab-separated line,
 * so "Everyday email (inbox, sent items," / "folders)" beside "Deleted automatically 12 months…" /
 * "received" reads as one row, as it does when the table is pasted from Word.
 */
import { HEADING_HINT } from './clean-text.ts';
import { isClauseNumber } from './heading-number.ts';
import { footnotesOf } from './pdf-footnotes.ts';
import { joinWrapped } from './wrap.ts';

export interface TextRun {
  text: string;
  /** Left edge and baseline, in PDF points (y grows up the page). */
  x: number;
  y: number;
  width: number;
  /** Font size: the run's height. */
  size: number;
}

interface Segment {
  x: number;
  end: number;
  text: string;
}

interface Line {
  y: number;
  size: number;
  /** Left to right. */
  runs: TextRun[];
}

/** A gap of this many font sizes between runs on one line separates cells, not words. */
const CELL_GAP = 1.5;
/** A gap this small (in font sizes) joins glyph runs of one word ("Sta" + "ff"). */
const WORD_GAP = 0.12;
/** Between spaced table rows the gap to the next line is this much larger than the text's line spacing. */
const ROW_GAP = 1.2;
/** Between paragraphs, the gap to the next line is this much wider than the text's line spacing. */
const PARAGRAPH_GAP = 1.3;
/** A short line set this much larger than the body text is a heading. */
const HEADING_SIZE = 1.12;

/** The size most of a document's text is set in (by characters, so headings do not count for much). */
export function bodySize(runs: readonly TextRun[]): number {
  const chars = new Map<number, number>();
  for (const r of runs) {
    const size = Math.round(r.size * 2) / 2;
    if (size > 0) chars.set(size, (chars.get(size) ?? 0) + r.text.trim().length);
  }
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * One page's text. Lines set larger than `body` (the document's body size) that read like a heading are
 * marked with HEADING_HINT, as a Word bookmark marks one in pasted text: in a PDF, size is what tells
 * "Sending information securely" from the paragraph under it.
 */
export function pageText(runs: readonly TextRun[], body = 0): string {
  const ordered = readingOrder(toLines(withWordSpaces(runs)));
  // Footnotes are read after the paragraph that refers to them, not at the foot of the page.
  const { lines, notes } = footnotesOf(ordered, body, (l) => segmentsOf(l).map((s) => s.text).join(' '));
  // Measured again in reading order (across a page of two columns the interleaved lines' gaps
  // mislead), and without the notes' small type and raised numbers.
  const leading = typicalLeading(lines);
  let waiting: string[] = [];
  const out: string[] = [];
  const release = (): void => {
    if (waiting.length > 0) out.push('', ...waiting, '');
    waiting = [];
  };
  let i = 0;
  while (i < lines.length) {
    // The space a writer leaves between paragraphs survives only as a wider gap: make it a blank line.
    // Lines of larger type (a title wrapped onto two lines) are set further apart to begin with.
    const scale = i > 0 && body > 0 ? Math.max(1, Math.min(lines[i - 1]!.size, lines[i]!.size) / body) : 1;
    if (i > 0 && lines[i - 1]!.y - lines[i]!.y > PARAGRAPH_GAP * leading * scale) {
      release();
      out.push('');
    }
    waiting.push(...(notes.get(lines[i]!) ?? []));
    const table = tableAt(lines, i);
    if (table) {
      release();
      const end = i + table.cells.length;
      out.push('', ...tableRows(lines.slice(i, end), table, leading), '');
      i = end;
    } else {
      const line = lines[i]!;
      const text = segmentsOf(line).map((s) => s.text).join('\t');
      const heading = body > 0 && line.size >= HEADING_SIZE * body && text.split(' ').length <= 15 && !/[.,;]$/.test(text);
      out.push(heading ? HEADING_HINT + text : text);
      i += 1;
    }
  }
  release();
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A space run at most this many font sizes wide is a word space, however far a justified line stretches it. */
const JUSTIFIED_SPACE = 4;

/**
 * The runs with text, each word followed by a space run (a layout program that justifies a line by
 * placing its words and spaces one by one) stretched over that space: the gap it spans is between
 * words, not between table cells.
 */
function withWordSpaces(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (run.text.trim() !== '') out.push(run);
    else if (
      last &&
      run.width > 0 &&
      Math.abs(last.y - run.y) <= 1 &&
      Math.abs(last.x + last.width - run.x) <= 1 &&
      run.width <= JUSTIFIED_SPACE * last.size
    ) {
      out[out.length - 1] = { ...last, text: `${last.text} `, width: run.x + run.width - last.x };
    }
  }
  return out;
}

/** The commonest distance between consecutive lines: the body text's line spacing. */
function typicalLeading(lines: Line[]): number {
  const counts = new Map<number, number>();
  lines.slice(1).forEach((l, i) => {
    const gap = Math.round(lines[i]!.y - l.y);
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  });
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 12;
}

/** A run's type size; a run PDF.js reports with no height is taken for body type. */
const sizeOf = (run: TextRun): number => run.size || 10;

function toLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const size = sizeOf(run);
    // Sorted top to bottom, a run belongs to the last line or starts a new one.
    const last = lines.at(-1);
    const line = last && Math.abs(last.y - run.y) <= Math.max(1, 0.3 * Math.min(last.size, size)) ? last : undefined;
    if (line) {
      line.runs.push(run);
      line.size = Math.max(line.size, size);
    } else {
      lines.push({ y: run.y, size, runs: [run] });
    }
  }
  for (const line of lines) line.runs.sort((a, b) => a.x - b.x);
  return lines;
}

/** A page in two columns has at least this many lines in each, in one stretch of the page. */
const MIN_COLUMN_LINES = 6;
/** A running header or footer is set this many line spacings off the text (a paragraph break is about 1.3). */
const HEADER_GAP = 1.75;
/** Two columns of a page are about as wide as each other: the narrower is at least this share of the wider. */
const SIMILAR_WIDTH = 0.6;
/** Most of a column's lines run (nearly) its full width, where a table's label column is mostly short. */
const FULL_LINE = 0.6;

/**
 * A handbook or leaflet set in two columns reads down the left column, then down the right. Where a
 * title banner or a table runs across the gutter, the columns before it are read before it and those
 * after it after. A page of one column, or a table whose cells are set in a left and a right half, is
 * left as it is: a column of prose has most of its lines run its full width, and a table's labels do not.
 */
function readingOrder(page: Line[]): Line[] {
  // A running header or footer set well apart from the text stays whole, above or below the columns.
  const leading = typicalLeading(page);
  const apart = (above: Line | undefined, below: Line | undefined): boolean => !!above && !!below && above.y - below.y > HEADER_GAP * leading;
  const header = apart(page[0], page[1]) ? page.slice(0, 1) : [];
  const footer = page.length > 2 && apart(page.at(-2), page.at(-1)) ? page.slice(-1) : [];
  const lines = page.slice(header.length, page.length - footer.length);
  const gutter = gutterOf(lines);
  if (gutter === undefined) return page;
  const crosses = (l: Line): boolean => l.runs.some((r) => r.x < gutter && r.x + r.width > gutter);
  const out: Line[] = [];
  let band: Line[] = [];
  const endBand = (): void => {
    const left = band.map((l) => part(l, (r) => r.x < gutter)).filter((l) => l.runs.length > 0);
    const right = band.map((l) => part(l, (r) => r.x >= gutter)).filter((l) => l.runs.length > 0);
    out.push(...(isColumn(left) && isColumn(right) && similarWidths(left, right) ? [...left, ...right] : band));
    band = [];
  };
  for (const line of lines) {
    if (crosses(line)) {
      endBand();
      out.push(line);
    } else band.push(line);
  }
  endBand();
  return [...header, ...out, ...footer];
}

/**
 * Part of a line: one column's runs, with that column's own size. A heading level with a column's line
 * ("14. Joining and leaving" beside a bullet) must not make the bullet read as a heading too.
 */
function part(line: Line, keep: (r: TextRun) => boolean): Line {
  const runs = line.runs.filter(keep);
  return { ...line, runs, size: runs.reduce((size, r) => Math.max(size, sizeOf(r)), 0) };
}

// Loops rather than Math.min(...spread): a malformed page may hold more runs than a call takes arguments.
const lineEnd = (l: Line): number => l.runs.reduce((end, r) => Math.max(end, r.x + r.width), -Infinity);
const extent = (lines: Line[]): { start: number; end: number } => ({
  start: lines.reduce((start, l) => Math.min(start, l.runs[0]!.x), Infinity),
  end: lines.reduce((end, l) => Math.max(end, lineEnd(l)), -Infinity),
});

function isColumn(lines: Line[]): boolean {
  if (lines.length < MIN_COLUMN_LINES) return false;
  const { start, end } = extent(lines);
  const full = lines.filter((l) => lineEnd(l) - start >= FULL_LINE * (end - start));
  return full.length >= lines.length / 2;
}

function similarWidths(left: Line[], right: Line[]): boolean {
  const [a, b] = [extent(left), extent(right)].map((e) => e.end - e.start) as [number, number];
  return Math.min(a, b) >= SIMILAR_WIDTH * Math.max(a, b);
}

/**
 * The gutter between two columns: the x in the middle of the page that fewest lines run across, where
 * at most a quarter do (a banner, a table) and at least MIN_COLUMN_LINES have text on each side of it
 * (not always on the same lines: a column's lines drift off the other's after a heading).
 */
function gutterOf(lines: Line[]): number | undefined {
  if (lines.length === 0) return undefined;
  const { start: left, end: right } = extent(lines);
  let best: { x: number; crossing: number; stretch: number; start: number } | undefined;
  let stretch: { start: number; crossing: number } | undefined;
  for (let x = left + 0.35 * (right - left); x <= left + 0.65 * (right - left); x += 1) {
    const crossing = lines.filter((l) => l.runs.some((r) => r.x < x && r.x + r.width > x)).length;
    stretch = stretch && stretch.crossing === crossing ? stretch : { start: x, crossing };
    const length = x - stretch.start;
    if (!best || crossing < best.crossing || (crossing === best.crossing && length > best.stretch)) best = { x, crossing, stretch: length, start: stretch.start };
  }
  if (!best || best.crossing > lines.length / 4) return undefined;
  const gutter = (best.start + best.x) / 2;
  const leftLines = lines.filter((l) => l.runs.some((r) => r.x + r.width <= gutter)).length;
  const rightLines = lines.filter((l) => l.runs.some((r) => r.x >= gutter)).length;
  return Math.min(leftLines, rightLines) >= MIN_COLUMN_LINES ? gutter : undefined;
}

/**
 * The line's runs joined into cells: a new cell where the gap is wide, or (inside a table) where a
 * run starts at one of the table's columns, even when the cell before it runs almost up to it.
 */
function segmentsOf(line: Line, columns: number[] = []): Segment[] {
  const segments: Segment[] = [];
  for (const run of line.runs) {
    const last = segments.at(-1);
    const gap = last ? run.x - last.end : Infinity;
    const newColumn = last !== undefined && columns.some((x) => x > last.x + line.size && Math.abs(x - run.x) <= line.size);
    if (last && gap < CELL_GAP * line.size && !newColumn) {
      const joiner = gap <= WORD_GAP * line.size || /\s$/.test(last.text) || /^\s/.test(run.text) ? '' : ' ';
      last.text += joiner + run.text;
      last.end = Math.max(last.end, run.x + run.width);
    } else {
      segments.push({ x: run.x, end: run.x + run.width, text: run.text });
    }
  }
  return segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() }));
}

/**
 * A table starts at a line of two or more cells and runs while lines keep to its columns: another
 * line of cells, or a wrapped cell's next line, close below. Two lines of cells make a label and its
 * value, not yet a table. Returns each of its lines split into cells.
 */
function tableAt(lines: Line[], start: number): { columns: number[]; cells: Segment[][] } | undefined {
  const first = lines[start]!;
  const own = segmentsOf(first).map((s) => s.x);
  return own.length >= 2 ? tableFrom(lines, start, own) : closeSetStart(lines, start);
}

/**
 * A header row, or a first row, whose cells run so close together that the line reads as one ("Type of
 * e-mail or record How long it is kept What happens then"), at the foot of a page where few rows
 * follow: its columns are found from the next lines with cells apart, and split it where its runs
 * start at them.
 */
function closeSetStart(lines: Line[], start: number): { columns: number[]; cells: Segment[][] } | undefined {
  const first = lines[start]!;
  for (let j = start + 1; j <= start + CLOSE_SET_LOOKAHEAD && j < lines.length; j += 1) {
    if (lines[j - 1]!.y - lines[j]!.y > 3 * first.size) return undefined;
    const columns = segmentsOf(lines[j]!).map((s) => s.x);
    if (columns.length < 2 || columns[0]! > first.runs[0]!.x + first.size) continue;
    if (segmentsOf(first, columns).length < 2) return undefined;
    return tableFrom(lines, start, columns);
  }
  return undefined;
}

/** How many lines below a close-set line its table's columns may first show. */
const CLOSE_SET_LOOKAHEAD = 3;

function tableFrom(lines: Line[], start: number, found: number[]): { columns: number[]; cells: Segment[][] } | undefined {
  const first = lines[start]!;
  const columns = [...found];
  // Within the table's columns: at a column's edge, or indented inside one (a list in a cell).
  const atColumn = (s: Segment): boolean => s.x >= columns[0]! - first.size;
  const known = (x: number): boolean => columns.some((c) => Math.abs(c - x) <= first.size);
  let end = start + 1;
  for (; end < lines.length; end += 1) {
    const gap = lines[end - 1]!.y - lines[end]!.y;
    const line = segmentsOf(lines[end]!, columns);
    if (gap > 3 * first.size || !line.every(atColumn)) break;
    // After a row's gap, a lone line at the left margin is the next paragraph; one further right is
    // still the table (a cell centred beside a taller one).
    if (line.length < 2 && gap > 1.6 * first.size && line[0]!.x < columns[1]! - first.size) break;
    const unknown = line.filter((s) => !known(s.x));
    if (line.length >= 2 && unknown.length > 0) {
      // Cells set to the right of the first column, at columns of their own, are another table: one
      // inside a numbered clause is not more of the clause's number-and-text layout.
      if (line[0]!.x > columns[0]! + first.size) break;
      // Otherwise a column the first line ran into its neighbour ("What has happened or what Who to
      // contact", 14pt apart in a browser-printed PDF) shows itself on a later line.
      columns.push(...unknown.map((s) => s.x));
      columns.sort((a, b) => a - b);
    }
  }
  const cells = lines.slice(start, end).map((line) => segmentsOf(line, columns));
  const rows = cells.filter((line) => line.length >= 2);
  // "7.1  Personal data is…" with its lines wrapped under the text is a clause set out beside its
  // number, not a table: read as a table, its lists would be run into one line.
  if (columns.length === 2 && rows.every((line) => isClauseNumber(line[0]!.text))) return undefined;
  return rows.length >= 2 ? { columns, cells } : undefined;
}

/**
 * The lines of a table, joined into one tab-separated line per row. Where rows are spaced apart (cell
 * padding), a wider gap starts a row; where they are packed (Word's default), a line with text in every
 * column does, and a line with only some columns is a wrapped cell's next line.
 */
function tableRows(lines: Line[], table: { columns: number[]; cells: Segment[][] }, leading: number): string[] {
  const { columns } = table;
  // The last column starting at or before the segment (within a font size): an indented list stays in its cell.
  const column = (s: Segment): number => columns.reduce((found, x, i) => (x <= s.x + lines[0]!.size ? i : found), 0);
  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y);
  const spaced = gaps.some((g) => g > ROW_GAP * leading);
  const rows: string[][][] = [];
  table.cells.forEach((cells, i) => {
    // A list inside a cell is indented from the cell's edge and spaced off the line above it: it goes
    // on the row, where a row's first line starts at the cell's edge.
    const indented = cells.every((c) => c.x > columns[column(c)]! + 0.5 * lines[i]!.size);
    const startsRow = i === 0 || (spaced ? gaps[i - 1]! > ROW_GAP * leading && !indented : new Set(cells.map(column)).size === columns.length);
    if (startsRow) rows.push(columns.map(() => []));
    for (const s of cells) rows.at(-1)![column(s)]!.push(s.text);
  });
  return rows.map((cells) => cells.map((c) => joinWrapped(c)).join('\t'));
}
