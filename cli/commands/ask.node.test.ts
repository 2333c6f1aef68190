import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CliIO } from '../io.ts';
import { main } from '../tutela.ts';

const root = join(import.meta.dirname, '../..');
const policy = 'policies/oakfield-email-and-acceptable-use.md';
const source = readFileSync(join(root, policy), 'utf8');
const norm = (t: string): string => t.replace(/\s+/g, ' ').trim();

const line = z
  .object({
    question: z.string(),
    answered: z.boolean(),
    answer: z.string(),
    citations: z.array(z.object({ section: z.string(), quote: z.string() }).strict()),
  })
  .strict();

function memoryIO(stdin: string): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: () => Promise.resolve(stdin), env: {}, cwd: root };
}

const parseLines = (text: string) => text.trim().split('\n').map((l) => line.parse(JSON.parse(l)));

describe('tutela ask', () => {
  it('answers from stdin with verbatim quotes and declines what the policy does not cover', async () => {
    const io = memoryIO('can I forward my school email to my Hotmail?\n\nhow do I book the minibus?\nwhat is the attachment size limit?\n');
    const code = await main(['ask', '--policy', policy, '--json'], io);
    expect(code).toBe(0);
    const [forward, minibus, size] = parseLines(io.out.join(''));
    expect(forward!.answered).toBe(true);
    expect(forward!.citations[0]!.section).toMatch(/^4\.1 Forwarding/);
    expect(size!.citations[0]!.quote).toContain('2 MB');
    for (const a of [forward!, size!]) {
      for (const c of a.citations) expect(norm(source)).toContain(norm(c.quote));
    }
    expect(minibus).toEqual({
      question: 'how do I book the minibus?',
      answered: false,
      answer: 'Our policy doesn’t cover that — please ask the School Business Manager, sbm@oakfieldprimary.sch.uk.'.replace('’', "'"),
      citations: [],
    });
  });

  it('prints readable text for a question given as an argument', async () => {
    const io = memoryIO('');
    const code = await main(['ask', '--policy', policy, 'when', 'is', 'my', 'account', 'disabled', 'when', 'I', 'leave?'], io);
    expect(code).toBe(0);
    const text = io.out.join('');
    expect(text).toContain('17:00');
    expect(text).toMatch(/^ {3}— Oakfield Primary School: Email and Acceptable Use Policy, section \S/m);
  });

  it('rejects a missing policy and an unsupported file type', async () => {
    expect(await main(['ask', 'hello?'], memoryIO(''))).toBe(2);
    const io = memoryIO('');
    expect(await main(['ask', '--policy', 'package.json', 'hello?'], io)).toBe(1);
    expect(io.err.join('')).toContain('unsupported policy type');
  });

  it('works as a subprocess reading questions from stdin', () => {
    const run = spawnSync(process.execPath, ['cli/tutela.ts', 'ask', '--policy', policy, '--json'], {
      cwd: root,
      input: 'do I have to use BCC when emailing a group of parents?\nwhat time is the staff Christmas party?\n',
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const [bcc, party] = parseLines(run.stdout);
    expect(bcc!.answered).toBe(true);
    expect(bcc!.citations[0]!.section).toMatch(/^9\.\d Group emails/);
    expect(norm(source)).toContain(norm(bcc!.citations[0]!.quote));
    expect(party!.answered).toBe(false);
    expect(party!.citations).toEqual([]);
  });
});
