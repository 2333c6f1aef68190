import { describe, expect, it } from 'vitest';
import type { DirectoryUser, MailboxSnapshot } from '../../src/domain/audit/snapshot.ts';
import type { Realism } from '../../simulator/fixture/realism.ts';
import { msFixture, SECRET_APP, TENANT_ID, userId } from '../../simulator/microsoft/test-fixture.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { connector, scopeAt, SECRET_REF, secretConfig, spyFetch, expectFailure } from './test-support.ts';

const env = useSimulator(() => msFixture({ users: 60 }));
const now = () => new Date('2026-11-20T12:00:00Z');
const make = (extra: Parameters<typeof connector>[2] = { now }) => connector(secretConfig(TENANT_ID, SECRET_APP.clientId), { [SECRET_REF]: SECRET_APP.clientSecret }, { ...extra, now });

async function directory(): Promise<DirectoryUser[]> {
  const page = await make().readDirectory(null);
  if (!page.ok) throw new Error(page.error.message);
  return page.value.changed;
}

const byUser = (snapshots: MailboxSnapshot[]) => [...snapshots].sort((a, b) => a.user.id.localeCompare(b.user.id));

describe('readMailboxes', () => {
  it('reads rules, forwarding, sent metadata, overdue counts and limits into snapshots', async () => {
    env.reset();
    const users = await directory();
    // m-1 was sent on 1 November, m-2 on 1 October: only m-1 is in this window.
    const read = await make().readMailboxes(users, { ...scopeAt(now()), sentSince: new Date('2026-10-15T00:00:00Z') });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.unread).toEqual([]);
    expect(read.value.snapshots).toHaveLength(users.length);
    const one = read.value.snapshots.find((s) => s.user.id === userId(1));
    expect(one).toMatchObject({
      mailboxForwarding: { address: 'someone@gmail.com', keepsCopy: true },
      sendLimitBytes: 36_700_160,
      onHold: false,
      signatures: null,
      overdue: { count: 25, cutoff: '2025-11-20T12:00:00.000Z' },
      sent: [{ id: 'm-1', visibleRecipients: ['parent@example.org'], attachmentCount: 1, attachmentBytes: 3_000_000, largestAttachmentBytes: 3_000_000 }],
    });
    expect(one?.rules).toEqual([
      { id: 'rule-1', name: 'Forward everything', enabled: true, forwards: [{ address: 'me@gmail.com', via: 'forward' }], deletes: null, conditions: 'all mail' },
      { id: 'rule-2', name: 'Bin newsletters', enabled: true, forwards: [], deletes: 'delete', conditions: 'sender contains: news' },
    ]);
    expect(read.value.snapshots.find((s) => s.user.id === userId(4))?.user.kind).toBe('shared');
  });

  it('packs calls into $batch requests of at most 20 and never has more than 4 in flight per mailbox', async () => {
    env.reset();
    const users = await directory();
    env.sim.ctx.recorder.clear();
    const spy = spyFetch();
    const read = await make({ now, fetch: spy.fetch }).readMailboxes(users, scopeAt(now()));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.unread).toEqual([]);
    expect(spy.batches.length).toBeGreaterThan(0);
    expect(Math.max(...spy.batches.map((b) => b.size))).toBeLessThanOrEqual(20);
    expect(spy.maxInFlightPerMailbox()).toBeLessThanOrEqual(4);
    const recorded = env.sim.ctx.recorder.requests;
    const sub = recorded.filter((r) => r.inBatch);
    // The simulator answers 429 to a fifth concurrent call on a mailbox: none happened.
    expect(sub.filter((r) => r.status === 429)).toEqual([]);
    // Most round-trips were saved: 5 reads per mailbox travel in far fewer HTTP requests.
    expect(recorded.filter((r) => !r.inBatch && r.url === '/v1.0/$batch').length).toBeLessThan(sub.length / 5);
  });

  it('loses no mailbox in a 429 storm and reads exactly what a calm run reads', async () => {
    env.reset();
    const users = await directory();
    const calm = await make().readMailboxes(users, scopeAt(now()));
    env.reset(msFixture({ users: 60, realism: { throttleRate: 0.3, retryAfterSeconds: 2, seed: 7 } satisfies Partial<Realism> }));
    const waits: number[] = [];
    const stormy = await make({ now, sleep: (ms) => (waits.push(ms), Promise.resolve()) }).readMailboxes(users, scopeAt(now()));
    if (!calm.ok || !stormy.ok) throw new Error('read failed');
    expect(stormy.value.unread).toEqual([]);
    expect(byUser(stormy.value.snapshots)).toEqual(byUser(calm.value.snapshots));
    expect(env.sim.ctx.recorder.requests.filter((r) => r.status === 429).length).toBeGreaterThan(10);
    // Every retry waited what Retry-After asked.
    expect(waits.length).toBeGreaterThan(0);
    expect(new Set(waits)).toEqual(new Set([2000]));
  });

  it('reports every mailbox as forbidden, naming MailboxSettings.Read, when rules cannot be read', async () => {
    env.reset();
    const users = await directory();
    env.reset(msFixture({ users: 60, realism: { withheldPermissions: ['MailboxSettings.Read'] } }));
    const read = await make().readMailboxes(users, scopeAt(now(), new Set(['forwarding.inbox-rule-external'])));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.snapshots).toEqual([]);
    const withMailbox = users.filter((u) => u.id !== userId(3));
    expect(read.value.unread).toHaveLength(withMailbox.length);
    expect(read.value.unread.every((u) => u.code === 'forbidden' && u.permission === 'MailboxSettings.Read' && u.message.includes('MailboxSettings.Read'))).toBe(true);
  });

  it('reports a user deleted mid-run as not_found and reads everyone else', async () => {
    env.reset(msFixture({ users: 60, realism: { deleteMidRun: [{ email: 'user5@oakfield.sch.uk', afterRequests: 3 }] } }));
    const c = make();
    const page = await c.readDirectory(null);
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.changed.some((u) => u.id === userId(5))).toBe(true);
    const read = await c.readMailboxes(page.value.changed, scopeAt(now()));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.unread).toEqual([expect.objectContaining({ userId: userId(5), code: 'not_found' })]);
    expect(read.value.snapshots).toHaveLength(page.value.changed.length - 1);
  });

  it('uses the mailbox facts the directory read returned instead of asking Exchange again', async () => {
    env.reset();
    const page = await make().readDirectory(null);
    if (!page.ok) throw new Error(page.error.message);
    const facts = page.value.mailboxFacts ?? {};
    expect(facts[userId(1)]).toEqual({ kind: 'user', forwarding: { address: 'someone@gmail.com', keepsCopy: true }, sendLimitBytes: 36_700_160, onHold: false });
    expect(facts[userId(3)]).toBeUndefined();
    const users = page.value.changed.map((u) => ({ ...u, mailbox: facts[u.id] ?? null }));
    env.sim.ctx.recorder.clear();
    const read = await make().readMailboxes(users, scopeAt(now()));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.snapshots.find((s) => s.user.id === userId(1))).toMatchObject({ mailboxForwarding: { address: 'someone@gmail.com', keepsCopy: true }, sendLimitBytes: 36_700_160 });
    expect(env.sim.ctx.recorder.requests.filter((r) => r.url.includes('InvokeCommand'))).toEqual([]);
  });

  it('looks up a few mailboxes without facts one by one rather than listing the tenant', async () => {
    env.reset();
    const users = (await directory()).filter((u) => u.id === userId(1) || u.id === userId(4));
    env.sim.ctx.recorder.clear();
    const read = await make().readMailboxes(users, scopeAt(now(), new Set(['forwarding.mailbox-external'])));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.snapshots.find((s) => s.user.id === userId(1))?.mailboxForwarding).toEqual({ address: 'someone@gmail.com', keepsCopy: true });
    expect(env.sim.ctx.recorder.requests.filter((r) => r.url.includes('InvokeCommand')).map((r) => r.mailbox).sort()).toEqual(['user1@oakfield.sch.uk', 'user4@oakfield.sch.uk']);
  });

  it('refuses the batch when Exchange is not granted and a check needs it, naming the permission', async () => {
    env.reset();
    const users = await directory();
    env.reset(msFixture({ users: 60, realism: { withheldPermissions: ['Exchange.ManageAsApp'] } }));
    const read = await make().readMailboxes(users, scopeAt(now(), new Set(['forwarding.mailbox-external'])));
    expectFailure(read, 'upstream_forbidden', 'Exchange.ManageAsApp');
  });
});
