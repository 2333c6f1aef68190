import type { LineGroup } from './flat-table.ts';
import { tableBlocks } from './table-rows.ts';
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

export function isGrid(group: LineGroup): boolean {
  const lines = group.lines.filter((l) => l.trim() !== '');
  if (lines.length < 3 || !lines.every((l) => /\S\t+\S/.test(l.trim()))) return false;
  // "6.4<tab>USB sticks…" and "<tab>➢<tab>item" are numbered clauses and bullets, not rows.
  if (lines.some((l) => !/[a-z]{2}/i.test(cellsOf(l)[0] ?? '') || /^\d{1,2}(?:\.\d{1,2})*\.?$/.test(cellsOf(l)[0] ?? ''))) return false;
  const counts = lines.map((l) => cellsOf(l).length);
  const width = counts[0]!;
  return width >= 2 && width <= 6 && counts.filter((n) => n === width).length / counts.length >= 0.75;
}

export function gridRows(group: LineGroup): Block[] {
  const rows = group.lines.filter((l) => l.trim() !== '').map(cellsOf);
  const pageNumbered = rows.filter((r) => /^\d{1,3}$/.test(r.at(-1)!)).length / rows.length >= 0.75;
  if (pageNumbered) return [];
  // Pasted cells read as one line of text, so they are joined with a space rather than " | ".
  return tableBlocks(rows.map((cells) => ({ cells })), ' ');
}
