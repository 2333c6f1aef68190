import { decodeJwt, decodeProtectedHeader } from 'jose';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTokenProvider } from './auth.ts';
import { SCOPE } from './scopes.ts';
import { config, KEY_ID, KEY_REF, makeKey, SA_EMAIL } from './test-support.ts';

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
  const provider = (clock: () => number) => createTokenProvider(cfg, { secrets: (n) => (n === KEY_REF ? key.privatePem : undefined), fetch: (i, init) => fetch(i, init), clock });

  it('signs an RS256 assertion for the subject and one scope, addressed to the configured token URL', async () => {
    const token = await provider(Date.now).token('teacher@school.uk', SCOPE.settingsBasic);
    expect(token).toEqual({ ok: true, value: 'tok-1' });
    const jwt = seen[0]?.assertion ?? '';
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'RS256', kid: KEY_ID });
    expect(decodeJwt(jwt)).toMatchObject({ iss: SA_EMAIL, sub: 'teacher@school.uk', aud: TOKEN_URL, scope: SCOPE.settingsBasic });
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
