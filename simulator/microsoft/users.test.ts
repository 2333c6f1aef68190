import { beforeEach, describe, expect, it } from 'vitest';
import { useSimulator } from '../../test/support/simulator.ts';
import { DOMAIN, msFixture, userId } from './test-fixture.ts';
import { graph, pageAll, secretToken } from './test-client.ts';

interface GraphUser { id: string; userPrincipalName?: string; accountEnabled?: boolean; signInActivity?: unknown; '@removed'?: { reason: string } }

const env = useSimulator(msFixture({ users: 7 }));
let token: string;
beforeEach(async () => {
  env.reset();
  token = await secretToken();
});

const errorCode = async (res: Response): Promise<string> => (await res.json<{ error: { code: string } }>()).error.code;

describe('GET /v1.0/users', () => {
  it('pages with an opaque skiptoken until every user has been seen once', async () => {
    const { items, pages, last } = await pageAll<GraphUser>(token, '/users?$select=id,userPrincipalName&$top=5');
    expect(items).toHaveLength(12);
    expect(new Set(items.map((u) => u.id)).size).toBe(12);
    expect(pages).toBe(3);
    expect(last['@odata.nextLink']).toBeUndefined();
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['id', 'userPrincipalName']);
  });

  it('answers default properties without $select and refuses unknown ones and $top over 999', async () => {
    const body = await (await graph(token, `/users/${userId(1)}`)).json<Record<string, unknown>>();
    expect(body).toMatchObject({ id: userId(1), displayName: 'User 1', jobTitle: 'Teacher', mail: `user1@${DOMAIN}` });
    expect(body.accountEnabled).toBeUndefined();
    expect((await graph(token, '/users?$select=shoeSize')).status).toBe(400);
    expect((await graph(token, '/users?$top=1000')).status).toBe(400);
  });

  it.each([
    ['accountEnabled eq false', [2]],
    ["employeeId eq 'LEAVER-2'", [2]],
    [`mail eq 'USER5@${DOMAIN}'`, [5]],
    [`userPrincipalName eq 'user1@${DOMAIN}'`, [1]],
    [`proxyAddresses/any(p:p eq 'smtp:u4@staff.${DOMAIN}')`, [4]],
    ["userType eq 'Guest'", [3]],
    ["startswith(displayName,'User 1') and accountEnabled eq true", [1, 100, 101, 102, 103, 104, 105, 106]],
    ['createdDateTime ge 2025-01-01T00:00:00Z', [5]],
    ["not(userType eq 'Member') or employeeId eq 'E4'", [3, 4]],
    ['assignedLicenses/$count eq 0', [3, 4]],
  ])('filters %s', async (filter, expected) => {
    const { items } = await pageAll<GraphUser>(token, `/users?$select=id&$filter=${encodeURIComponent(filter)}`);
    expect(items.map((u) => u.id).sort()).toEqual(expected.map(userId).sort());
  });

  it('answers 400 for a filter on an unknown property', async () => {
    expect((await graph(token, `/users?$filter=${encodeURIComponent("shoeSize eq '9'")}`)).status).toBe(400);
  });

  it('counts with ConsistencyLevel: eventual', async () => {
    const res = await graph(token, '/users?$count=true&$top=1&$filter=accountEnabled%20eq%20true', { headers: { ConsistencyLevel: 'eventual' } });
    expect((await res.json<{ '@odata.count': number }>())['@odata.count']).toBe(11);
  });
});

describe('permissions and licences', () => {
  it('answers 403 Authorization_RequestDenied when User.Read.All is withheld', async () => {
    const sim = env.reset(msFixture({ realism: { withheldPermissions: ['User.Read.All'] } }));
    const res = await graph(await secretToken(), '/users');
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('Authorization_RequestDenied');
    expect(sim.ctx.recorder.requests.at(-1)).toMatchObject({ status: 403 });
  });

  it('serves signInActivity with P1 and refuses it without, as Graph does', async () => {
    const withP1 = await graph(token, `/users/${userId(1)}?$select=id,signInActivity`);
    expect((await withP1.json<GraphUser>()).signInActivity).toMatchObject({ lastSignInDateTime: '2026-10-01T08:00:00Z' });
    env.reset(msFixture({ premium: false }));
    const withoutP1 = await graph(await secretToken(), '/users?$select=id,signInActivity');
    expect(withoutP1.status).toBe(403);
    expect(await errorCode(withoutP1)).toBe('Authentication_RequestFromNonPremiumTenantOrB2CTenant');
  });
});

