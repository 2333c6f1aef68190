import { describe, expect, it } from 'vitest';
import type { RemediationRequest } from '../../src/domain/ports/tenant-connector.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { connector, makeKey, NOW, school } from './test-support.ts';

const key = await makeKey();
const env = useSimulator(() => school(key, { mailboxes: 40 }));
const users = () => env.sim.ctx.fixture.google?.users ?? [];
const dry = { dryRun: true };
const live = { dryRun: false };

function request(action: string, email: string, extra: Partial<RemediationRequest> = {}): RemediationRequest {
  const u = users().find((x) => x.primaryEmail === email);
  return { action, subject: { id: u?.id ?? email, email }, params: {}, policyRef: 'test', ...extra };
}

describe('remediation', { timeout: 60_000 }, () => {
  it('disable-auto-forwarding: dry run changes nothing, the real run turns it off, a re-run is a no-op', async () => {
    env.reset();
    const forwarder = users().find((u) => u.gmail.autoForwarding.enabled && !u.suspended);
    if (!forwarder) throw new Error('fixture has no forwarding user');
    const c = connector(key);
    const r = request('disable-auto-forwarding', forwarder.primaryEmail);
    const preview = await c.remediate(r, dry);
    expect(preview.ok && preview.value).toMatchObject({ changed: true, before: { enabled: true }, after: { enabled: false } });
    expect(forwarder.gmail.autoForwarding.enabled).toBe(true);
    const done = await c.remediate(r, live);
    expect(done.ok && done.value.changed).toBe(true);
    expect(forwarder.gmail.autoForwarding.enabled).toBe(false);
    const again = await c.remediate(r, live);
    expect(again.ok && again.value.changed).toBe(false);
  });

  it('delete-forwarding-filter keeps the full filter as before, deletes it once, and honours dry run', async () => {
    env.reset();
    const owner = users().find((u) => !u.suspended && u.gmail.filters.some((f) => f.action.forward));
    const filter = owner?.gmail.filters.find((f) => f.action.forward);
    if (!owner || !filter) throw new Error('fixture has no forwarding filter');
    const saved = structuredClone(filter);
    const c = connector(key);
    const r = request('delete-forwarding-filter', owner.primaryEmail, { subject: { id: owner.id, email: owner.primaryEmail, item: filter.id } });
    const preview = await c.remediate(r, dry);
    expect(preview.ok && preview.value.changed).toBe(true);
    expect(owner.gmail.filters.some((f) => f.id === filter.id)).toBe(true);
    const done = await c.remediate(r, live);
    expect(done.ok && done.value.before).toMatchObject({ id: saved.id, criteria: saved.criteria, action: saved.action });
    expect(owner.gmail.filters.some((f) => f.id === filter.id)).toBe(false);
    const again = await c.remediate(r, live);
    expect(again.ok && again.value.changed).toBe(false);
  });

  it('delete-deleting-filter refuses to touch a filter that does not delete', async () => {
    env.reset();
    const owner = users().find((u) => !u.suspended && u.gmail.filters.some((f) => !(f.action.addLabelIds ?? []).includes('TRASH')));
    const harmless = owner?.gmail.filters.find((f) => !(f.action.addLabelIds ?? []).includes('TRASH'));
    if (!owner || !harmless) throw new Error('fixture has no ordinary filter');
    const r = request('delete-deleting-filter', owner.primaryEmail, { subject: { id: owner.id, email: owner.primaryEmail, item: harmless.id } });
    const out = await connector(key).remediate(r, live);
    expect(out.ok && out.value.changed).toBe(false);
    expect(owner.gmail.filters.some((f) => f.id === harmless.id)).toBe(true);
  });

  it('append-signature-disclaimer adds the text once, whatever the case of an existing phrase', async () => {
    env.reset();
    const person = users().find((u) => !u.suspended && u.gmail.sendAs.some((s) => s.isPrimary && !s.signature.toLowerCase().includes('intended only')));
    if (!person) throw new Error('fixture has no signature lacking the disclaimer');
    const text = 'This email is intended only for the named recipient. If you received it in error, please tell the sender.';
    const r = request('append-signature-disclaimer', person.primaryEmail, { params: { text, phrase: 'intended only for the named recipient' } });
    const c = connector(key);
    const preview = await c.remediate(r, dry);
    expect(preview.ok && preview.value.changed).toBe(true);
    expect(person.gmail.sendAs[0]?.signature.includes(text)).toBe(false);
    const done = await c.remediate(r, live);
    expect(done.ok && done.value.changed).toBe(true);
    const signature = person.gmail.sendAs.find((s) => s.isPrimary)?.signature ?? '';
    expect(signature.split('intended only for the named recipient').length - 1).toBe(1);
    const again = await c.remediate(r, live);
    expect(again.ok && again.value.changed).toBe(false);
    expect(person.gmail.sendAs.find((s) => s.isPrimary)?.signature).toBe(signature);
  });

  it('trash-overdue-mail moves old mail to the Bin (recoverable), is idempotent and skips hold exemptions', async () => {
    env.reset();
    const cutoff = new Date(NOW);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - 12);
    const owner = users().find((u) => !u.suspended && u.primaryEmail !== 'bursar@oakfieldprimary.sch.uk' && u.gmail.bulk.some((b) => Number(b.internalDate) < cutoff.getTime()));
    if (!owner) throw new Error('fixture has no overdue mail');
    const overdue = owner.gmail.bulk.filter((b) => Number(b.internalDate) < cutoff.getTime()).reduce((s, b) => s + b.count, 0);
    const params = { cutoff: cutoff.toISOString(), holdExemptions: ['bursar@oakfieldprimary.sch.uk'] };
    const c = connector(key);
    const r = request('trash-overdue-mail', owner.primaryEmail, { params });
    const preview = await c.remediate(r, dry);
    expect(preview.ok && preview.value).toMatchObject({ changed: true, before: { overdueCount: overdue } });
    expect(owner.gmail.messages.filter((m) => m.labelIds.includes('TRASH'))).toHaveLength(0);
    const done = await c.remediate(r, live);
    expect(done.ok && done.value).toMatchObject({ changed: true, before: { overdueCount: overdue }, after: { overdueCount: 0, movedToBin: overdue } });
    expect(owner.gmail.messages.filter((m) => m.labelIds.includes('TRASH'))).toHaveLength(overdue);
    const again = await c.remediate(r, live);
    expect(again.ok && again.value.changed).toBe(false);
    const bursar = await c.remediate(request('trash-overdue-mail', 'bursar@oakfieldprimary.sch.uk', { params }), live);
    expect(bursar.ok && bursar.value).toMatchObject({ changed: false, before: { exempt: true } });
    const batches = env.sim.ctx.recorder.requests.filter((x) => x.url.endsWith('/messages/batchModify'));
    expect(batches.length).toBe(Math.ceil(overdue / 1000));
  });

  it('refuses an unknown action', async () => {
    const out = await connector(key).remediate(request('purge-everything', 'head@oakfieldprimary.sch.uk'), live);
    expect(out.ok ? null : out.error.code).toBe('invalid_input');
  });
});
