import type { PolicyDocument } from '../policy-docs/index.ts';
import { stem } from './stem.ts';
import { stopwords } from './stopwords.ts';
import { toPassages } from './passages.ts';
import type { Passage } from './types.ts';

/**
 * The comparison point for bench:qa: textbook BM25 over paragraphs. No synonyms or concepts, no
 * headings, and the only way to decline is a fixed score threshold.
 */
export const BASELINE_MIN_SCORE = 6;

const terms = (text: string): string[] =>
  (text.toLowerCase().replace(/'s\b/g, '').match(/[a-z]+|\d+/g) ?? []).filter((w) => !stopwords.has(w)).map(stem);

export interface BaselineHit {
  passage: Passage;
  score: number;
}

export function createBaseline(docs: PolicyDocument[], minScore = BASELINE_MIN_SCORE): { ask(q: string): BaselineHit | undefined } {
  const passages = toPassages(docs);
  const docsTf = passages.map((p) => {
    const tf = new Map<string, number>();
    const list = terms(p.text);
    for (const t of list) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { tf, length: list.length };
  });
  const df = new Map<string, number>();
  for (const d of docsTf) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const avg = docsTf.reduce((s, d) => s + d.length, 0) / Math.max(1, docsTf.length);
  const n = passages.length;
  return {
    ask(question) {
      const q = [...new Set(terms(question))];
      let best: BaselineHit | undefined;
      docsTf.forEach((d, i) => {
        let score = 0;
        for (const t of q) {
          const f = d.tf.get(t) ?? 0;
          if (!f) continue;
          const dfi = df.get(t) ?? 0;
          score += Math.log(1 + (n - dfi + 0.5) / (dfi + 0.5)) * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.length) / avg)));
        }
        if (score > 0 && (!best || score > best.score)) best = { passage: passages[i]!, score };
      });
      return best && best.score >= minScore ? best : undefined;
    },
  };
}
