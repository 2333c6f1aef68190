import { describe, expect, it } from 'vitest';
import { evaluateMailboxes } from '../../src/domain/audit/evaluate.ts';
import type { Finding } from '../../src/domain/findings/finding.ts';
import { buildPlan, itemIdFor, trickyCases } from '../../simulator/generate/index.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { parseAddressList } from './address-list.ts';
import { demoPolicy } from './policy-for-tests.ts';
import { allChecks, connector, makeKey, NOW, scopeAt, school, schoolOptions } from './test-support.ts';

const key = await makeKey();
useSimulator(() => school(key, { mailboxes: 60 }));
const plan = buildPlan(schoolOptions(key, 60));

let findings: Finding[] | null = null;
async function audit(): Promise<Finding[]> {
  if (findings) return findings;
  const c = connector(key);
  const dir = await c.readDirectory(null);
  if (!dir.ok) throw new Error(dir.error.message);
  const read = await c.readMailboxes(dir.value.changed, scopeAt());
  if (!read.ok) throw new Error(read.error.message);
  findings = evaluateMailboxes(read.value.snapshots, demoPolicy(dir.value.domains), allChecks, { now: NOW, currentStaffEmails: new Set() }).findings;
  return findings;
}

/** Whether the audit reported the tricky case's check for its mailbox (and item, when it has one). */
async function reported(id: string): Promise<{ expected: boolean; found: boolean }> {
  const tricky = trickyCases(plan).find((t) => t.id === id);
  if (!tricky) throw new Error(`no tricky case ${id}`);
  const item = tricky.itemSeq === undefined ? undefined : itemIdFor(plan, 'google-workspace', tricky.itemSeq);
  const found = (await audit()).some((f) => f.checkId === tricky.checkId && f.subject.email === tricky.email && (item === undefined || f.subject.item === item));
  return { expected: tricky.expected, found };
}

describe('tricky cases through the evaluators', { timeout: 60_000 }, () => {
  const cases = [
    ['forward-alias-domain', false],
    ['forward-rule-trust', false],
    ['forward-rule-pta', false],
    ['forward-internal-uppercase', false],
    ['redirect-multi-one-external', true],
    ['forward-lookalike-domain', true],
    ['forward-and-delete-forwarding', true],
    ['forward-and-delete-deletion', true],
    ['move-rule-ordinary', false],
    ['forward-mailbox-trust', false],
    ['shared-mailbox-forward-external', true],
    ['disclaimer-empty-signature', true],
    ['attachment-exactly-limit', false],
    ['attachment-just-over', true],
    ['attachment-sum-over', true],
    ['attachment-received-large', false],
    ['attachment-outside-window', false],
    ['exposed-bcc-only', false],
    ['exposed-duplicates', false],
    ['exposed-to-plus-cc', true],
    ['retention-bursar-hold', false],
    ['retention-just-under', false],
  ] as const;
  for (const [id, expected] of cases) {
    it(`${id}: ${expected ? 'reported' : 'not reported'}`, async () => {
      const r = await reported(id);
      expect(r.expected).toBe(expected);
      expect(r.found).toBe(expected);
    });
  }

  it('exempts the headteacher and accepts the phrase in any case or wrapping', async () => {
    const all = await audit();
    const signatureCases = trickyCases(plan).filter((t) => t.checkId === 'disclaimer.missing' && t.providers.includes('google-workspace'));
    expect(signatureCases.length).toBeGreaterThan(1);
    for (const t of signatureCases) expect([t.id, all.some((f) => f.checkId === 'disclaimer.missing' && f.subject.email === t.email)]).toEqual([t.id, t.expected]);
    expect(all.some((f) => f.checkId === 'disclaimer.missing' && f.subject.email === 'head@oakfieldprimary.sch.uk')).toBe(false);
  });
});

describe('parseAddressList', { timeout: 60_000 }, () => {
  it('keeps commas inside quoted display names and drops groups and comments', () => {
    expect(parseAddressList('"Smith, Jo" <Jo@Example.com>, bare@x.org, Team: a@b.org, "c" <c@d.org>;, (note, here) e@f.org')).toEqual(['jo@example.com', 'bare@x.org', 'a@b.org', 'c@d.org', 'e@f.org']);
    expect(parseAddressList('"He said \\"hi, there\\"" <q@x.org>')).toEqual(['q@x.org']);
    expect(parseAddressList('')).toEqual([]);
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
  });
});
