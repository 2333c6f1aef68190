import data from './data/word-vectors.json' with { type: 'json' };
import { lemmas } from './expand.ts';
import { questionWords, stopwords } from './stopwords.ts';

/**
 * Sentence vectors from compact GloVe word vectors (scripts/build-word-vectors.ts): a smoothed inverse
 * frequency (SIF) weighted mean, so "my ipad" lands near "your own phone or tablet" even though no word
 * is shared. Word vectors know everyday relatedness, not policy rules, so the ranker uses them only as a
 * tie-breaking second opinion beside BM25F (policy-qa.ts), never to decide whether to answer.
 */
interface Table {
  dims: number;
  index: Map<string, number>;
  vectors: Int8Array;
}

let table: Table | undefined;

function load(): Table {
  if (table) return table;
  const binary = atob(data.vectors);
  const vectors = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) vectors[i] = binary.charCodeAt(i) << 24 >> 24;
  const index = new Map(data.words.split(' ').map((w, i) => [w, i] as const));
  table = { dims: data.dims, index, vectors };
  return table;
}

/** SIF smoothing: a word as frequent as "the" weighs almost nothing, a rare one close to 1. */
const SIF_A = 1e-3;
/** Zipf's law from the word's frequency rank (the vectors are stored most frequent first). */
const frequency = (rank: number): number => 0.1 / (rank + 10);

/** Unit length (or all zeros when no word is known), so similarity is a plain dot product. */
export type SentenceVector = Float32Array;

/** Only the 20,000 commonest words are stored; a rarer form ("attachments") falls back to a dictionary form. */
function lookUp(index: Map<string, number>, word: string): number | undefined {
  for (const form of lemmas(word)) {
    const rank = index.get(form);
    if (rank !== undefined) return rank;
  }
  return undefined;
}

/** The word is among the commonest English words the vectors cover (a spelling check, spelling.ts). */
export const knownWord = (word: string): boolean => load().index.has(word);

export function sentenceVector(text: string, asking = false): SentenceVector {
  const { dims, index, vectors } = load();
  const out = new Float32Array(dims);
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (stopwords.has(word) || (asking && questionWords.has(word))) continue;
    const rank = lookUp(index, word);
    if (rank === undefined) continue;
    const weight = SIF_A / (SIF_A + frequency(rank));
    for (let d = 0; d < dims; d += 1) out[d]! += weight * vectors[rank * dims + d]!;
  }
  const norm = Math.hypot(...out);
  if (norm > 0) for (let d = 0; d < dims; d += 1) out[d]! /= norm;
  return out;
}

/** Cosine similarity of two sentence vectors (both unit length already). */
export function similarity(a: SentenceVector, b: SentenceVector): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += a[i]! * b[i]!;
  return dot;
}
