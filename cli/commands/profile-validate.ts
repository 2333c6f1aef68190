import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Command, CliIO } from '../io.ts';
import { parseProfile, type ProfileFormat } from '../../src/domain/profile/parse.ts';

const usage = `Usage: tutela profile validate FILE [--json]

Checks a policy profile (YAML or JSON) against the profile schema (docs/profile.md).
  --json   print { ok, problems, contentHash } on stdout instead of text
Exit codes: 0 valid, 1 invalid profile, 2 usage error or unreadable file.`;

function formatFor(file: string): ProfileFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown || rest.length !== 1 || !rest[0]) {
    io.stderr(`${unknown ? `Unknown option ${unknown}\n` : rest.length > 1 ? 'Give exactly one FILE\n' : 'Missing FILE\n'}${usage}\n`);
    return 2;
  }
  const file = rest[0];
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    io.stderr(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }

  const result = await parseProfile(text, formatFor(file));
  if (json) {
    const body = result.ok
      ? { ok: true, problems: [], contentHash: result.value.contentHash }
      : { ok: false, problems: result.error.problems, contentHash: null };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    for (const p of result.error.problems) io.stderr(`${p.path}: ${p.message}\n`);
    io.stderr(`${file}: ${result.error.message}\n`);
    return 1;
  }
  const { profile, contentHash } = result.value;
  const label = profile.school.id ? `${profile.school.name} (${profile.school.id})` : profile.school.name;
  io.stdout(`${file}: valid profile for ${label}, sha256 ${contentHash}\n`);
  return 0;
}

export const profileValidate: Command = {
  path: ['profile', 'validate'],
  summary: 'Check a policy profile file',
  usage,
  run,
};
