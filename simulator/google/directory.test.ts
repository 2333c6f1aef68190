import { beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../app.ts';
import { scope } from './scopes.ts';
import { DIRECTORY, api, createSimulator, email, schoolFixture, serviceAccountKey, tokenFor } from './test-kit.ts';
import type { ServiceAccountKey } from './test-kit.ts';

interface UsersPage {
  kind: string;
  users?: { id: string; primaryEmail: string; suspended: boolean; aliases?: string[] }[];
  nextPageToken?: string;
}
interface GoogleErrorBody {
  error: { code: number; message: string; errors: { reason: string; domain: string; message: string }[]; status: string };
}

describe('Admin SDK Directory users', () => {
  let key: ServiceAccountKey;
  let sim: Simulator;
  let reader: string;
  beforeAll(async () => {
    key = await serviceAccountKey();
    sim = createSimulator(schoolFixture(key.publicKeyPem));
    reader = await tokenFor(sim, key, email('admin'), [scope.directoryUserReadonly]);
  });

  const list = async (params: string, token = reader): Promise<{ status: number; body: UsersPage }> => {
    const response = await api(sim, token, 'GET', `${DIRECTORY}?${params}`);
    return { status: response.status, body: await response.json() };
  };

  it('pages through every user to the end with nextPageToken', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await list(`customer=my_customer&maxResults=50${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`);
      expect(status).toBe(200);
      expect(body.kind).toBe('admin#directory#users');
      seen.push(...(body.users ?? []).map((u) => u.primaryEmail));
      pageToken = body.nextPageToken;
      pages += 1;
    } while (pageToken);
    const all = sim.ctx.fixture.google?.users.map((u) => u.primaryEmail) ?? [];
    expect(pages).toBe(Math.ceil(all.length / 50));
    expect(new Set(seen).size).toBe(all.length);
    expect(seen.sort()).toEqual([...all].sort());
  });

  it('refuses maxResults above 500 and a list without customer or domain', async () => {
    expect((await list('customer=my_customer&maxResults=501')).status).toBe(400);
    expect((await list('maxResults=10')).status).toBe(400);
    expect((await list('domain=other.example')).status).toBe(403);
  });

  it('answers the queries connectors use: isSuspended, email (primary or alias), externalId', async () => {
    const emails = async (query: string): Promise<string[]> => ((await list(`customer=my_customer&query=${encodeURIComponent(query)}`)).body.users ?? []).map((u) => u.primaryEmail);
    expect(await emails('isSuspended=true')).toEqual([email('suspended')]);
    expect(await emails(`email:${email('teacher')}`)).toEqual([email('teacher')]);
    expect(await emails('email:t.alias@stmarys.sch.uk')).toEqual([email('teacher')]);
    expect(await emails('externalId:EMP002')).toEqual([email('leaver')]);
    expect(await emails('isSuspended=false externalId:EMP001')).toEqual([email('teacher')]);
    expect(await emails('isSuspended=true externalId:EMP001')).toEqual([]);
    expect((await list('customer=my_customer&query=favouriteColour%3Dblue')).status).toBe(400);
  });

  it('omits `users` when nothing matches and sorts by email when asked', async () => {
    const none = await list(`customer=my_customer&query=${encodeURIComponent('externalId:NOPE')}`);
    expect(none.body).not.toHaveProperty('users');
    const sorted = (await list('customer=my_customer&orderBy=email&maxResults=500')).body.users?.map((u) => u.primaryEmail) ?? [];
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));
  });

  it('gets a user by id or alias in the real shape, and 404s an unknown key', async () => {
    const byId = await api(sim, reader, 'GET', `${DIRECTORY}/u-teacher`);
    const teacher: Record<string, unknown> = await byId.json();
    expect(teacher).toMatchObject({ kind: 'admin#directory#user', id: 'u-teacher', primaryEmail: email('teacher'), aliases: [`t.alias@stmarys.sch.uk`], externalIds: [{ type: 'organization', value: 'EMP001' }], orgUnitPath: '/' });
    const byAlias: { id: string } = await (await api(sim, reader, 'GET', `${DIRECTORY}/t.alias@stmarys.sch.uk`)).json();
    expect(byAlias.id).toBe('u-teacher');
    const missing = await api(sim, reader, 'GET', `${DIRECTORY}/ghost@stmarys.sch.uk`);
    const body: GoogleErrorBody = await missing.json();
    expect(missing.status).toBe(404);
    expect(body.error).toMatchObject({ code: 404, message: 'Resource Not Found: userKey', errors: [{ reason: 'notFound' }] });
  });

  it('refuses a non-admin impersonation and a token without a directory scope', async () => {
    const teacherToken = await tokenFor(sim, key, email('teacher'), [scope.directoryUserReadonly]);
    const notAdmin = await api(sim, teacherToken, 'GET', `${DIRECTORY}?customer=my_customer`);
    expect(notAdmin.status).toBe(403);
    expect((await notAdmin.json<GoogleErrorBody>()).error.message).toBe('Not Authorized to access this resource/api');
    const gmailOnly = await tokenFor(sim, key, email('admin'), [scope.readonly]);
    const wrongScope = await api(sim, gmailOnly, 'GET', `${DIRECTORY}/u-teacher`);
    expect(wrongScope.status).toBe(403);
    expect((await wrongScope.json<GoogleErrorBody>()).error.errors[0]?.reason).toBe('insufficientPermissions');
  });

  it('suspends a user (PUT, patch semantics) and then refuses to mint tokens for them', async () => {
    const writer = await tokenFor(sim, key, email('admin'), [scope.directoryUser]);
    const readOnlyWrite = await api(sim, reader, 'PUT', `${DIRECTORY}/${email('leaver')}`, { suspended: true });
    expect(readOnlyWrite.status).toBe(403);
    const before = sim.ctx.changeSeq.value;
    const response = await api(sim, writer, 'PUT', `${DIRECTORY}/${email('leaver')}`, { suspended: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ suspended: true, suspensionReason: 'ADMIN', primaryEmail: email('leaver') });
    expect(sim.ctx.fixture.google?.users.find((u) => u.id === 'u-leaver')?.suspended).toBe(true);
    expect(sim.ctx.changeSeq.value).toBe(before + 1);
    await expect(tokenFor(sim, key, email('leaver'), [scope.readonly])).rejects.toThrow(/invalid_grant/);

    const patched = await api(sim, writer, 'PATCH', `${DIRECTORY}/u-leaver`, { orgUnitPath: '/Leavers' });
    expect(await patched.json()).toMatchObject({ orgUnitPath: '/Leavers', suspended: true });
  });

  it('signs a user out (needs admin.directory.user.security) and records when', async () => {
    const writer = await tokenFor(sim, key, email('admin'), [scope.directoryUser]);
    expect((await api(sim, writer, 'POST', `${DIRECTORY}/u-teacher/signOut`)).status).toBe(403);
    const security = await tokenFor(sim, key, email('admin'), [scope.directoryUserSecurity]);
    const response = await api(sim, security, 'POST', `${DIRECTORY}/u-teacher/signOut`);
    expect(response.status).toBe(204);
    expect(sim.ctx.fixture.google?.users.find((u) => u.id === 'u-teacher')?.signedOutAt).toBe(sim.ctx.now().toISOString());
    const recorded = sim.ctx.recorder.requests.at(-1);
    expect(recorded).toMatchObject({ method: 'POST', provider: 'google-workspace', mailbox: email('teacher'), status: 204, inBatch: false });
  });
});
