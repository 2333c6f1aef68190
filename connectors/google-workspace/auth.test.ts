import { decodeJwt, decodeProtectedHeader } from 'jose';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTokenStore, type TokenStore } from '../shared/oauth-tokens.ts';
import { createTokenProvider, LIBRARY_TOKEN_URL } from './auth.ts';
import { SCOPE } from './scopes.ts';
import { config, KEY_REF, makeKey, SA_EMAIL } from './test-support.ts';

// A national/sovereign or test token endpoint: the provider must use it, not oauth2.googleapis.com.
const TOKEN_URL = 'https://oauth2.example-gov.test/token';
const seen: { assertion: string }[] = [];
let answer: () => Response = () => HttpResponse.json({ access_token: `tok-${seen.length}`, expires_in: 3599, token_type: 'Bearer' });
const server = setupServer(
  http.post(TOKEN_URL, async ({ request }) => {
    const form = new URLSearchParams(new TextDecoder().decode(await request.arrayBuffer()));
    seen.push({ assertion: form.get('assertion') ?? '' });
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    return answer();
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
  answer = () => HttpResponse.json({ access_token: `tok-${seen.length}`, expires_in: 3599, token_type: 'Bearer' });
});
afterAll(() => server.close());

const cfg = config({ endpoints: { token: TOKEN_URL, admin: 'https://admin.googleapis.com', gmail: 'https://gmail.googleapis.com' } });

describe('domain-wide delegation tokens', async () => {
  const key = await makeKey();
  const provider = (clock: () => number, store: TokenStore = createTokenStore(), pem = key.privatePem) =>
    createTokenProvider(cfg, { secrets: (n) => (n === KEY_REF ? pem : undefined), fetch: (i, init) => fetch(i, init), clock, store });

  it("sends google-auth-library's RS256 assertion for the subject and one scope to the configured token URL", async () => {
    const token = await provider(Date.now).token('teacher@school.uk', SCOPE.settingsBasic);
    expect(token).toEqual({ ok: true, value: 'tok-1' });
    const jwt = seen[0]?.assertion ?? '';
    // The library signs with `alg` only and a fixed audience; the request itself went to TOKEN_URL.
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256' });
    expect(decodeJwt(jwt)).toMatchObject({ iss: SA_EMAIL, sub: 'teacher@school.uk', aud: LIBRARY_TOKEN_URL, scope: SCOPE.settingsBasic });
  });

  it('caches per (subject, scope) until five minutes before expiry and shares one request in flight', async () => {
    let now = 1_000_000;
    const p = provider(() => now);
    const [a, b] = await Promise.all([p.token('a@s.uk', SCOPE.mailRead), p.token('A@s.uk', SCOPE.mailRead)]);
    expect(a).toEqual(b);
    expect(seen).toHaveLength(1);
    await p.token('a@s.uk', SCOPE.settingsBasic);
    await p.token('b@s.uk', SCOPE.mailRead);
    expect(seen).toHaveLength(3);
    now += 3599_000 - 5 * 60_000 - 1;
    await p.token('a@s.uk', SCOPE.mailRead);
    expect(seen).toHaveLength(3);
    now += 2;
    await p.token('a@s.uk', SCOPE.mailRead);
    expect(seen).toHaveLength(4);
  });

  it('hands a valid token to later instances sharing the store, but only for the same private key', async () => {
    let now = 5_000_000;
    const store = createTokenStore();
    const first = await provider(() => now, store).token('head@school.uk', SCOPE.mailRead);
    // A new connector per queue message: the next one in the isolate reuses the token.
    const again = await provider(() => now, store).token('HEAD@school.uk', SCOPE.mailRead);
    expect(again).toEqual(first);
    expect(seen).toHaveLength(1);
    // Same client, endpoint, subject and scope but another key: it must sign its own assertion.
    const other = await makeKey();
    const stranger = await provider(() => now, store, other.privatePem).token('head@school.uk', SCOPE.mailRead);
    expect(stranger.ok && stranger.value).not.toBe(first.ok && first.value);
    expect(seen).toHaveLength(2);
    // A provider whose secret is missing gets nothing from the store.
    const keyless = await createTokenProvider(cfg, { secrets: () => undefined, fetch: (i, init) => fetch(i, init), clock: () => now, store }).token('head@school.uk', SCOPE.mailRead);
    expect(keyless.ok ? null : keyless.error.code).toBe('not_configured');
    // Expiry (less the five-minute margin) holds for every instance.
    now += 3599_000 - 5 * 60_000;
    await provider(() => now, store).token('head@school.uk', SCOPE.mailRead);
    expect(seen).toHaveLength(3);
  });

  it('forgets a refused token for every instance sharing the store', async () => {
    const store = createTokenStore();
    const a = provider(Date.now, store);
    const stale = await a.token('dept@school.uk', SCOPE.settingsBasic);
    if (!stale.ok) throw new Error(stale.error.message);
    a.invalidate('dept@school.uk', SCOPE.settingsBasic, stale.value);
    const fresh = await provider(Date.now, store).token('dept@school.uk', SCOPE.settingsBasic);
    expect(fresh.ok && fresh.value).not.toBe(stale.value);
    expect(seen).toHaveLength(2);
  });

  it('names the scope and the client when delegation is missing', async () => {
    answer = () => HttpResponse.json({ error: 'unauthorized_client', error_description: 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.' }, { status: 401 });
    const token = await provider(Date.now).token('teacher@school.uk', SCOPE.settingsSharing);
    expect(token.ok).toBe(false);
    if (token.ok) return;
    expect(token.error.code).toBe('upstream_forbidden');
    expect(token.error.message).toContain(`domain-wide delegation for scope ${SCOPE.settingsSharing} is not granted to client ${SA_EMAIL}`);
    expect(token.error.details).toMatchObject({ permission: SCOPE.settingsSharing });
  });

  it('reports an unknown or deleted subject as not found, and a missing key as not configured', async () => {
    answer = () => HttpResponse.json({ error: 'invalid_grant', error_description: 'Invalid email or User ID' }, { status: 400 });
    const gone = await provider(Date.now).token('gone@school.uk', SCOPE.settingsBasic);
    expect(gone.ok ? null : gone.error.code).toBe('not_found');
    const noKey = await createTokenProvider(cfg, { secrets: () => undefined, fetch: (i, init) => fetch(i, init) }).token('x@s.uk', SCOPE.mailRead);
    expect(noKey.ok ? null : noKey.error).toMatchObject({ code: 'not_configured', message: `secret ${KEY_REF} is not set` });
  });
});
