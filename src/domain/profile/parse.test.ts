import { describe, expect, it } from 'vitest';
import { parseProfile } from './parse.ts';
import { minimalData, minimalYaml } from './test-profiles.ts';

async function hashOf(text: string, format?: 'yaml' | 'json'): Promise<string> {
  const result = await parseProfile(text, format);
  if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
  return result.value.contentHash;
}

async function problemsOf(text: string, format?: 'yaml' | 'json') {
  const result = await parseProfile(text, format);
  if (result.ok) throw new Error('expected the profile to be rejected');
  expect(result.error.code).toBe('invalid_input');
  return result.error.problems;
}

describe('parseProfile', () => {
  it('returns the profile with defaults and a SHA-256 hex hash', async () => {
    const result = await parseProfile(minimalYaml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.profile.school.name).toBe('Test School');
    expect(result.value.profile.leavers.disableAt).toBe('17:00');
    expect(result.value.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash whatever the formatting, key order, comments or format', async () => {
    const reference = await hashOf(minimalYaml);
    const flowStyle = `# comment\ndomains: { internal: [ "TEST.sch.uk" ] }\nschool: {contacts: {sbm: {email: office@test.sch.uk, name: Office}}, name: Test School}\n`;
    const explicitDefaults = `${minimalYaml}forwarding:\n  external: blocked\nleavers:\n  breaker: { maxDisables: 3 }\nremediation: {}\n`;
    expect(await hashOf(flowStyle)).toBe(reference);
    expect(await hashOf(explicitDefaults)).toBe(reference);
    expect(await hashOf(JSON.stringify(minimalData, null, 4), 'json')).toBe(reference);
    expect(await hashOf(JSON.stringify(minimalData))).toBe(reference);
  });

  it('gives a different hash when a rule changes', async () => {
    const reference = await hashOf(minimalYaml);
    expect(await hashOf(`${minimalYaml}attachments: { maxBytes: 2 MB }\n`)).not.toBe(reference);
    expect(await hashOf(`${minimalYaml}attachments: { maxBytes: 2 MB }\n`)).toBe(await hashOf(`${minimalYaml}attachments: { maxBytes: 2097152 }\n`));
  });

  it('reports YAML syntax errors with line and column', async () => {
    const problems = await problemsOf(`${minimalYaml}forwarding:\n  allowedExternalDomains: [a.org\nretention: {}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('(yaml)');
    expect(problems[0]?.message).toMatch(/^line 9, column 1: Flow sequence in block collection/);
  });

  it('reports duplicate keys, which YAML would otherwise silently merge', async () => {
    const [problem] = await problemsOf(`${minimalYaml}retention: { months: 12 }\nretention: { months: 6 }\n`);
    expect(problem?.path).toBe('(yaml)');
    expect(problem?.message).toMatch(/^line 8, column 1: Map keys must be unique/);
  });

  it('reports invalid JSON', async () => {
    const [problem] = await problemsOf('{ "school": ', 'json');
    expect(problem?.path).toBe('(json)');
    expect(problem?.message).toMatch(/^not valid JSON: /);
  });

  it('rejects an empty file and a file that is not a mapping', async () => {
    expect(await problemsOf('')).toEqual([{ path: '(root)', message: 'the profile is empty' }]);
    expect((await problemsOf('- a\n- b\n'))[0]?.path).toBe('(root)');
  });

  it('collects every schema problem with its path', async () => {
    const text = `${minimalYaml}attachments: { maxBytes: 2 XB }\nacknowledgements:\n  campaigns:\n    - { document: Email Policy, audience: everyone }\n`;
    expect((await problemsOf(text)).map((p) => p.path)).toEqual([
      'attachments.maxBytes',
      'acknowledgements.campaigns[0].document',
      'acknowledgements.campaigns[0].audience',
    ]);
  });

  it('reads "17:00" as a time, not a YAML 1.1 base-60 number', async () => {
    const result = await parseProfile(`${minimalYaml}leavers: { disableAt: 17:00 }\n`);
    expect(result.ok && result.value.profile.leavers.disableAt).toBe('17:00');
  });
});
