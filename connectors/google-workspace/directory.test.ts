import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test/support/simulator.ts';
import { connector, fakeSleep, googleDelegatedScopes, makeKey, school } from './test-support.ts';

const key = await makeKey();
const env = useSimulator(() => school(key, { mailboxes: 1200 }));

describe('readDirectory', { timeout: 60_000 }, () => {
  it('pages through every user (500 a page) and maps them to directory users', async () => {
    env.reset();
    const page = await connector(key).readDirectory(null);
    if (!page.ok) throw new Error(page.error.message);
    const fixtureUsers = env.sim.ctx.fixture.google?.users ?? [];
    expect(page.value.changed).toHaveLength(fixtureUsers.length);
    expect(page.value).toMatchObject({ full: true, cursor: null, removed: [] });
    const lists = env.sim.ctx.recorder.requests.filter((r) => r.url.startsWith('/admin/directory/v1/users?'));
    expect(lists).toHaveLength(Math.ceil(fixtureUsers.length / 500));
    expect(lists.every((r) => r.url.includes('maxResults=500') && r.url.includes('projection=full'))).toBe(true);

    const suspended = fixtureUsers.find((u) => u.suspended);
    const never = fixtureUsers.find((u) => u.lastLoginTime?.startsWith('1970'));
    const employee = fixtureUsers.find((u) => (u.externalIds ?? []).some((x) => x.type === 'organization'));
    const byId = new Map(page.value.changed.map((u) => [u.id, u]));
    expect(byId.get(suspended?.id ?? '')?.enabled).toBe(false);
    expect(byId.get(never?.id ?? '')).toMatchObject({ lastSignInAt: null, signInSource: 'last-login-time', kind: 'user' });
    expect(byId.get(employee?.id ?? '')?.employeeId).toBe(employee?.externalIds?.find((x) => x.type === 'organization')?.value);
    expect(page.value.changed.find((u) => u.email === 'it-admin@oakfieldprimary.sch.uk')?.isAdmin).toBe(true);
  });

  it("learns the tenant's own domains, including the alias domain", async () => {
    env.reset();
    const page = await connector(key).readDirectory(null);
    expect(page.ok && page.value.domains).toEqual(['oakfield.sch.uk', 'oakfieldprimary.sch.uk']);
  });

  it('names the missing Directory scope when delegation lacks it', async () => {
    env.reset(school(key, { mailboxes: 30, scopes: googleDelegatedScopes.filter((s) => !s.endsWith('admin.directory.user.readonly')) }));
    const page = await connector(key, fakeSleep()).readDirectory(null);
    expect(page.ok).toBe(false);
    if (page.ok) return;
    expect(page.error.code).toBe('upstream_forbidden');
    expect(page.error.message).toContain('domain-wide delegation for scope https://www.googleapis.com/auth/admin.directory.user.readonly is not granted');
  });
});
