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

  it('through @googleapis/admin: waits out a 429 for its Retry-After and gets a fresh token after a 401, once each', async () => {
    env.reset(school(key, { mailboxes: 30 }));
    const refusals = [
      () => Response.json({ error: { code: 429, message: 'Quota exceeded', errors: [{ reason: 'rateLimitExceeded' }] } }, { status: 429, headers: { 'retry-after': '7' } }),
      () => Response.json({ error: { code: 401, message: 'Invalid Credentials', errors: [{ reason: 'authError' }] } }, { status: 401 }),
    ];
    const tokens: string[] = [];
    const pause = fakeSleep();
    const fetchStub: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/token')) tokens.push(url);
      const refuse = url.includes('/admin/directory/v1/users') ? refusals.shift() : undefined;
      return refuse ? Promise.resolve(refuse()) : fetch(input, init);
    };
    const page = await connector(key, { fetch: fetchStub, sleep: pause.sleep }).readDirectory(null);
    expect(page.ok && page.value.changed.length).toBe(env.sim.ctx.fixture.google?.users.length);
    expect(pause.waits).toContain(7000);
    expect(tokens).toHaveLength(2);
  });
});
