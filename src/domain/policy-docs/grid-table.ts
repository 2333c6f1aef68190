import type { LineGroup } from './flat-table.ts';
import { joinWrapped, RUNS_ON } from './wrap.ts';
import { looksLikeLabels, MAX_COLUMNS, tableBlocks } from './table-rows.ts';
import type { Block } from './types.ts';

/**
 * Tables pasted as tab-separated text keep one row per line ("\tStaff mailbox\t24 months").
 * A paragraph where every line splits on tabs into the same number of cells is such a table. The
 * first row is taken as column labels when it reads like one (short cells, no figures), so each row
 * can carry "Record / Retention period" as context without changing its own verbatim text.
 * Contents pages look the same but end every row in a page number; they are dropped.
 */
const cellsOf = (line: string): string[] =>
  line
    .split('\t')
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** "6.4<tab>USB sticks…" and "<tab>➢<tab>item" are numbered clauses and bullets, not rows: a row's first cell has words. */
const startsWithWords = (cells: string[]): boolean => /[a-z]{2}/i.test(cells[0] ?? '');
/** Contents pages look like tables but end every row in a page number. */
const pageNumbered = (rows: string[][]): boolean => rows.filter((r) => /^\d{1,3}$/.test(r.at(-1)!)).length / rows.length >= 0.75;

export function isGrid(group: LineGroup): boolean {
  const lines = group.lines.filter((l) => l.trim() !== '');
  if (lines.length < 3 || !lines.every((l) => /\S\t+\S/.test(l.trim()))) return false;
  const counts = lines.map((l) => cellsOf(l).length);
  // A version history's rows start with a number ("3.1<tab>Jan 2024<tab>…") under a header of words; a
  // numbered clause with a tab after its number has only two cells.
  const rowOk = (l: string, i: number): boolean => startsWithWords(cellsOf(l)) || (i > 0 && counts[i]! >= 3 && counts[i] === counts[0]);
  if (!startsWithWords(cellsOf(lines[0]!)) || !lines.every(rowOk)) return false;
  const width = counts[0]!;
  return width >= 2 && width <= MAX_COLUMNS && counts.filter((n) => n === width).length / counts.length >= 0.75;
}

export function gridRows(group: LineGroup): Block[] {
  const rows = group.lines.filter((l) => l.trim() !== '').map(cellsOf);
  if (pageNumbered(rows)) return [];
  // Pasted cells read as one line of text, so they are joined with a space rather than " | ".
  return tableBlocks(rows.map((cells) => ({ cells })), ' ');
}

/** Rows of a spaced grid needed before it is taken for a table rather than a few tabbed lines. */
const MIN_SPACED_ROWS = 3;
/** A tab between two cells, spaces beside it allowed ("If you need to \t\tContact"). */
const INNER_TAB = /\S[ \t]*\t[ \t]*\S/;

const tabbedRow = (g: LineGroup): string[] | undefined => {
  const line = g.lines.length === 1 ? g.lines[0]!.trim() : undefined;
  if (!line || !INNER_TAB.test(line)) return undefined;
  const cells = cellsOf(line);
  return startsWithWords(cells) ? cells : undefined;
};

/**
 * A tab-separated table whose rows a blank line sets apart ("Type of email<TAB>How long it is kept",
 * blank, "Deleted Items folder<TAB>30 days", blank…), as Word writes one whose cells hold paragraphs.
 * A two-column row whose cells came out on two lines ("Deleted Items folder" / "Emptied automatically
 * after 30 days", or the right-hand cell tabbed over on the second line) is one row. Returns the rows
 * and the groups they span, from `from`, or undefined when no such table starts there.
 */
