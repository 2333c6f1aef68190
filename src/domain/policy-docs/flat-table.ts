import type { Block } from './types.ts';
import { joinWrapped } from './wrap.ts';

/**
 * Two-column tables ("Monitoring | Copies of all incoming and outgoing emails…") lose their grid when a
 * policy is saved as text: every visual line becomes a pair of tab-indented lines, left cell then right
 * cell, separated by blank lines, and the label is centred vertically so it lands mid-paragraph.
 * This module finds such runs and rebuilds one row block per paragraph, with the label pieces that
 * sat beside it.
 */
export interface LineGroup {
  start: number;
  lines: string[];
}

interface Cell {
  left: string;
  right: string;
}

const MIN_PAIRS = 4;

export function groupLines(lines: string[]): LineGroup[] {
  const groups: LineGroup[] = [];
  let current: LineGroup | undefined;
  lines.forEach((line, i) => {
    if (line.trim() === '' && !line.startsWith('\t')) {
      current = undefined;
      return;
    }
    if (!current) {
      current = { start: i, lines: [] };
      groups.push(current);
    }
    current.lines.push(line);
  });
  return groups;
}

const isPair = (g: LineGroup): boolean =>
  g.lines.length >= 2 && g.lines[0]!.startsWith('\t') && g.lines[1]!.startsWith('\t');
const isTabbed = (g: LineGroup): boolean => g.lines[0]!.startsWith('\t');

/** Index ranges [from, to) of groups that form a flattened table. */
export function findTableRuns(groups: LineGroup[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < groups.length) {
    if (!isPair(groups[i]!)) {
      i += 1;
      continue;
    }
    let j = i;
    let pairs = 0;
    while (j < groups.length) {
      const g = groups[j]!;
      if (isPair(g)) pairs += 1;
      else if (isTabbed(g)) {
        // a lone tabbed line is a right-hand cell whose left neighbour was empty
      } else if (!(g.lines.length <= 2 && groups[j + 1] && isPair(groups[j + 1]!) && isPair(groups[j - 1]!))) break;
      j += 1;
    }
    if (pairs >= MIN_PAIRS) runs.push([i, j]);
    i = Math.max(j, i + 1);
  }
  return runs;
}

function toCell(g: LineGroup): Cell {
  if (isPair(g)) return { left: g.lines[0]!.trim(), right: g.lines.slice(1).map((l) => l.trim()).join(' ').trim() };
  return { left: '', right: g.lines.map((l) => l.trim()).join(' ').trim() };
}

const endsSentence = (text: string): boolean => /[.!?:]["'’”)]?$/.test(text);

export function tableRows(groups: LineGroup[]): Block[] {
  const cells = groups.map(toCell);
  const rows: Block[] = [];
  let right: string[] = [];
  let label: string[] = [];
  const flush = (): void => {
    const text = joinWrapped(right);
    if (text) {
      const row: Block = { kind: 'row', text };
      const l = joinWrapped(label);
      if (l) row.label = l;
      rows.push(row);
    }
    right = [];
    label = [];
  };
  // A label piece "starts" when the cell above had no label; later pieces continue the same label.
  const labelStarts = (k: number): boolean => Boolean(cells[k]?.left) && !cells[k - 1]?.left;
  cells.forEach((cell, k) => {
    const text = right.join(' ');
    if (!cell.left && !cell.right) {
      if (endsSentence(text)) flush();
      return;
    }
    if (cell.right && endsSentence(text) && /^[A-Z]/.test(cell.right) && label.length > 0) {
      const newLabelSoon = [k, k + 1, k + 2, k + 3].some(labelStarts);
      if (newLabelSoon) flush();
    }
    if (cell.left) label.push(cell.left);
    if (cell.right) right.push(cell.right);
  });
  flush();
  return rows;
}
