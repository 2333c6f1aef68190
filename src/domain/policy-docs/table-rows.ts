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

/**
 * A whole table as row blocks. The header row is not policy text but the labels every row below is
 * read with: the one the format marks, or else a first row that reads like labels above one that does
 * not. A row's left-hand cell names what the row is about ("Deleted Items folder | Emptied after 30
 * days"), so it becomes the row's label.
 */
export function tableBlocks(rows: TableRow[], separator = ' | '): Block[] {
  const filled = rows.map((r) => ({ ...r, cells: r.cells.filter(Boolean) })).filter((r) => r.cells.length > 0);
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