export function spacedGrid(groups: LineGroup[], from: number): { rows: Block[]; end: number } | undefined {
  const first = groups[from] && tabbedRow(groups[from]);
  if (!first || first.length < 2 || first.length > MAX_COLUMNS) return undefined;
  const width = first.length;
  const splitRow = (g: LineGroup): string[] | undefined =>
    width === 2 && g.lines.length === 2 && !g.lines.some((l) => INNER_TAB.test(l.trim())) ? g.lines.map((l) => l.replace(/\s+/g, ' ').trim()) : undefined;
  const rows: { cells: string[]; tabbed: boolean }[] = [{ cells: first, tabbed: true }];
  for (let i = from + 1; i < groups.length; i += 1) {
    const tabbed = tabbedRow(groups[i]!);
    if (tabbed?.length === width) rows.push({ cells: tabbed, tabbed: true });
    else {
      const split = splitRow(groups[i]!);
      if (!split) break;
      rows.push({ cells: split, tabbed: false });
    }
  }
  // Two lines after the last tabbed row may be a heading and its text: the table ends at a tabbed row.
  while (rows.length > 0 && !rows.at(-1)!.tabbed) rows.pop();
  if (rows.filter((r) => r.tabbed).length < MIN_SPACED_ROWS || pageNumbered(rows.map((r) => r.cells))) return undefined;
  return { rows: tableBlocks(rows.map((r) => ({ cells: r.cells })), ' '), end: from + rows.length };
}

/** A cell of such a table: a short line that does not end a sentence. */
const dataCell = (line: string): boolean => line.length <= 100 && !/[.;:]$/.test(line) && !/^\W/.test(line);

/**
 * A table copied out of Word into a plain-text editor comes out one cell per line, row after row
 * ("What" / "How long it is kept" / "What happens then" / "Deleted Items folder" / "30 days" / …).
 * A run of short lines is such a table when its first few lines read as column labels, the lines
 * divide into rows of that many cells, and some column other than the first holds figures in most
 * rows (periods, extensions): a list of plain items has none. Returns the rows, or undefined.
 */
export function cellPerLineRows(group: LineGroup): Block[] | undefined {
  const lines = group.lines.map((l) => l.replace(/\s+/g, ' ').trim());
  if (lines.some((l) => l === '' || !dataCell(l))) return undefined;
  // A caption above the column labels ("Version history" / "Version" / "Date" / "Changes" / …).
  const captioned = lines.length > 1 && looksLikeLabels(lines.slice(0, 1)) ? cellRows(lines.slice(1)) : undefined;
  return cellRows(lines) ?? (captioned && [{ kind: 'para', text: lines[0]! }, ...captioned]);
}

function cellRows(lines: string[]): Block[] | undefined {
  for (let width = 2; width <= MAX_COLUMNS; width += 1) {
    if (lines.length % width !== 0 || lines.length < 3 * width || !looksLikeLabels(lines.slice(0, width))) continue;
    const rows = Array.from({ length: lines.length / width }, (_, r) => lines.slice(r * width, (r + 1) * width));
    const body = rows.slice(1);
    const withFigures = (column: number): number => body.filter((row) => /\d/.test(row[column]!)).length / body.length;
    if (!Array.from({ length: width - 1 }, (_, c) => c + 1).some((c) => withFigures(c) >= 0.5)) continue;
    // A row's first cells are all alike (all names, or all version numbers): a first column that mixes
    // the two is the lines dealt into the wrong number of columns.
    const first = withFigures(0);
    if (first > 0.25 && first < 0.75) continue;
    return tableBlocks(rows.map((cells, r) => ({ cells, header: r === 0 })), ' ');
  }
  return undefined;
}

/** A list item's marker, as plain text keeps it ("•<TAB>", "o<TAB>", "- "). */
const ITEM_MARK = /^[·•▪◦➢❖o-]\s/;
/** A cell's line that a new clause or list item would start ("4.2 …", "3. …", "• …"): not a table's. */
const CLAUSE_OR_ITEM = new RegExp(`^(?:\\d{1,2}\\.\\d|\\d{1,2}[.)](?:\\s|$))|${ITEM_MARK.source}`);

