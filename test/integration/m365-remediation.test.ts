import { describe, expect, it } from 'vitest';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';
import { api } from '../support/api.ts';
import { demoProfile, listFindings, m365Fixture, setUpSchool, startAudit, waitForRemediations, waitForRun, type FindingView } from './m365-support.ts';
import { auditLogOf as auditLog, remediationsOf as actions } from './pipeline-support.ts';
import { useRecordingSimulator } from './recording-simulator.ts';

const fixture = m365Fixture(23);
const sim = useRecordingSimulator(fixture);

const mailboxOf = (email: string) => {
  const user = sim.sim.ctx.fixture.microsoft?.users.find((u) => (u.mail ?? u.userPrincipalName).toLowerCase() === email.toLowerCase());
  if (!user?.mailbox) throw new Error(`no mailbox ${email} in the simulator`);
  return user.mailbox;
};
const expectedOf = (f: FixtureInput, checkId: string) => (f.expected ?? []).filter((e) => e.provider === 'microsoft365' && e.checkId === checkId);
/** Writes Tutela made to the tenant: Graph PATCH/POST/DELETE outside $batch reads, and Set-* cmdlets. */
const writes = () => [
  ...sim.sim.ctx.recorder.requests.filter((r) => ['PATCH', 'DELETE'].includes(r.method) || (r.method === 'POST' && r.inBatch)).map((r) => `${r.method} ${r.url}`),
  ...sim.cmdlets.filter((c) => !c.startsWith('Get-')),
];

/** A forwarding rule that is not also a deletion rule, so one action settles one finding. */
function plainForwardingFinding(findings: FindingView[]): FindingView {
  const deleting = new Set(findings.filter((f) => f.checkId === 'deletion.inbox-rule').map((f) => f.subject.item));
  const found = findings.find((f) => f.checkId === 'forwarding.inbox-rule-external' && !deleting.has(f.subject.item));
  if (!found) throw new Error('no plain forwarding rule finding');
  return found;
}

describe('Microsoft 365 remediation through the Worker', { timeout: 120_000 }, () => {
  it('holds approve-mode fixes for a person, carries out auto-mode ones at once, and records both', async () => {
    sim.reset();
    await setUpSchool('m365-fix', fixture, demoProfile());
    const run = await waitForRun('m365-fix', await startAudit('m365-fix'));
    expect(run.status).toBe('completed');

    // auto (forwarding.mailbox-external): forwarding cleared without anyone approving.
    const forwarding = expectedOf(fixture, 'forwarding.mailbox-external');
    expect(forwarding.length).toBeGreaterThan(0);
    for (const e of forwarding) expect(mailboxOf(e.email)).toMatchObject({ forwardingSmtpAddress: null, forwardingAddress: null, deliverToMailboxAndForward: false });
    const remediated = await listFindings('m365-fix', '&status=remediated');
    expect(remediated.map((f) => f.subject.email).sort()).toEqual(forwarding.map((e) => e.email).sort());
    const log = await auditLog('m365-fix');
    expect(log.filter((l) => l.action === 'clear-mailbox-forwarding' && l.outcome === 'applied')).toHaveLength(forwarding.length);

    // approve (forwarding.inbox-rule-external, deletion.inbox-rule): waiting, nothing changed yet.
    const open = await listFindings('m365-fix', '&status=open');
    const ruleFindings = open.filter((f) => f.checkId === 'forwarding.inbox-rule-external' || f.checkId === 'deletion.inbox-rule');
    const pending = await actions('m365-fix', 'pending-approval');
    expect(pending.map((a) => a.findingId).sort()).toEqual(ruleFindings.map((f) => f.id).sort());
    expect(pending.every((a) => a.action === 'disable-inbox-rule' && !a.dryRun)).toBe(true);

    const target = plainForwardingFinding(open);
    const action = pending.find((a) => a.findingId === target.id);
    if (!action || !target.subject.email || !target.subject.item) throw new Error('no action for the forwarding rule');
    const rule = () => mailboxOf(target.subject.email ?? '').inboxRules.find((r) => r.id === target.subject.item);
    expect(rule()?.isEnabled).toBe(true);

    const approved = await api('POST', `/api/schools/m365-fix/remediations/${action.id}/approve`, { comment: 'agreed with the member of staff' });
    expect(approved.status).toBe(200);
    await waitForRemediations('m365-fix');
    // The rule is kept, switched off, as a record.
    expect(rule()).toMatchObject({ id: target.subject.item, isEnabled: false });
    const entry = (await auditLog('m365-fix')).find((l) => l.action === 'disable-inbox-rule');
    expect(entry).toMatchObject({ targetId: `${target.subject.email}#${target.subject.item}`, outcome: 'applied', dryRun: false, before: { isEnabled: true }, after: { isEnabled: false } });
    expect((await api('GET', `/api/schools/m365-fix/findings/${target.id}`)).json.finding).toMatchObject({ status: 'remediated' });

    // Approving again changes nothing.
    const logSize = (await auditLog('m365-fix')).length;
    const writesBefore = writes().length;
    const again = await api('POST', `/api/schools/m365-fix/remediations/${action.id}/approve`, {});
    expect(again.status).toBe(409);
    await waitForRemediations('m365-fix');
    expect((await auditLog('m365-fix')).length).toBe(logSize);
    expect(writes().length).toBe(writesBefore);
    expect((await actions('m365-fix')).find((a) => a.id === action.id)?.status).toBe('done');
  });

  it('runs a dry-run audit without touching the tenant and logs dry-run outcomes', async () => {
    sim.reset();
    await setUpSchool('m365-dry', fixture, demoProfile());
    const run = await waitForRun('m365-dry', await startAudit('m365-dry', { dryRun: true }));
    expect(run).toMatchObject({ status: 'completed', dryRun: true });

    const forwarding = expectedOf(fixture, 'forwarding.mailbox-external');
    const log = await auditLog('m365-dry');
    expect(log.filter((l) => l.action === 'clear-mailbox-forwarding').map((l) => l.outcome)).toEqual(forwarding.map(() => 'dry-run'));
    for (const e of forwarding) expect(mailboxOf(e.email).forwardingSmtpAddress ?? mailboxOf(e.email).forwardingAddress).not.toBeNull();

    // An approved dry-run action previews the change and makes none.
    const pending = await actions('m365-dry', 'pending-approval');
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((a) => a.dryRun)).toBe(true);
    const first = pending[0];
    if (!first) throw new Error('no pending action');
    expect((await api('POST', `/api/schools/m365-dry/remediations/${first.id}/approve`, {})).status).toBe(200);
    await waitForRemediations('m365-dry');
    expect((await auditLog('m365-dry')).find((l) => l.action === 'disable-inbox-rule')).toMatchObject({ outcome: 'dry-run', dryRun: true });

    expect(writes()).toEqual([]);
    expect(await listFindings('m365-dry', '&status=remediated')).toEqual([]);
  });
});
