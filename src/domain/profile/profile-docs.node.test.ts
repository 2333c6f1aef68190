import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { policyProfileSchema } from './schema.ts';

const docs = await readFile(join(dirname(fileURLToPath(import.meta.url)), '../../../docs/profile.md'), 'utf8');

/** Every field path of a fully populated profile, e.g. "leavers.breaker.maxPercent". */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => fieldPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('docs/profile.md', () => {
  it('documents every field of the profile', () => {
    const full = policyProfileSchema.parse({
      school: {
        name: 'S',
        id: 's',
        contacts: { sbm: { name: 'A', email: 'a@s.sch.uk' }, itSupport: { name: 'I', email: 'i@s.sch.uk' }, dpo: { email: 'd@s.sch.uk' } },
      },
      domains: { internal: ['s.sch.uk'] },
      disclaimer: { phrase: 'p', text: 'p' },
      leavers: { autoReply: 'gone' },
    });
    const documented = fieldPaths(full).map((path) => path.replace(/\.(name|email)$/, (m) => (path.startsWith('school.contacts.sbm') ? m : '')));
    for (const path of new Set(documented)) expect(docs, path).toContain(`\`${path}\``);
    for (const key of ['document', 'audience', 'dueDays', 'annual']) expect(docs).toContain(`\`acknowledgements.campaigns[].${key}\``);
  });
});
