import { ABBREVIATION } from '../policy-docs/index.ts';
import { analyseText, type QueryUnit } from './analyse.ts';
import type { Bm25fIndex } from './bm25f.ts';
import { covers, unitWeight } from './coverage.ts';

const MAX_SENTENCES = 3;
const MAX_CHARS = 420;

export function sentences(text: string): string[] {
  const parts = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?]["'’”)]?)\s+(?=[A-Z0-9“"‘'(])/)
    .filter(Boolean);
  const joined: string[] = [];
  for (const part of parts) {
    const prev = joined.at(-1);
    if (prev !== undefined && ABBREVIATION.test(prev)) joined[joined.length - 1] = `${prev} ${part}`;
    else joined.push(part);
  }
  return joined;
}

/**
 * The 1–3 consecutive sentences of a passage that best answer the question, verbatim (whitespace
 * normalised), so the quote can always be found in the document.
 */
export function bestExtract(index: Bm25fIndex, text: string, units: QueryUnit[]): string {
  const parts = sentences(text);
  if (parts.length <= 1) return parts[0] ?? text.trim();
  const scores = parts.map((s) => {
    const terms = new Set(analyseText(s).terms);
    return units.reduce((sum, u) => sum + (covers(terms, u) ? unitWeight(index, u) : 0), 0);
  });
  let best = 0;
  scores.forEach((s, i) => {
    if (s > scores[best]!) best = i;
  });
  let from = best;
  let to = best;
  const top = scores[best]!;
  const fits = (i: number): boolean => parts.slice(Math.min(from, i), Math.max(to, i) + 1).join(' ').length <= MAX_CHARS;
  // A short rule often needs the sentence after it ("… 2 MB. For anything bigger, share a link.").
  while (to - from + 1 < MAX_SENTENCES) {
    const next = to + 1 < parts.length && (scores[to + 1]! >= top * 0.5 || parts[to]!.length < 60) && fits(to + 1);
    // The sentence before often states the rule the best one elaborates ("… is not allowed. This covers …").
    const prev = from > 0 && scores[from - 1]! > 0 && scores[from - 1]! >= top * 0.3 && fits(from - 1);
    if (prev) from -= 1;
    else if (next) to += 1;
    else break;
  }
  return parts.slice(from, to + 1).join(' ');
}
