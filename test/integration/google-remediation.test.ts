import { describe, expect, it } from 'vitest';
import { api } from '../support/api.ts';
import { useSimulator } from '../support/simulator.ts';
import { googleFixture, setUpGoogleSchool, simUser, startGoogleAudit } from './google-support.ts';
import { auditLogOf, demoProfile, listFindings, remediationsOf, waitForRemediations, waitForRun, type FindingView } from './pipeline-support.ts';

const fixture = googleFixture(23);
const sim = useSimulator(fixture);

const expectedOf = (checkId: string) => (fixture.expected ?? []).filter((e) => e.provider === 'google-workspace' && e.checkId === checkId);
const user = (email: string) => simUser(sim.sim.ctx.fixture, email);
/** Writes Tutela made to the domain: every Gmail or Directory call that is not a read (token and batch envelopes aside). */
const writes = () =>
  sim.sim.ctx.recorder.requests.filter((r) => r.provider === 'google-workspace' && r.method !== 'GET' && !r.url.startsWith('/token') && !r.url.startsWith('/batch')).map((r) => `${r.method} ${r.url}`);

/** A forwarding filter that does not also delete, so one action settles one finding. */
function plainForwardingFinding(findings: FindingView[]): FindingView & { subject: { email: string; item: string } } {
  const deleting = new Set(findings.filter((f) => f.checkId === 'deletion.inbox-rule').map((f) => f.subject.item));
  const found = findings.find((f) => f.checkId === 'forwarding.inbox-rule-external' && !deleting.has(f.subject.item));
  const { email, item } = found?.subject ?? {};
  if (!found || !email || !item) throw new Error('no plain forwarding filter finding');
  return { ...found, subject: { ...found.subject, email, item } };
}

