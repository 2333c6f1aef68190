import type { TableRow } from './table-rows.ts';
import { joinWrapped } from './wrap.ts';

/**
 * The tables pandoc writes when it converts a Word document to its own Markdown (`pandoc -t markdown`):
 * grid tables, drawn with + - = and |, whose cells wrap onto several lines; and simple or multiline
 * tables, whose columns a line of dashes marks out. Each is read back into rows of whole cells, so a
 * cell that wrapped ("Mailbox of a member of staff who has" / "left") is one cell again.
 */

const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const GRID_ROW = /^\s*\|.*\|\s*$/;

/** Where a border's + signs stand: the edges of the columns. */
const plusses = (border: string): number[] => [...border].flatMap((c, i) => (c === '+' ? [i] : []));

/** A grid table starting at line `i`: its rows and the line after it, or undefined. */
export function gridTableAt(lines: readonly string[], i: number): { rows: TableRow[]; end: number } | undefined {
  if (!GRID_BORDER.test(lines[i] ?? '')) return undefined;
  const edges = plusses(lines[i]!);
  const rows: TableRow[] = [];
  let cellLines: string[][] = [];
  let end = i + 1;
  for (; end < lines.length; end += 1) {
    const line = lines[end]!;
    if (GRID_BORDER.test(line)) {
      if (cellLines.length > 0) rows.push({ cells: cellLines.map((c) => joinWrapped(c)), ...(line.includes('=') ? { header: true } : {}) });
      cellLines = [];
    } else if (GRID_ROW.test(line)) {
      edges.slice(0, -1).forEach((start, c) => {
        (cellLines[c] ??= []).push(line.slice(start + 1, edges[c + 1]));
      });
    } else break;
  }
  // A grid table ends on a border; one that does not is something else drawn with pipes.
  if (cellLines.length > 0 || rows.length === 0) return undefined;
  return { rows, end };
}

const DASH_RUNS = /^\s*-{3,}(?:\s+-{3,})+\s*$/;
const FULL_DASHES = /^\s*-{10,}\s*$/;

/** The columns a line of dashes marks out, as the x each starts at. */
const columnStarts = (dashes: string): number[] => [...dashes.matchAll(/-+/g)].map((m) => m.index);

const cellsAt = (line: string, starts: readonly number[]): string[] => starts.map((s, c) => line.slice(c === 0 ? 0 : s, starts[c + 1]).trim());

/**
 * A simple table ("Do  Don't" over "----  ----", one row a line) or a multiline one (framed by full
 * lines of dashes, rows set apart by blank lines, each cell wrapping within its column) starting at
 * line `i`: its rows and the line after it, or undefined.
 */
export function dashTableAt(lines: readonly string[], i: number): { rows: TableRow[]; end: number } | undefined {
  const framed = FULL_DASHES.test(lines[i] ?? '');
  const headerAt = framed ? i + 1 : i;
  // The header's lines run down to the dashes under them.
  let dashesAt = headerAt;
  while (dashesAt < lines.length && dashesAt - headerAt < 3 && !DASH_RUNS.test(lines[dashesAt]!) && lines[dashesAt]!.trim() !== '') dashesAt += 1;
  if (dashesAt === headerAt || !DASH_RUNS.test(lines[dashesAt] ?? '')) return undefined;
  const starts = columnStarts(lines[dashesAt]!);
  const rows: TableRow[] = [{ cells: join(lines.slice(headerAt, dashesAt).map((l) => cellsAt(l, starts))), header: true }];
  let end = dashesAt + 1;
  let block: string[][] = [];
  const endRow = (): void => {
    if (block.length > 0) rows.push({ cells: join(block) });
    block = [];
  };
  for (; end < lines.length; end += 1) {
    const line = lines[end]!;
    if (framed && FULL_DASHES.test(line)) {
      endRow();
      end += 1;
      break;
    }
    if (line.trim() === '') {
      // A simple table ends at its first blank line; a multiline one only at its closing dashes.
      if (!framed) break;
      endRow();
      continue;
    }
    if (framed) block.push(cellsAt(line, starts));
    else rows.push({ cells: cellsAt(line, starts) });
  }
  if (framed && block.length > 0) return undefined;
  return rows.length > 1 ? { rows, end } : undefined;
}

/** The lines of one row, cell by cell, joined into whole cells. */
const join = (lines: string[][]): string[] => (lines[0] ?? []).map((_, c) => joinWrapped(lines.map((l) => l[c] ?? '')));
