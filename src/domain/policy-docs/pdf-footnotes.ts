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
/** A note's number, alone or before its first words. */
const NOTE_START = /^(\d{1,2})(?:\s+(\S.*))?$/;

export interface PageNotes<L> {
  /** The page's lines without the notes and the raised numbers referring to them. */
  lines: L[];
  /** The text of each note, by the line that refers to it. */
  notes: Map<L, string[]>;
}

/**
 * `text` gives a line's words (asked only of lines in small type). Only notes whose number is also
 * found raised in the page's text are moved, so small print at the foot of a page that is not a note
 * ("1 Check the address") stays put.
 */
export function footnotesOf<L extends NoteLine>(lines: L[], body: number, text: (line: L) => string): PageNotes<L> {
  const none = { lines, notes: new Map<L, string[]>() };
  if (body <= 0) return none;
  const small = (l: L): boolean => l.size < NOTE_SIZE * body;
  // Each small line's words, read once: "1" alone (a raised reference, or a note's number over its
  // text), or "1 The school must…" (a note's first line).
  const words = new Map(lines.filter(small).map((l) => [l, text(l)]));
  const opening = (l: L): RegExpExecArray | null => NOTE_START.exec(words.get(l) ?? '');
  // The notes: a small number on a line of its own, or opening a small line, then small lines close by.
  const found = new Map<string, { text: string; lines: L[] }>();
  const noteLines = new Set<L>();
  for (let i = 0; i < lines.length; i += 1) {
    const start = opening(lines[i]!);
    if (!start) continue;
    const [, mark, rest] = start;
    const taken = [lines[i]!];
    let j = i + 1;
    for (; j < lines.length; j += 1) {
      const next = lines[j]!;
      if (!words.has(next) || opening(next) || lines[j - 1]!.y - next.y > NOTE_GAP * next.size) break;
      taken.push(next);
    }
    const parts = [...(rest ? [rest] : []), ...taken.slice(1).map((l) => words.get(l)!)];
    // A bare number with nothing under it is not a note (it may be the raised reference itself).
    if (parts.length === 0 || found.has(mark!)) continue;
    found.set(mark!, { text: joinWrapped(parts), lines: taken });
    for (const l of taken) noteLines.add(l);
    i = j - 1;
  }
  if (found.size === 0) return none;
  const notes = new Map<L, string[]>();
  const drop = new Set<L>();
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const note = !noteLines.has(line) && MARK.test(words.get(line) ?? '') ? found.get(words.get(line)!) : undefined;
    // The raised number sits just above the line it belongs to, which follows it in reading order.
    const referring = lines[i + 1];
    if (!note || !referring || words.has(referring)) continue;
    found.delete(words.get(line)!);
    drop.add(line);
    for (const l of note.lines) drop.add(l);
    notes.set(referring, [...(notes.get(referring) ?? []), note.text]);
  }
  return drop.size === 0 ? none : { lines: lines.filter((l) => !drop.has(l)), notes };
}
