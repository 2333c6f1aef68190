import { describe, expect, it } from 'vitest';
import type { RemediationRequest } from '../../src/domain/ports/tenant-connector.ts';
import { msFixture, SECRET_APP, TENANT_ID, userId } from '../../simulator/microsoft/test-fixture.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { connector, scopeAt, SECRET_REF, secretConfig } from './test-support.ts';

const env = useSimulator(() => msFixture());
const now = () => new Date('2026-11-20T12:00:00Z');
const make = () => connector(secretConfig(TENANT_ID, SECRET_APP.clientId), { [SECRET_REF]: SECRET_APP.clientSecret }, { now });
const tenant = () => {
  const t = env.sim.ctx.fixture.microsoft;
  if (!t) throw new Error('fixture has no Microsoft tenant');
  return t;
};
const mailboxOf = (n: number) => {
  const m = tenant().users.find((u) => u.id === userId(n))?.mailbox;
  if (!m) throw new Error(`user ${n} has no mailbox`);
  return m;
};
const request = (action: string, subject: RemediationRequest['subject'], params: Record<string, unknown> = {}): RemediationRequest => ({ action, subject, params, policyRef: 'test' });
const user1 = { id: userId(1), email: 'user1@oakfield.sch.uk' };

/** dry run → nothing changes; real run → changed; again → changed: false. */
async function threeRuns(req: RemediationRequest, snapshot: () => unknown) {
  const c = make();
  const initial = structuredClone(snapshot());
  const dry = await c.remediate(req, { dryRun: true });
  expect(dry).toMatchObject({ ok: true, value: { changed: true } });
  expect(snapshot()).toEqual(initial);
  const real = await c.remediate(req, { dryRun: false });
  expect(real).toMatchObject({ ok: true, value: { changed: true } });
  expect(snapshot()).not.toEqual(initial);
  const again = await c.remediate(req, { dryRun: false });
  expect(again).toMatchObject({ ok: true, value: { changed: false } });
  return real.ok ? real.value : null;
}

describe('remediate', () => {
  it('disable-inbox-rule switches the rule off and keeps it', async () => {
    env.reset();
    const out = await threeRuns(request('disable-inbox-rule', { ...user1, item: 'rule-1' }), () => mailboxOf(1).inboxRules.map((r) => [r.id, r.isEnabled]));
    expect(mailboxOf(1).inboxRules.find((r) => r.id === 'rule-1')).toMatchObject({ isEnabled: false, displayName: 'Forward everything' });
    expect(out).toMatchObject({ before: { isEnabled: true }, after: { isEnabled: false } });
  });

  it('clear-mailbox-forwarding removes the forwarding address', async () => {
    env.reset();
    await threeRuns(request('clear-mailbox-forwarding', user1), () => ({ ...mailboxOf(1), messages: [] }));
    expect(mailboxOf(1)).toMatchObject({ forwardingSmtpAddress: null, forwardingAddress: null, deliverToMailboxAndForward: false });
  });

  it('disable-tenant-auto-forwarding sets the outbound policy Off', async () => {
    env.reset();
    await threeRuns(request('disable-tenant-auto-forwarding', { id: TENANT_ID, email: null }), () => tenant().outboundSpamPolicies);
    expect(tenant().outboundSpamPolicies.every((p) => p.AutoForwardingMode === 'Off')).toBe(true);
  });

  it('repair-disclaimer-rule creates a rule when none carries the phrase, then leaves it alone', async () => {
    env.reset();
    const params = { text: '<p>This email is intended only for the named recipient.</p>', phrase: 'intended only for the named recipient', exemptSenders: ['user4@oakfield.sch.uk'] };
    await threeRuns(request('repair-disclaimer-rule', { id: TENANT_ID, email: null, item: 'rule' }, params), () => tenant().transportRules);
    const read = await make().readTenant(scopeAt(now(), new Set(['disclaimer.missing'])));
    if (!read.ok || read.value.disclaimer.kind !== 'transport-rules') throw new Error('tenant read failed');
    expect(read.value.disclaimer.rules.find((r) => r.text.includes('named recipient'))).toMatchObject({ enabled: true, enforced: true, appliesToExternal: true, exceptFrom: ['user4@oakfield.sch.uk'] });
  });

  it('repair-disclaimer-rule fixes an existing rule in test mode with the wrong exceptions', async () => {
    const fixture = msFixture();
    const rules = fixture.microsoft?.transportRules ?? [];
    rules.push({ Guid: '22222222-2222-4222-8222-222222222222', Name: 'Disclaimer', State: 'Disabled', Mode: 'Audit', SentToScope: 'NotInOrganization', ApplyHtmlDisclaimerText: 'Intended only for the named recipient.', ExceptIfFrom: ['user5@oakfield.sch.uk'] });
    env.reset(fixture);
    const params = { text: 'unused: the rule already has the phrase', phrase: 'intended only for the named recipient', exemptSenders: [] };
    await threeRuns(request('repair-disclaimer-rule', { id: TENANT_ID, email: null }, params), () => tenant().transportRules);
    expect(tenant().transportRules.find((r) => r.Name === 'Disclaimer')).toMatchObject({ State: 'Enabled', Mode: 'Enforce', ExceptIfFrom: [], ApplyHtmlDisclaimerText: 'Intended only for the named recipient.' });
    expect(tenant().transportRules).toHaveLength(2);
  });

  it('set-send-limit lowers MaxSendSize, and leaves a stricter one alone', async () => {
    env.reset();
    await threeRuns(request('set-send-limit', user1, { bytes: 2_097_152 }), () => mailboxOf(1).maxSendSizeBytes);
    expect(mailboxOf(1).maxSendSizeBytes).toBe(2_097_152);
    const looser = await make().remediate(request('set-send-limit', user1, { bytes: 10_000_000 }), { dryRun: false });
    expect(looser).toMatchObject({ ok: true, value: { changed: false } });
  });

  it('move-overdue-to-deleted-items moves old mail in batches and the next audit counts none', async () => {
    env.reset();
    const cutoff = '2025-11-20T12:00:00.000Z';
    const out = await threeRuns(request('move-overdue-to-deleted-items', user1, { cutoff }), () => mailboxOf(1).messages.map((m) => m.folderId));
    expect(out).toMatchObject({ before: { overdue: 25 }, after: { moved: 25, failed: 0 } });
    const c = make();
    const page = await c.readDirectory(null);
    if (!page.ok) throw new Error(page.error.message);
    const read = await c.readMailboxes(page.value.changed.filter((u) => u.id === userId(1)), scopeAt(now(), new Set(['retention.overdue'])));
    expect(read).toMatchObject({ ok: true, value: { snapshots: [{ overdue: { count: 0 } }] } });
    expect(env.sim.ctx.recorder.requests.filter((r) => r.url.endsWith('/move') && r.inBatch)).toHaveLength(25);
  });

  it('move-overdue-to-deleted-items never touches a mailbox on hold', async () => {
    env.reset();
    mailboxOf(1).litigationHoldEnabled = true;
    const out = await make().remediate(request('move-overdue-to-deleted-items', user1, { cutoff: '2025-11-20T12:00:00.000Z' }), { dryRun: false });
    expect(out).toMatchObject({ ok: true, value: { changed: false, before: { onHold: true } } });
    expect(mailboxOf(1).messages.filter((m) => m.folderId.endsWith('deleteditems'))).toEqual([]);
  });

  it('refuses an action it does not offer', async () => {
    expect(await make().remediate(request('delete-mailbox', user1), { dryRun: false })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
