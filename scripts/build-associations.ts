// Builds src/domain/policy-qa/data/associations.json: the learned staff-to-policy word associations
// (src/domain/policy-qa/associations.ts), from every answerable question in bench/data/qa-questions.json
// paired with the passages that answer it. Run after adding questions:
//
//   node scripts/build-associations.ts
//
// Questions on the seed policies count only where ../shared/seed-policies is present (as bench:qa).
// bench:qa never scores with this table: it learns its own without the policy it scores (qa-associations.ts).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PolicyDocument } from '../src/domain/policy-docs/index.ts';
import { defaultTraining, trainAssociations } from '../src/domain/policy-qa/associations.ts';
import { termTableToJson } from '../src/domain/policy-qa/term-table.ts';
import { alignedPairs } from '../bench/qa-associations.ts';
import { loadPolicy, loadQuestions } from '../bench/qa-data.ts';

const questions = await loadQuestions();
const docs = new Map<string, PolicyDocument>();
for (const name of new Set(questions.map((q) => q.policy))) {
  const doc = await loadPolicy(name);
  if (doc) docs.set(name, doc);
  else console.warn(`skipped (not present here): ${name}`);
}
const pairs = alignedPairs(questions, docs);
const associations = trainAssociations(pairs);
const out = join(import.meta.dirname, '../src/domain/policy-qa/data/associations.json');
await writeFile(
  out,
  `${JSON.stringify({
    source: `IBM Model 1 over ${pairs.length} bench:qa questions on ${docs.size} policies (scripts/build-associations.ts)`,
    training: defaultTraining,
    associations: termTableToJson(associations),
  })}\n`,
);
const links = [...associations.values()].reduce((n, row) => n + row.size, 0);
console.log(`${associations.size} question terms, ${links} associations → ${out}`);
