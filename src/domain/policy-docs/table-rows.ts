import { looksLikeHeading } from './classify-line.ts';
import { isClauseNumber, numberedHeading } from './heading-number.ts';
import type { Block } from './types.ts';

/** One table row as its cells; `header` when the format marks it as one (<th> cells, markdown's |---|). */
export interface TableRow {
  cells: string[];
  header?: boolean;
}

/** A policy's tables have a few columns; text split into more is a form, a contents page or prose. */
export const MAX_COLUMNS = 6;

/**
 * Column labels are short and hold no figures or sentences ("Type of message", "How long it is kept");
 * "Policy owner:" labels a value beside it, not a column.
 */
export const looksLikeLabels = (cells: readonly string[]): boolean => cells.every((c) => !/\d/.test(c) && c.split(' ').length <= 5 && !/[.;:]$/.test(c));

/** A left-hand cell this long, or ending a sentence, is a rule of its own, not the name of what the row is about. */
const LABEL_WORDS = 20;
const namesRow = (cell: string): boolean => cell.split(/\s+/).length <= LABEL_WORDS && !/[.;:]$/.test(cell);

/** Share of a clause-layout table's rows that must be clauses or headings; the rest stay table rows. */
const LAYOUT_SHARE = 0.8;

/**
 * A policy set out in tables, as many trusts' model policies are: each section a two-column table, the
 * clause number in the left column ("3.1" | "Every member of staff…") and the section's heading as a
 * full-width first row ("3. Your school Google account") or a numbered one ("4" | "Writing and
 * sending email"). Read as a table, every clause would be a row labelled "3.1" under whatever heading
 * came before the tables; read as the layout it is, each clause keeps its number and its section. A
 * table of steps ("1" | "Check the address") is not this: it needs clauses numbered within sections.
 */
function clauseLayout(rows: TableRow[]): Block[] | undefined {
  const clause = (r: TableRow): boolean => r.cells.length === 2 && isClauseNumber(r.cells[0]!);
  const clauses = rows.filter(clause);
  // "1.0 | First version", "2.0 | Reviewed": a version history. No clause is numbered 2.0.
  if (clauses.some((r) => /^\d+\.0\.?$/.test(r.cells[0]!.trim()))) return undefined;
  const dotted = clauses.filter((r) => /\d\.\d/.test(r.cells[0]!));
  const heading = (r: TableRow): boolean => r.cells.length === 1 && looksLikeHeading(r.cells[0]!);
  const laidOut = clauses.length + rows.filter(heading).length;
  // One numbered clause is enough only in a table of nothing else ("15.3" on its own, after the
  // retention table it follows); otherwise most rows are clauses or headings.
  if (dotted.length === 0 || (dotted.length === 1 && laidOut < rows.length) || laidOut < LAYOUT_SHARE * rows.length) return undefined;
  return rows.map((r): Block => {
    if (clause(r)) {
      const number = r.cells[0]!.trim().replace(/\.$/, '');
      const text = r.cells[1]!;
      return /\./.test(number) || !looksLikeHeading(text) ? { kind: 'para', text, number } : { kind: 'heading', level: 1, text, number };
    }
    // A full-width row: the section's heading, or a sub-heading within it ("Personal phones and tablets").
    if (heading(r)) {
      const h = numberedHeading(r.cells[0]!);
      return { kind: 'heading', level: h.number ? 1 : 2, ...h };
    }
    return r.cells.length === 1 ? { kind: 'para', text: r.cells[0]! } : { kind: 'row', text: r.cells.join(' | ') };
  });
}

/**
 * A whole table as row blocks. The header row is not policy text but the labels every row below is
 * read with: the one the format marks, or else a first row that reads like labels above one that does
 * not. A row's left-hand cell names what the row is about ("Deleted Items folder | Emptied after 30
 * days"), so it becomes the row's label.
 */
export function tableBlocks(rows: TableRow[], separator = ' | '): Block[] {
  const filled = rows.map((r) => ({ ...r, cells: r.cells.filter(Boolean) })).filter((r) => r.cells.length > 0);
  const layout = clauseLayout(filled);
  if (layout) return layout;
  const marked = filled.some((r) => r.header);
  const guessed = !marked && filled.length >= 3 && looksLikeLabels(filled[0]!.cells) && !looksLikeLabels(filled[1]!.cells);
  let columns: string[] | undefined;
  const blocks: Block[] = [];
  filled.forEach((r, i) => {
    if (r.header || (guessed && i === 0)) {
      columns = r.cells;
      return;
    }
    const row: Block = { kind: 'row', text: r.cells.join(separator) };
    if (r.cells.length >= 2 && namesRow(r.cells[0]!)) row.label = r.cells[0]!;
    if (columns) row.columns = columns;
    blocks.push(row);
  });
  return blocks;
}