/** A row's lines as its cells, a wrapped cell's lines joined; undefined when they do not make `width` cells. */
function cellsOfLines(lines: string[], width: number): string[] | undefined {
  if (lines.length === width) return lines;
  const cells: string[][] = [];
  for (const line of lines) {
    const last = cells.at(-1);
    if (last && (/^[a-z(]/.test(line) || RUNS_ON.test(last.at(-1)!))) last.push(line);
    else cells.push([line]);
  }
  return cells.length === width ? cells.map((c) => joinWrapped(c)) : undefined;
}

/** A group of a table set out one cell per line, a blank line after each row: short lines, no sentence ending. */
const rowGroup = (lines: string[], width: number): boolean =>
  lines.length >= width &&
  lines.length <= 3 * width &&
  lines.every((l) => l.length <= 100 && !/[:;]$/.test(l) && !CLAUSE_OR_ITEM.test(l)) &&
  !/[.!?]$/.test(lines.at(-1)!);

/** Rows needed before a run of groups is taken for a table. */
const MIN_CELL_ROWS = 2;
/** Label/value pairs needed before a run of two-line groups is taken for a table (a title block's). */
const MIN_PAIRS = 3;

/**
 * A table that Word's plain-text export or pdftotext set out one cell per line, with a blank line after
 * each row ("Type of email" / "How long to keep it" / "What to do", blank, "Deleted Items folder" /
 * "30 days" / "Emptied automatically", blank…): a group of column labels, then groups of as many short
 * lines or more (a cell that wrapped). A title block set out the same way without labels ("Version" /
 * "3.1 (school version)", blank, "Review date" / "November 2025"…) is a table of two columns. Each row
 * is one block; a row whose wrapped cells cannot be told apart is one cell. Returns the rows and the
 * groups they span, from `from`, or undefined when no such table starts there.
 */
export function spacedCellRows(groups: LineGroup[], from: number): { rows: Block[]; end: number } | undefined {
  const linesOf = (g: LineGroup): string[] => g.lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  // Label/value pairs first: "Adopted by" / "Full Governing Body" reads like column labels too.
  let end = from;
  while (end < groups.length && isPair(linesOf(groups[end]!))) end += 1;
  if (end - from >= MIN_PAIRS) return { rows: tableBlocks(groups.slice(from, end).map((g) => ({ cells: linesOf(g) })), ' '), end };
  const header = groups[from] && linesOf(groups[from]);
  if (!header || header.length < 2 || header.length > MAX_COLUMNS || !looksLikeLabels(header) || header.some((l) => CLAUSE_OR_ITEM.test(l) || l.includes('\t'))) return undefined;
  const width = header.length;
  const rows: string[][] = [];
  for (end = from + 1; end < groups.length; end += 1) {
    const lines = linesOf(groups[end]!);
    if (!rowGroup(lines, width)) break;
    rows.push(cellsOfLines(lines, width) ?? [joinWrapped(lines)]);
  }
  const whole = rows.filter((r) => r.length === width).length;
  if (rows.length < MIN_CELL_ROWS || whole * 2 < rows.length) return undefined;
  return { rows: tableBlocks([{ cells: header, header: true }, ...rows.map((cells) => ({ cells }))], ' '), end };
}

/** "Review date" / "November 2025": a short label over a value that is not a sentence. */
const isPair = (lines: string[]): boolean =>
  lines.length === 2 && looksLikeLabels(lines.slice(0, 1)) && /^[A-Z]/.test(lines[0]!) && lines[1]!.length <= 100 && !/[.!?:;]$/.test(lines[1]!) && !ITEM_MARK.test(lines[1]!);

/** Tabbed rows in a row before the lines around them are taken for a table of their own. */
const MIN_TABBED_RUN = 3;

/**
 * A page copied from a browser keeps no blank lines, so a table pasted as tab-separated rows sits in
 * the middle of a paragraph group ("15.2 The following periods apply:" / "Item<TAB>How long…" /
 * "Inbox…<TAB>3 years…" / "15.3 Once you know…"). Such a run of rows, each starting with words, is
 * made a group of its own, so it is read as a table and the lines around it as text.
 */
export function splitTabbedRuns(groups: LineGroup[]): LineGroup[] {
  return groups.flatMap((group) => {
    const rowAt = group.lines.map((l) => INNER_TAB.test(l.trim()) && startsWithWords(cellsOf(l)) && !l.startsWith('\t'));
    const out: LineGroup[] = [];
    let from = 0;
    let i = 0;
    while (i < rowAt.length) {
      let end = i;
      while (end < rowAt.length && rowAt[end]) end += 1;
      if (end - i >= MIN_TABBED_RUN && end - i < rowAt.length) {
        if (i > from) out.push({ start: group.start + from, lines: group.lines.slice(from, i) });
        out.push({ start: group.start + i, lines: group.lines.slice(i, end) });
        from = end;
      }
      i = end + 1;
    }
    if (from === 0) return [group];
    if (from < group.lines.length) out.push({ start: group.start + from, lines: group.lines.slice(from) });
    return out;
  });
}
