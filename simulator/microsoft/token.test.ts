import { calculateJwkThumbprint, exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test/support/simulator.ts';
import { CERT_APP_ID, msFixture } from './test-fixture.ts';
import { graph, GRAPH, secretToken, TOKEN_URL } from './test-client.ts';

const { privateKey, publicKey } = await generateKeyPair('PS256', { extractable: true });
const publicKeyPem = await exportSPKI(publicKey);
// Stands in for the certificate's SHA-256 thumbprint (any stable base64url value registered on the app).
const thumbprintSha256 = await calculateJwkThumbprint(await exportJWK(publicKey), 'sha256');

const env = useSimulator(msFixture({ certificate: { publicKeyPem, thumbprintSha256 } }));

async function assertion(overrides: { aud?: string; iss?: string; x5t?: string; expSeconds?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'PS256', typ: 'JWT', 'x5t#S256': overrides.x5t ?? thumbprintSha256 })
    .setIssuer(overrides.iss ?? CERT_APP_ID)
    .setSubject(CERT_APP_ID)
    .setAudience(overrides.aud ?? TOKEN_URL)
    .setNotBefore(now - 60)
    .setExpirationTime(now + (overrides.expSeconds ?? 600))
    .sign(privateKey);
}

async function certToken(jwt: string, scope = 'https://graph.microsoft.com/.default'): Promise<Response> {
  return fetch(TOKEN_URL, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CERT_APP_ID, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt, scope }),
  });
}

describe('Microsoft token endpoint', () => {
  it('issues an opaque bearer token for a client secret, and Graph accepts it', async () => {
    const token = await secretToken();
    expect(token).toMatch(/^sim\./);
    expect(env.sim.ctx.tokens.get(token)).toMatchObject({ provider: 'microsoft365', audience: 'https://graph.microsoft.com', principal: 'app-secret' });
    expect((await graph(token, '/users')).status).toBe(200);
  });

  it('refuses a wrong secret with AADSTS7000215 invalid_client', async () => {
    const res = await fetch(TOKEN_URL, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'app-secret', client_secret: 'nope', scope: 'https://graph.microsoft.com/.default' }) });
    expect(res.status).toBe(401);
    const body = await res.json<{ error: string; error_codes: number[]; error_description: string }>();
    expect(body.error).toBe('invalid_client');
    expect(body.error_codes).toEqual([7000215]);
    expect(body.error_description).toMatch(/^AADSTS7000215:/);
  });

  it('refuses an unknown tenant, an unknown client and a scope without /.default', async () => {
    const form = (tenantUrl: string, fields: Record<string, string>): Promise<Response> =>
      fetch(tenantUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_secret: 's3cret-value', ...fields }) });
    expect((await form('https://login.microsoftonline.com/other-tenant/oauth2/v2.0/token', { client_id: 'app-secret', scope: 'https://graph.microsoft.com/.default' })).status).toBe(400);
    expect((await (await form(TOKEN_URL, { client_id: 'ghost', scope: 'https://graph.microsoft.com/.default' })).json<{ error: string }>()).error).toBe('unauthorized_client');
    expect((await (await form(TOKEN_URL, { client_id: 'app-secret', scope: 'User.Read.All' })).json<{ error: string }>()).error).toBe('invalid_scope');
  });

  it('accepts a PS256 certificate assertion signed with jose', async () => {
    const res = await certToken(await assertion());
    expect(res.status).toBe(200);
    const body = await res.json<{ token_type: string; expires_in: number; access_token: string }>();
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBeGreaterThan(0);
    expect((await graph(body.access_token, '/users?$top=1')).status).toBe(200);
  });

  it.each([
    ['a different x5t#S256', { x5t: 'AAAA' }],
    ['the wrong audience', { aud: 'https://login.microsoftonline.com/other/oauth2/v2.0/token' }],
    ['an issuer that is not the client', { iss: 'someone-else' }],
    ['an expired assertion', { expSeconds: -3600 }],
  ])('refuses an assertion with %s (invalid_client)', async (_label, overrides) => {
    const res = await certToken(await assertion(overrides));
    expect(res.status).toBe(401);
    expect((await res.json<{ error: string }>()).error).toBe('invalid_client');
  });

  it('refuses an assertion signed by another key', async () => {
    const other = await generateKeyPair('PS256');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'PS256', 'x5t#S256': thumbprintSha256 }).setIssuer(CERT_APP_ID).setSubject(CERT_APP_ID).setAudience(TOKEN_URL).setExpirationTime(now + 600).sign(other.privateKey);
    expect((await certToken(forged)).status).toBe(401);
  });
});

describe('Graph token checks', () => {
  const errorOf = async (res: Response): Promise<{ code: string; message: string }> => (await res.json<{ error: { code: string; message: string } }>()).error;

  it('answers 401 InvalidAuthenticationToken without a token, with an unknown one, an expired one, or one for Exchange', async () => {
    const missing = await fetch(`${GRAPH}/users`);
    expect(missing.status).toBe(401);
    expect(await errorOf(missing)).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });

    expect((await graph('made-up', '/users')).status).toBe(401);

    const expired = await secretToken();
    const issued = env.sim.ctx.tokens.get(expired);
    if (issued) issued.expiresAt = Date.now() - 1;
    const res = await graph(expired, '/users');
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/expired/);

    const exchange = await secretToken('https://outlook.office365.com');
    const wrong = await graph(exchange, '/users');
    expect(wrong.status).toBe(401);
    expect((await errorOf(wrong)).message).toMatch(/Invalid audience/);
  });

  it('records token and Graph requests with their status', async () => {
    const before = env.sim.ctx.recorder.requests.at(-1)?.seq ?? 0;
    await fetch(`${GRAPH}/users`);
    const recorded = env.sim.ctx.recorder.requests.filter((r) => r.seq > before);
    expect(recorded).toEqual([expect.objectContaining({ method: 'GET', url: '/v1.0/users', provider: 'microsoft365', status: 401, inBatch: false })]);
  });
});
