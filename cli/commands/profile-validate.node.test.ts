import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../io.ts';
import { main } from '../tutela.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');

async function tutela(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => Promise.resolve(''),
    env: {},
    cwd: repo,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name)).map((e) => relative(repo, join(e.parentPath, e.name)));
}

let scratch = '';
let demo = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'tutela-profile-'));
  demo = await readFile(join(repo, 'profiles/demo-school.yaml'), 'utf8');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The demo profile with one line replaced, written to a scratch file. */
async function brokenDemo(name: string, from: string, to: string): Promise<string> {
  expect(demo).toContain(from);
  const file = join(scratch, name);
  await writeFile(file, demo.replace(from, to));
  return file;
}

describe('tutela profile validate', () => {
  it('accepts every profile shipped under profiles/', async () => {
    const files = await filesUnder(join(repo, 'profiles'));
    expect(files).toEqual(expect.arrayContaining(['profiles/demo-school.yaml', 'profiles/seed/glenmere.yaml']));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const result = await tutela('profile', 'validate', file);
      expect(result, file).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(new RegExp(`^${file}: valid profile for .+, sha256 [0-9a-f]{64}\\n$`));
    }
  });

  it.each([
    ['wrong type', 'days: 90', 'days: ninety', 'dormantAccounts.days: must be a whole number of days'],
    ['unknown key', '  mailboxRetentionDays: 30', '  mailboxRetentionDays: 30\n  mailboxRetentionDay: 30', 'leavers.mailboxRetentionDay: unknown field; check the spelling against docs/profile.md'],
    ['bad remediation id', '  deletion.inbox-rule: approve', '  deletion.inbox-rules: approve', 'remediation.deletion.inbox-rules: unknown check id "deletion.inbox-rules"'],
    ['auto not allowed', '  deletion.inbox-rule: approve', '  deletion.inbox-rule: auto', 'remediation.deletion.inbox-rule: "auto" is not allowed for deletion.inbox-rule'],
    ['unknown size unit', 'maxBytes: 2 MB', 'maxBytes: 2 XB', 'attachments.maxBytes: "2 XB" is not a size; use a whole number of bytes or a size such as "2 MB"'],
    ['YAML syntax error', '    - oakfield-pta.org.uk', '    - [oakfield-pta.org.uk', '(yaml): line 40, column 1: Flow sequence in block collection must be sufficiently indented'],
  ])('rejects a profile with this problem: %s', async (name, from, to, expected) => {
    const file = await brokenDemo(`${name.replaceAll(' ', '-')}.yaml`, from, to);
    const result = await tutela('profile', 'validate', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toContain(expected);
    expect(result.stderr).toMatch(/The policy profile has 1 problem\.\n$/);
  });

  it('prints { ok, problems, contentHash } with --json', async () => {
    const good = await tutela('profile', 'validate', 'profiles/demo-school.yaml', '--json');
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({ ok: true, problems: [], contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });

    const file = await brokenDemo('json-bad.yaml', 'maxBytes: 2 MB', 'maxBytes: 2 XB');
    const bad = await tutela('profile', 'validate', '--json', file);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      ok: false,
      problems: [{ path: 'attachments.maxBytes', message: expect.stringContaining('"2 XB" is not a size') as unknown }],
      contentHash: null,
    });
  });

  it('gives the same hash to the demo profile rewritten as JSON', async () => {
    const yaml = JSON.parse((await tutela('profile', 'validate', 'profiles/demo-school.yaml', '--json')).stdout) as { contentHash: string };
    const { parse } = await import('yaml');
    const file = join(scratch, 'demo.json');
    await writeFile(file, JSON.stringify(parse(demo)));
    const json = JSON.parse((await tutela('profile', 'validate', file, '--json')).stdout) as { contentHash: string };
    expect(json.contentHash).toBe(yaml.contentHash);
  });

  it('exits 2 for usage errors and unreadable files', async () => {
    expect((await tutela('profile', 'validate')).code).toBe(2);
    expect((await tutela('profile', 'validate', 'a.yaml', 'b.yaml')).code).toBe(2);
    expect((await tutela('profile', 'validate', '--strict', 'a.yaml')).code).toBe(2);
    const missing = await tutela('profile', 'validate', 'profiles/no-such-file.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Cannot read profiles\/no-such-file\.yaml: /);
  });

  it('sets the exit code when run as a real process', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, PATH: `${join(repo, 'node_modules/.bin')}:${process.env.PATH ?? ''}` };
    const ok = await run('node', ['cli/tutela.ts', 'profile', 'validate', 'profiles/demo-school.yaml'], { cwd: repo, env });
    expect(ok.stdout).toMatch(/valid profile for Oakfield Primary School/);

    const file = await brokenDemo('subprocess.yaml', 'days: 90', 'days: -1');
    const failed = await run('node', ['cli/tutela.ts', 'profile', 'validate', file], { cwd: repo, env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('dormantAccounts.days: must be at least 1');
  });
});