describe('Google Workspace remediation through the Worker', { timeout: 120_000 }, () => {
  it('turns external auto-forwarding off at once (auto) and deletes a forwarding filter once approved, keeping its definition', async () => {
    sim.reset();
    await setUpGoogleSchool('g-fix', fixture, demoProfile());
    const run = await waitForRun('g-fix', await startGoogleAudit('g-fix'));
    expect(run.status).toBe('completed');

    // auto (forwarding.mailbox-external): forwarding switched off without anyone approving.
    const forwarding = expectedOf('forwarding.mailbox-external');
    expect(forwarding.length).toBeGreaterThan(0);
    for (const e of forwarding) expect(user(e.email).gmail.autoForwarding.enabled).toBe(false);
    const remediated = await listFindings('g-fix', '&status=remediated');
    expect(remediated.map((f) => f.subject.email).sort()).toEqual(forwarding.map((e) => e.email).sort());
    const applied = (await auditLogOf('g-fix')).filter((l) => l.action === 'disable-auto-forwarding');
    expect(applied.map((l) => l.outcome)).toEqual(forwarding.map(() => 'applied'));
    expect(applied.every((l) => l.before?.enabled === true && l.after?.enabled === false)).toBe(true);
    // Forwarding to the trust or the PTA is allowed, and stays on.
    const allowed = sim.sim.ctx.fixture.google?.users.filter((u) => u.gmail.autoForwarding.enabled) ?? [];
    expect(allowed.length).toBeGreaterThan(0);

    // approve (forwarding.inbox-rule-external, deletion.inbox-rule): waiting, nothing deleted yet.
    const open = await listFindings('g-fix', '&status=open');
    const filterFindings = open.filter((f) => f.checkId === 'forwarding.inbox-rule-external' || f.checkId === 'deletion.inbox-rule');
    const pending = await remediationsOf('g-fix', 'pending-approval');
    expect(pending.map((a) => a.findingId).sort()).toEqual(filterFindings.map((f) => f.id).sort());
    expect(pending.every((a) => ['delete-forwarding-filter', 'delete-deleting-filter'].includes(a.action) && !a.dryRun)).toBe(true);

    const target = plainForwardingFinding(open);
    const action = pending.find((a) => a.findingId === target.id);
    if (!action) throw new Error('no action for the forwarding filter');
    expect(action.action).toBe('delete-forwarding-filter');
    const filterOf = () => user(target.subject.email).gmail.filters.find((f) => f.id === target.subject.item);
    const definition = structuredClone(filterOf());
    expect(definition?.action.forward).toBeTruthy();

    const approved = await api('POST', `/api/schools/g-fix/remediations/${action.id}/approve`, { comment: 'agreed with the member of staff' });
    expect(approved.status).toBe(200);
    await waitForRemediations('g-fix');
    expect(filterOf()).toBeUndefined();
    // Gmail filters cannot be switched off, so the log keeps everything needed to recreate it.
    const entry = (await auditLogOf('g-fix')).find((l) => l.action === 'delete-forwarding-filter');
    expect(entry).toMatchObject({ targetId: `${target.subject.email}#${target.subject.item}`, outcome: 'applied', dryRun: false });
    expect(entry?.before).toMatchObject({ id: definition?.id, criteria: definition?.criteria, action: definition?.action });
    expect((await api('GET', `/api/schools/g-fix/findings/${target.id}`)).json.finding).toMatchObject({ status: 'remediated' });

    // Approving again changes nothing.
    const logSize = (await auditLogOf('g-fix')).length;
    const writesBefore = writes().length;
    expect((await api('POST', `/api/schools/g-fix/remediations/${action.id}/approve`, {})).status).toBe(409);
    await waitForRemediations('g-fix');
    expect((await auditLogOf('g-fix')).length).toBe(logSize);
    expect(writes().length).toBe(writesBefore);
    expect((await remediationsOf('g-fix')).find((a) => a.id === action.id)?.status).toBe('done');

    // The next audit no longer finds the filter, and does not re-open what was fixed.
    const next = await waitForRun('g-fix', await startGoogleAudit('g-fix'));
    expect(next.status).toBe('completed');
    const reopened = (await listFindings('g-fix', '&status=open')).filter((f) => f.id === target.id || remediated.some((r) => r.id === f.id));
    expect(reopened).toEqual([]);
  });

  it('runs a dry-run audit without touching the domain and logs dry-run outcomes', async () => {
    sim.reset();
    await setUpGoogleSchool('g-dry', fixture, demoProfile());
    const run = await waitForRun('g-dry', await startGoogleAudit('g-dry', { dryRun: true }));
    expect(run).toMatchObject({ status: 'completed', dryRun: true });

    const forwarding = expectedOf('forwarding.mailbox-external');
    const log = await auditLogOf('g-dry');
    expect(log.filter((l) => l.action === 'disable-auto-forwarding').map((l) => l.outcome)).toEqual(forwarding.map(() => 'dry-run'));
    for (const e of forwarding) expect(user(e.email).gmail.autoForwarding.enabled).toBe(true);

    // An approved dry-run action previews the deletion and makes none.
    const pending = await remediationsOf('g-dry', 'pending-approval');
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((a) => a.dryRun)).toBe(true);
    const filters = () => (sim.sim.ctx.fixture.google?.users ?? []).flatMap((u) => u.gmail.filters.map((f) => f.id)).sort();
    const before = filters();
    for (const a of pending) expect((await api('POST', `/api/schools/g-dry/remediations/${a.id}/approve`, {})).status).toBe(200);
    await waitForRemediations('g-dry');
    const previews = (await auditLogOf('g-dry')).filter((l) => l.action === 'delete-forwarding-filter' || l.action === 'delete-deleting-filter');
    expect(previews).toHaveLength(pending.length);
    expect(previews.every((l) => l.outcome === 'dry-run' && l.dryRun)).toBe(true);

    expect(filters()).toEqual(before);
    expect(writes()).toEqual([]);
    expect(await listFindings('g-dry', '&status=remediated')).toEqual([]);
  });
});
