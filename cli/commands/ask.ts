import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ingest, policyDocTypes, type PolicyDocType, type PolicyDocument } from '../../src/domain/policy-docs/index.ts';
import { createPolicyQa, type PolicyAnswer } from '../../src/domain/policy-qa/index.ts';
import type { CliIO, Command } from '../io.ts';

const usage = `Usage: tutela ask --policy FILE [--policy FILE2 …] [--contact TEXT] [--json] [QUESTION]

Answers a staff question from the school's own policy documents, quoting and citing the section, or
says the policy does not cover it. Policy types come from the extension: ${policyDocTypes.join(', ')}.
With no QUESTION, reads one question per line from stdin (blank lines are skipped).
--json prints one object per question per line: {question, answered, answer, citations[{section, quote}]}.`;

interface Args {
  policies: string[];
  contact?: string;
  json: boolean;
  question?: string;
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { policies: [], json: false };
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--policy' || a === '--contact') {
      const value = args[i + 1];
      if (value === undefined) return `${a} needs a value`;
      if (a === '--policy') out.policies.push(value);
      else out.contact = value;
      i += 1;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else words.push(a);
  }
  if (out.policies.length === 0) return 'at least one --policy FILE is required';
  if (words.length > 0) out.question = words.join(' ');
  return out;
}

async function loadPolicy(path: string, io: CliIO): Promise<PolicyDocument | string> {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  const type = (ext === 'markdown' ? 'md' : ext === 'htm' ? 'html' : ext) as PolicyDocType;
  if (!policyDocTypes.includes(type)) return `${path}: unsupported policy type ".${ext}"`;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(io.cwd, path));
  } catch {
    return `${path}: cannot read file`;
  }
  const doc = await ingest({ bytes, type });
  return doc.ok ? doc.value : `${path}: ${doc.error.message}`;
}

function render(a: PolicyAnswer, json: boolean): string {
  if (json) {
    const citations = a.citations.map((c) => ({ section: c.section, quote: c.quote }));
    return `${JSON.stringify({ question: a.question, answered: a.answered, answer: a.answer, citations })}\n`;
  }
  if (!a.answered) return `Q: ${a.question}\nA: ${a.answer}\n\n`;
  const cites = a.citations.map((c) => `   — ${c.document}, section ${c.section} (${c.link})`).join('\n');
  return `Q: ${a.question}\nA: "${a.answer}"\n${cites}\n\n`;
}

export const ask: Command = {
  path: ['ask'],
  summary: 'Answer staff questions from the policy, with citations',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.stderr(`ask: ${parsed}\n\n${usage}\n`);
      return 2;
    }
    const docs: PolicyDocument[] = [];
    for (const path of parsed.policies) {
      const doc = await loadPolicy(path, io);
      if (typeof doc === 'string') {
        io.stderr(`ask: ${doc}\n`);
        return 1;
      }
      docs.push(doc);
    }
    const qa = createPolicyQa(docs, parsed.contact ? { contact: parsed.contact } : {});
    const questions = parsed.question
      ? [parsed.question]
      : (await io.readStdin()).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (questions.length === 0) {
      io.stderr('ask: no question given (pass one as an argument or one per line on stdin)\n');
      return 2;
    }
    for (const q of questions) io.stdout(render(await qa.ask(q), parsed.json));
    return 0;
  },
};
