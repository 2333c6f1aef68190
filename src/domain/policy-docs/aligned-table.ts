import type { LineGroup } from './flat-table.ts';
import { looksLikeLabels, MAX_COLUMNS, tableBlocks } from './table-rows.ts';
import type { Block } from './types.ts';

/**
 * Tables a word processor or a PDF tool saved as fixed-width text: each column starts at the same
 * character on every line, with two or more spaces before it, and a cell too long for its column
 * carries on below, on a line whose first column is empty or starts in lower case ("General email
 * (Inbox, Sent Items and" / "other folders)"). Read line by line they became headings with runs of
 * spaces in them, and a version history's "3.1  Jan 2024" a numbered clause.
 */
interface Cell {
  at: number;
  text: string;
}

const MIN_LINES = 3;

/** The line's cells: runs of words separated by single spaces, apart from the next by two or more. */
function cellsOf(line: string): Cell[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ at: m.index, text: m[0] }));
}

/** The table's rows, or undefined when the group is not a fixed-width table. */
export function alignedTable(group: LineGroup): Block[] | undefined {
  const lines = group.lines;
  if (lines.length < MIN_LINES || lines.some((l) => l.includes('\t'))) return undefined;
  const cells = lines.map(cellsOf);
  const header = cells[0]!;
  if (header.length < 2 || header.length > MAX_COLUMNS || header[0]!.at !== 0) return undefined;
  // "Policy owner:   Business Manager" lines are details set out in two columns, not a table.
  if (!looksLikeLabels(header.map((c) => c.text))) return undefined;
  const columns = header.map((c) => c.at);
  const aligned = cells.every((line) => line.every((c) => columns.some((at) => Math.abs(at - c.at) <= 1)));
  const body = cells.slice(1);
  if (!aligned || body.filter((line) => line.length >= 2).length < Math.max(2, body.length / 2)) return undefined;
  const column = (at: number): number => columns.findLastIndex((start) => start <= at + 1);
  const rows: string[][] = [];
  for (const line of cells) {
    const first = line.find((c) => column(c.at) === 0);
    const continues = rows.length > 1 && (!first || /^[a-z(]/.test(first.text));
    if (!continues) rows.push(columns.map(() => ''));
    const row = rows.at(-1)!;
    for (const c of line) {
      const i = column(c.at);
      row[i] = row[i] ? `${row[i]} ${c.text}` : c.text;
    }
  }
  return tableBlocks(rows.map((r) => ({ cells: r })), ' ');
}
