import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ingest, type PolicyDocType, type PolicyDocument } from '../src/domain/policy-docs/index.ts';

const expectation = z.object({ section: z.string().optional(), contains: z.string().optional() }).strict();
export const questionSchema = z
  .object({
    id: z.string(),
    policy: z.string(),
    question: z.string().min(3),
    expect: z.array(expectation).min(1).optional(),
    heldOut: z.boolean().optional(),
    /** Reported apart: once kept back to choose the answer threshold on, before every learned part was cross-validated by policy. */
    validation: z.boolean().optional(),
    nearMiss: z.boolean().optional(),
    /** Which held-out batch a question belongs to (h1 when unset); reported separately by bench:qa. */
    set: z.string().optional(),
  })
  .strict();
export type BenchQuestion = z.infer<typeof questionSchema>;
export type Expectation = z.infer<typeof expectation>;

export const repoRoot = join(import.meta.dirname, '..');
/** Real school policies are read where they live, never copied into the repo. */
export const seedDir = join(repoRoot, '../shared/seed-policies');
const oakfield = join(repoRoot, 'policies/oakfield-email-and-acceptable-use.md');

export async function loadQuestions(): Promise<BenchQuestion[]> {
  const raw: unknown = JSON.parse(await readFile(join(repoRoot, 'bench/data/qa-questions.json'), 'utf8'));
  return z.object({ questions: z.array(questionSchema) }).parse(raw).questions;
}

export async function seedFiles(): Promise<string[]> {
  try {
    return (await readdir(seedDir)).filter((f) => /\.(txt|md|html|docx|pdf)$/.test(f)).sort();
  } catch {
    return [];
  }
}

/** Loads a policy named in the question set: "oakfield", "seed:<file>" or "repo:<path>"; undefined when absent. */
export async function loadPolicy(name: string): Promise<PolicyDocument | undefined> {
  const path = name === 'oakfield' ? oakfield : name.startsWith('repo:') ? join(repoRoot, name.slice(5)) : join(seedDir, name.replace(/^seed:/, ''));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return undefined;
  }
  const type = (path.split('.').pop() ?? 'txt') as PolicyDocType;
  const doc = await ingest({ bytes, type });
  if (!doc.ok) throw new Error(`${name}: ${doc.error.message}`);
  return doc.value;
}

const norm = (t: string): string => t.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The same test on what `ask --json` prints: the citation's section ("4.2 Personal email") starts with
 * the clause number, and its quote holds the expected words. A label (an FAQ answer's question) is not
 * printed, so it cannot count here.
 */
export function printedMatches(e: Expectation, citation: { section: string; quote: string }): boolean {
  const sectionOk = e.section === undefined || new RegExp(`^${e.section.replace(/\./g, '\\.')}(?![0-9])`).test(citation.section.trim());
  return sectionOk && (e.contains === undefined || norm(citation.quote).includes(norm(e.contains)));
}

export function matches(e: Expectation, passage: { number?: string; text: string; label?: string }): boolean {
  const sectionOk = e.section === undefined || passage.number === e.section || (passage.number ?? '').startsWith(`${e.section}.`);
  // A passage's label is part of it: an FAQ answer's question, a table row's left-hand cell.
  const containsOk = e.contains === undefined || norm(passage.text).includes(norm(e.contains)) || (passage.label !== undefined && norm(passage.label).includes(norm(e.contains)));
  return sectionOk && containsOk;
}
