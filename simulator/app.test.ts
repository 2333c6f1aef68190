import { describe, expect, it } from 'vitest';
import { createSimulator, FixtureError } from './app.ts';
import { generateFixture } from './generate/index.ts';
import { msFixture, TENANT_ID } from './microsoft/test-fixture.ts';

const base = 'https://graph.microsoft.com';

describe('createSimulator', () => {
  it('refuses a bad fixture with the failing paths', () => {
    const bad = { ...msFixture(), fixtureVersion: 2 } as unknown as Parameters<typeof createSimulator>[0];
    expect(() => createSimulator(bad)).toThrow(FixtureError);
    try {
      createSimulator(bad);
    } catch (error) {
      expect((error as FixtureError).issues.join('\n')).toContain('fixtureVersion');
    }
  });

  it('does not mutate the input fixture when writes happen', async () => {
    const input = msFixture();
    const sim = createSimulator(input);
    sim.ctx.fixture.microsoft?.users.pop();
    expect(input.microsoft?.users).toHaveLength(5);
    expect((await sim.fetch(new Request(`${base}/_sim/health`))).status).toBe(200);
  });
});

describe('control routes', () => {
  it('lists recorded requests since a seq, clears them, and shows state and health', async () => {
    const sim = createSimulator(msFixture());
    const token = await (
      await sim.fetch(new Request(`https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'app-secret', client_secret: 's3cret-value', scope: 'https://graph.microsoft.com/.default' }) }))
    ).json<{ access_token: string }>();
    await sim.fetch(new Request(`${base}/v1.0/users/user1@oakfield.sch.uk`, { headers: { authorization: `Bearer ${token.access_token}` } }));
    await sim.fetch(new Request(`${base}/v1.0/nowhere`, { headers: { authorization: `Bearer ${token.access_token}` } }));

    const all = await (await sim.fetch(new Request(`${base}/_sim/requests`))).json<{ httpCount: number; requests: { seq: number; url: string; mailbox?: string; status: number }[] }>();
    expect(all.httpCount).toBe(3);
    expect(all.requests.map((r) => [r.url, r.status])).toEqual([[`/${TENANT_ID}/oauth2/v2.0/token`, 200], ['/v1.0/users/user1@oakfield.sch.uk', 200], ['/v1.0/nowhere', 400]]);
    expect(all.requests[1]?.mailbox).toBe('user1@oakfield.sch.uk');
    const since = await (await sim.fetch(new Request(`${base}/_sim/requests?since=${all.requests[1]?.seq ?? 0}`))).json<{ requests: unknown[] }>();
    expect(since.requests).toHaveLength(1);

    expect((await sim.fetch(new Request(`${base}/_sim/requests/clear`, { method: 'POST' }))).status).toBe(204);
    expect(sim.ctx.recorder.requests).toHaveLength(0);
    const state = await (await sim.fetch(new Request(`${base}/_sim/state`))).json<{ microsoft: { tenantId: string } }>();
    expect(state.microsoft.tenantId).toBe(TENANT_ID);
    const health = await (await sim.fetch(new Request(`${base}/_sim/health`))).json<{ ok: boolean; providers: string[] }>();
    expect(health).toMatchObject({ ok: true, providers: ['microsoft365'] });
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await createSimulator(msFixture()).fetch(new Request('https://example.org/nothing'));
    expect(res.status).toBe(404);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('NotFound');
  });
});

describe('composition', () => {
  it('serves both providers from one origin for a generated two-provider school', async () => {
    const sim = createSimulator(generateFixture({ mailboxes: 20, seed: 3 }));
    const health = await (await sim.fetch(new Request('http://127.0.0.1/_sim/health'))).json<{ providers: string[] }>();
    expect(health.providers).toEqual(['microsoft365', 'google-workspace']);
    // An unsigned Google token request is refused by the Google side, not left unrouted.
    const google = await sim.fetch(new Request('http://127.0.0.1/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: 'x.y.z' }) }));
    expect(google.status).toBe(400);
    expect(sim.ctx.recorder.requests.at(-1)).toMatchObject({ provider: 'google-workspace', url: '/token', status: 400 });
  });
});
