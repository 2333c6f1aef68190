import { describe, expect, it } from 'vitest';
import type { DirectoryUser, MailboxSnapshot } from '../../src/domain/audit/snapshot.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';
import { createTokenStore } from '../shared/oauth-tokens.ts';
import { connector, fakeSleep, makeKey, scopeAt, school, type TestKey } from './test-support.ts';

const key: TestKey = await makeKey();
const env = useSimulator(() => school(key, { mailboxes: 60 }));

async function directory(): Promise<DirectoryUser[]> {
  const page = await connector(key).readDirectory(null);
  if (!page.ok) throw new Error(page.error.message);
  return page.value.changed;
}
const byUser = (s: MailboxSnapshot[]) => [...s].sort((a, b) => a.user.id.localeCompare(b.user.id));
const PAGE_USER = 'office@oakfieldprimary.sch.uk';

/** One mailbox with 1,200 messages sent yesterday, so searches and gets need several pages and batches. */
function withBusySender(input: FixtureInput): FixtureInput {
  const user = input.google?.users?.find((u) => u.primaryEmail === PAGE_USER);
  if (user?.gmail) user.gmail.bulk = [...(user.gmail.bulk ?? []), { labelIds: ['SENT'], internalDate: String(Date.parse('2026-11-22T09:00:00Z')), count: 1200 }];
  return input;
}