describe('user writes', () => {
  it('PATCH accountEnabled disables the user and needs User.EnableDisableAccount.All', async () => {
    const res = await graph(token, `/users/user5@${DOMAIN}`, { method: 'PATCH', body: JSON.stringify({ accountEnabled: false }) });
    expect(res.status).toBe(204);
    expect(env.sim.ctx.fixture.microsoft?.users.find((u) => u.id === userId(5))?.accountEnabled).toBe(false);
    expect((await graph(token, `/users/${userId(5)}`, { method: 'PATCH', body: JSON.stringify({ favouriteColour: 'red' }) })).status).toBe(400);

    env.reset(msFixture({ realism: { withheldPermissions: ['User.EnableDisableAccount.All'] } }));
    const denied = await graph(await secretToken(), `/users/${userId(5)}`, { method: 'PATCH', body: JSON.stringify({ accountEnabled: false }) });
    expect(denied.status).toBe(403);
    expect(env.sim.ctx.fixture.microsoft?.users.find((u) => u.id === userId(5))?.accountEnabled).toBe(true);
  });

  it('revokeSignInSessions stamps signInSessionsValidFromDateTime with the simulator clock', async () => {
    const res = await graph(token, `/users/${userId(2)}/revokeSignInSessions`, { method: 'POST' });
    expect((await res.json<{ value: boolean }>()).value).toBe(true);
    expect(env.sim.ctx.fixture.microsoft?.users.find((u) => u.id === userId(2))?.signInSessionsValidFromDateTime).toBe('2026-11-20T12:00:00Z');
  });
});

describe('GET /v1.0/users/delta', () => {
  it('returns everyone first, then only what changed since the deltaLink, including removals', async () => {
    const first = await pageAll<GraphUser>(token, '/users/delta?$select=id,accountEnabled', { headers: { Prefer: 'odata.maxpagesize=5' } });
    expect(first.items).toHaveLength(12);
    expect(first.pages).toBe(3);
    const deltaLink = first.last['@odata.deltaLink'] as string;
    expect(deltaLink).toContain('$deltatoken=');

    const nothing = await pageAll<GraphUser>(token, deltaLink);
    expect(nothing.items).toEqual([]);

    await graph(token, `/users/${userId(1)}`, { method: 'PATCH', body: JSON.stringify({ accountEnabled: false }) });
    const users = env.sim.ctx.fixture.microsoft?.users ?? [];
    users.splice(users.findIndex((u) => u.id === userId(4)), 1);

    const second = await pageAll<GraphUser>(token, deltaLink);
    expect(second.items).toEqual([{ id: userId(1), accountEnabled: false }, { id: userId(4), '@removed': { reason: 'changed' } }]);

    const third = await pageAll<GraphUser>(token, second.last['@odata.deltaLink'] as string);
    expect(third.items).toEqual([]);
  });
});

describe('users deleted mid-run', () => {
  it('answer 404 once the run has passed their threshold and drop out of listings', async () => {
    env.reset(msFixture({ realism: { deleteMidRun: [{ email: `user5@${DOMAIN}`, afterRequests: 3 }] } }));
    const t = await secretToken();
    expect((await graph(t, `/users/${userId(5)}`)).status).toBe(200);
    await graph(t, '/users');
    const gone = await graph(t, `/users/${userId(5)}`);
    expect(gone.status).toBe(404);
    expect(await errorCode(gone)).toBe('Request_ResourceNotFound');
    const mailbox = await graph(t, `/users/${userId(5)}/mailFolders/inbox/messageRules`);
    expect(mailbox.status).toBe(404);
    expect(await errorCode(mailbox)).toBe('ErrorItemNotFound');
    const { items } = await pageAll<GraphUser>(t, '/users?$select=id');
    expect(items.map((u) => u.id)).not.toContain(userId(5));
  });
});
