import { describe, expect, it } from 'vitest';
import { msFixture, SECRET_APP, TENANT_ID, userId } from '../../simulator/microsoft/test-fixture.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { connector, SECRET_REF, secretConfig, expectFailure } from './test-support.ts';

const env = useSimulator(() => msFixture({ users: 150 }));
const now = () => new Date('2026-11-20T12:00:00Z');
const make = () => connector(secretConfig(TENANT_ID, SECRET_APP.clientId), { [SECRET_REF]: SECRET_APP.clientSecret }, { now });
const deltaCalls = () => env.sim.ctx.recorder.requests.filter((r) => r.url.startsWith('/v1.0/users/delta'));

describe('readDirectory', () => {
  it('reads every member through delta pages, with kinds from Get-Mailbox and sign-ins', async () => {
    env.reset();
    const page = await make().readDirectory(null);
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.full).toBe(true);
    expect(page.value.cursor).toEqual(expect.any(String));
    // 155 users, one guest left out; the simulator pages delta at 100.
    expect(page.value.changed).toHaveLength(154);
    expect(deltaCalls().length).toBeGreaterThanOrEqual(2);
    const byId = new Map(page.value.changed.map((u) => [u.id, u]));
    expect(byId.has(userId(3))).toBe(false);
    expect(byId.get(userId(4))?.kind).toBe('shared');
    expect(byId.get(userId(1))).toMatchObject({
      email: 'user1@oakfield.sch.uk',
      aliases: ['u1@staff.oakfield.sch.uk'],
      employeeId: 'E1',
      enabled: true,
      kind: 'user',
      lastSignInAt: '2026-10-01T08:00:00.000Z',
      signInSource: 'sign-in-activity',
    });
    expect(byId.get(userId(2))).toMatchObject({ enabled: false, lastSignInAt: null });
    // Domains come from the addresses members hold, proxy prefixes ("smtp:") and case aside.
    expect(page.value.domains).toEqual(expect.arrayContaining(['oakfield.sch.uk', 'staff.oakfield.sch.uk']));
    expect(page.value.domains?.every((d) => /^[a-z0-9.-]+$/.test(d))).toBe(true);
    // Get-Mailbox is one call for the tenant, not one per user.
    expect(env.sim.ctx.recorder.requests.filter((r) => r.url.includes('InvokeCommand'))).toHaveLength(1);
  });

  it('returns only changes and removals from the delta link, then nothing', async () => {
    env.reset();
    const c = make();
    const first = await c.readDirectory(null);
    if (!first.ok) throw new Error(first.error.message);
    const users = env.sim.ctx.fixture.microsoft?.users ?? [];
    const renamed = users.find((u) => u.id === userId(5));
    if (renamed) renamed.displayName = 'User Five (renamed)';
    const gone = users.findIndex((u) => u.id === userId(101));
    users.splice(gone, 1);
    const second = await c.readDirectory(first.value.cursor);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.full).toBe(false);
    expect(second.value.changed.map((u) => [u.id, u.displayName])).toEqual([[userId(5), 'User Five (renamed)']]);
    expect(second.value.removed).toEqual([userId(101)]);
    const third = await c.readDirectory(second.value.cursor);
    expect(third).toMatchObject({ ok: true, value: { full: false, changed: [], removed: [] } });
  });

  it('falls back to a full read when the delta link is no longer valid', async () => {
    env.reset();
    const c = make();
    const first = await c.readDirectory(null);
    if (!first.ok) throw new Error(first.error.message);
    const cursor = JSON.parse(first.value.cursor ?? '{}') as { delta: string };
    const broken = JSON.stringify({ ...cursor, delta: cursor.delta.replace(/\$deltatoken=[^&]+/, '$deltatoken=expired') });
    const page = await c.readDirectory(broken);
    expect(page).toMatchObject({ ok: true, value: { full: true } });
    if (page.ok) expect(page.value.changed).toHaveLength(154);
  });

  it('uses the active-user report when the tenant has no Entra ID P1', async () => {
    env.reset(msFixture({ premium: false }));
    const page = await make().readDirectory(null);
    if (!page.ok) throw new Error(page.error.message);
    const u2 = page.value.changed.find((u) => u.id === userId(2));
    expect(u2).toMatchObject({ signInSource: 'active-user-report', lastSignInAt: '2026-03-01T00:00:00.000Z' });
  });

  it('marks sign-ins unavailable when neither source is granted, and still lists people', async () => {
    env.reset(msFixture({ realism: { withheldPermissions: ['AuditLog.Read.All', 'Reports.Read.All'] } }));
    const page = await make().readDirectory(null);
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.changed.length).toBe(4);
    expect(page.value.changed.every((u) => u.signInSource === 'unavailable' && u.lastSignInAt === null)).toBe(true);
  });

  it('names User.Read.All when the directory itself is refused', async () => {
    env.reset(msFixture({ realism: { withheldPermissions: ['User.Read.All'] } }));
    const page = await make().readDirectory(null);
    expectFailure(page, 'upstream_forbidden', 'User.Read.All');
  });
});