describe('readMailboxes', { timeout: 60_000 }, () => {
  it('pages searches with nextPageToken and batches message gets, at most 50 parts a batch', async () => {
    env.reset(withBusySender(school(key, { mailboxes: 60 })));
    const users = await directory();
    env.sim.ctx.recorder.clear();
    const office = users.filter((u) => u.email === PAGE_USER);
    const read = await connector(key).readMailboxes(office, scopeAt());
    if (!read.ok) throw new Error(read.error.message);
    const sent = read.value.snapshots[0]?.sent ?? [];
    expect(sent.length).toBeGreaterThanOrEqual(1200);
    const requests = env.sim.ctx.recorder.requests;
    const q = (url: string) => new URL(`https://gmail.googleapis.com${url}`).searchParams.get('q') ?? '';
    const sentLists = requests.filter((r) => r.inBatch && r.url.includes('/messages?') && /^in:sent after:\d+$/.test(q(r.url)));
    expect(sentLists.length).toBe(Math.ceil(sent.length / 500));
    const gets = requests.filter((r) => r.inBatch && /\/messages\/[^/?]+\?/.test(r.url));
    expect(gets.every((r) => r.url.includes('format=metadata') || r.url.includes('format=full&fields='))).toBe(true);
    // Bcc is never asked for.
    expect(gets.some((r) => r.url.toLowerCase().includes('bcc'))).toBe(false);
    const batches = requests.filter((r) => !r.inBatch && r.url.startsWith('/batch/gmail/v1'));
    expect(batches.length).toBeGreaterThanOrEqual(Math.ceil(gets.length / 50));
    expect(batches.length).toBeLessThan(gets.length / 40);
  });

  it('reads each calm mailbox in as many batches as its longest chain of dependent calls, tokens reused', async () => {
    env.reset();
    const users = await directory();
    const active = users.filter((u) => u.enabled);
    const store = createTokenStore();
    const topLevel = () => env.sim.ctx.recorder.requests.filter((r) => !r.inBatch);
    env.sim.ctx.recorder.clear();
    const first = await connector(key, { tokenStore: store }).readMailboxes(users, scopeAt());
    expect(topLevel().filter((r) => r.url.startsWith('/token'))).toHaveLength(2 * active.length);

    env.sim.ctx.recorder.clear();
    const batchesOf = new Map<string, number>();
    const counting: typeof fetch = (input, init) => {
      const user = /\/gmail\/v1\/users\/([^/?]+)/.exec(typeof init?.body === 'string' ? init.body : '')?.[1];
      if (user) batchesOf.set(decodeURIComponent(user), (batchesOf.get(decodeURIComponent(user)) ?? 0) + 1);
      return fetch(input, init);
    };
    // A new connector in the same isolate, as the pipeline builds one per queue message.
    const repeat = await connector(key, { tokenStore: store, fetch: counting }).readMailboxes(users, scopeAt());
    if (!first.ok || !repeat.ok) throw new Error('read failed');
    expect(repeat.value.unread).toEqual([]);
    expect(byUser(repeat.value.snapshots)).toEqual(byUser(first.value.snapshots));
    expect(topLevel().filter((r) => r.url.startsWith('/token'))).toEqual([]);

    const q = (url: string) => new URL(`https://gmail.googleapis.com${url}`).searchParams.get('q') ?? '';
    let merged = 0;
    for (const user of active) {
      const calls = env.sim.ctx.recorder.requests.filter((r) => r.inBatch && r.mailbox === user.email);
      expect(calls.length).toBeLessThanOrEqual(50);
      const pages = (re: RegExp) => calls.filter((r) => r.url.includes('/messages?') && re.test(q(r.url))).length;
      const gets = (format: string) => calls.some((r) => /\/messages\/[^/?]+\?/.test(r.url) && r.url.includes(`format=${format}`));
      // Settings and every first page go together; gets follow their search; pages follow pages.
      const chain = Math.max(pages(/^in:sent after:/) + (gets('metadata') ? 1 : 0), pages(/^in:sent has:attachment/) + (gets('full') ? 1 : 0), pages(/^before:/), 1);
      expect({ user: user.email, batches: batchesOf.get(user.email) }).toEqual({ user: user.email, batches: chain });
      if (pages(/^before:/) > 1 && gets('metadata')) merged += 1;
    }
    // Some people's message gets rode along with the next page of their overdue count.
    expect(merged).toBeGreaterThan(0);
  });

  it('counts overdue mail by paging ids, not from resultSizeEstimate', async () => {
    env.reset();
    const users = await directory();
    const bursar = users.filter((u) => u.email === 'bursar@oakfieldprimary.sch.uk');
    const read = await connector(key).readMailboxes(bursar, scopeAt());
    const fixtureBulk = env.sim.ctx.fixture.google?.users.find((u) => u.primaryEmail === 'bursar@oakfieldprimary.sch.uk')?.gmail.bulk ?? [];
    const cutoff = scopeAt().retentionCutoff?.getTime() ?? 0;
    const old = fixtureBulk.filter((b) => Number(b.internalDate) < cutoff).reduce((s, b) => s + b.count, 0);
    expect(old).toBeGreaterThan(500);
    expect(read.ok && read.value.snapshots[0]?.overdue?.count).toBe(old);
  });

  it('loses no mailbox in a 429 storm and reads exactly what a calm run reads', async () => {
    env.reset();
    const users = await directory();
    const calm = await connector(key).readMailboxes(users, scopeAt());
    env.reset(school(key, { mailboxes: 60, realism: { throttleRate: 0.3, retryAfterSeconds: 2, seed: 5 } }));
    const pause = fakeSleep();
    const stormy = await connector(key, { sleep: pause.sleep, random: () => 0.5 }).readMailboxes(users, scopeAt());
    if (!calm.ok || !stormy.ok) throw new Error('read failed');
    expect(stormy.value.unread).toEqual([]);
    expect(byUser(stormy.value.snapshots)).toEqual(byUser(calm.value.snapshots));
    expect(env.sim.ctx.recorder.requests.filter((r) => r.status === 429).length).toBeGreaterThan(10);
    expect(pause.waits).toContain(2000);
  });

  it('reports every mailbox as forbidden, naming the scope, when Gmail settings cannot be read', async () => {
    env.reset(school(key, { mailboxes: 30, realism: { withheldPermissions: ['gmail.settings.basic'] } }));
    const users = await directory();
    const read = await connector(key, fakeSleep()).readMailboxes(users, scopeAt());
    if (!read.ok) throw new Error(read.error.message);
    const active = users.filter((u) => u.enabled);
    expect(read.value.unread).toHaveLength(active.length);
    expect(read.value.unread.every((u) => u.code === 'forbidden' && u.permission === 'https://www.googleapis.com/auth/gmail.settings.basic')).toBe(true);
    expect(read.value.unread[0]?.message).toContain('scope https://www.googleapis.com/auth/gmail.settings.basic is missing');
  });

  it('explains missing delegation for a scope rather than skipping the mailbox', async () => {
    env.reset(school(key, { mailboxes: 30, scopes: ['https://www.googleapis.com/auth/admin.directory.user.readonly', 'https://www.googleapis.com/auth/gmail.settings.basic'] }));
    const users = await directory();
    const read = await connector(key, fakeSleep()).readMailboxes(users.slice(0, 3), scopeAt());
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.unread.map((u) => u.code)).toEqual(users.slice(0, 3).filter((u) => u.enabled).map(() => 'forbidden'));
    expect(read.value.unread[0]?.message).toContain('domain-wide delegation for scope https://www.googleapis.com/auth/gmail.readonly is not granted to client');
  });

  it('turns a user deleted mid-run into an unread warning and reads everyone else', async () => {
    const base = school(key, { mailboxes: 60 });
    env.reset(base);
    const users = await directory();
    const victim = users.find((u) => u.enabled && u.email.startsWith('a'))?.email ?? '';
    env.reset({ ...base, realism: { ...base.realism, deleteMidRun: [{ email: victim, afterRequests: 0 }] } });
    const read = await connector(key, { ...fakeSleep(), limits: { usersInFlight: 1 } }).readMailboxes(users, scopeAt());
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.unread).toEqual([expect.objectContaining({ email: victim, code: 'not_found' })]);
    expect(read.value.unread[0]?.message).toContain('deleted or suspended while the audit ran');
    expect(read.value.snapshots).toHaveLength(users.length - 1);
  });

  it('paces a heavy user under the per-user quota instead of being refused', async () => {
    env.reset(withBusySender(school(key, { mailboxes: 60 })));
    const users = await directory();
    env.sim.ctx.recorder.clear();
    let clock = Date.now();
    const waits: number[] = [];
    // A 1,000-unit budget stands in for 15,000 so pacing happens without waiting a real minute.
    const c = connector(key, { limits: { userUnitsPerMinute: 1000 }, clock: () => clock, sleep: (ms) => ((clock += ms), waits.push(ms), Promise.resolve()) });
    const read = await c.readMailboxes(users.filter((u) => u.email === PAGE_USER), scopeAt());
    expect(read.ok && read.value.unread).toEqual([]);
    expect(read.ok && read.value.snapshots[0]?.sent.length).toBeGreaterThanOrEqual(1200);
    // 1,200 gets at 5 units each is 6,000 units: at least five full windows had to pass.
    expect(waits.reduce((s, w) => s + w, 0)).toBeGreaterThanOrEqual(5 * 60_000);
    expect(env.sim.ctx.recorder.requests.filter((r) => r.status === 429)).toEqual([]);
  });
});
