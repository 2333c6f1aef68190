/**
 * Footnotes in a PDF page: Word sets the note's number as a raised, smaller run after the word that
 * refers to it, and the note itself in small type at the foot of the page. Read as they lie, the
 * number is a stray "1" between two lines of a clause and the note a paragraph between whatever
 * clauses end and start the page. Here each note is taken from the foot of the page and given to the
 * line that refers to it, so it can be read after that line's paragraph, as the Word reader does.
 */

import { joinWrapped } from './wrap.ts';

interface Run {
  text: string;
  size: number;
}

export interface NoteLine<R extends Run = Run> {
  y: number;
  size: number;
  runs: R[];
}

/** A note, and the number that marks it, is set smaller than this share of the body type. */
const NOTE_SIZE = 0.9;
/** A note's lines are at most this many of its type sizes apart; the page footer is further off. */
const NOTE_GAP = 2;

const MARK = /^\d{1,2}$/;

export interface PageNotes<L> {
  /** The page's lines without the notes and the raised numbers referring to them. */
  lines: L[];
  /** The text of each note, by the line that refers to it. */
  notes: Map<L, string[]>;
}

/**
 * `text` gives a line's words. Only notes whose number is also found raised in the page's text are
 * moved, so small print at the foot of a page that is not a note ("1 Check the address") stays put.
 */
export function footnotesOf<L extends NoteLine>(lines: L[], body: number, text: (line: L) => string): PageNotes<L> {
  const none = { lines, notes: new Map<L, string[]>() };
  if (body <= 0) return none;
  const small = (l: L): boolean => l.size < NOTE_SIZE * body;
  const isMark = (l: L): boolean => small(l) && MARK.test(text(l));
  // The notes: a small number on a line of its own, or opening a small line, then small lines close by.
  const found = new Map<string, { text: string; lines: L[] }>();
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (!small(line)) continue;
    const opening = isMark(line) ? { mark: text(line), rest: '' } : /^(\d{1,2})\s+(\S.*)$/.exec(text(line));
    if (!opening) continue;
    const mark = 'mark' in opening ? opening.mark : opening[1]!;
    const parts = 'rest' in opening ? [] : [opening[2]!];
    const taken = [line];
    let j = i + 1;
    for (; j < lines.length; j += 1) {
      const next = lines[j]!;
      if (!small(next) || isMark(next) || /^\d{1,2}\s/.test(text(next)) || lines[j - 1]!.y - next.y > NOTE_GAP * next.size) break;
      parts.push(text(next));
      taken.push(next);
    }
    // A bare number with nothing under it is not a note (it may be the raised reference itself).
    if (parts.length === 0 || found.has(mark)) continue;
    found.set(mark, { text: joinWrapped(parts), lines: taken });
    i = j - 1;
  }
  if (found.size === 0) return none;
  const drop = new Set<L>();
  const notes = new Map<L, string[]>();
  const give = (line: L, note: string): void => {
    notes.set(line, [...(notes.get(line) ?? []), note]);
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (!isMark(line) || [...found.values()].some((n) => n.lines.includes(line))) continue;
    const note = found.get(text(line));
    // The raised number sits just above the line it belongs to, which follows it in reading order.
    const referring = lines[i + 1];
    if (!note || !referring || small(referring) || drop.has(line)) continue;
    drop.add(line);
    for (const l of note.lines) drop.add(l);
    give(referring, note.text);
    found.delete(text(line));
  }
  return drop.size === 0 ? none : { lines: lines.filter((l) => !drop.has(l)), notes };
}
