import { calculateJwkThumbprint, exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { CERT_APP_ID, msFixture, SECRET_APP, TENANT_ID } from '../../simulator/microsoft/test-fixture.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { EXCHANGE_SCOPE, GRAPH_SCOPE, createTokenProvider } from './auth.ts';
import { certificateConfig, connector, KEY_REF, scopeAt, SECRET_REF, secretConfig, expectFailure } from './test-support.ts';

const keys = await generateKeyPair('PS256', { extractable: true });
const publicKeyPem = await exportSPKI(keys.publicKey);
const privateKeyPem = await exportPKCS8(keys.privateKey);
// Stands in for the certificate's SHA-256 thumbprint: the simulator compares it with the header.
const thumbprint = await calculateJwkThumbprint(await exportJWK(keys.publicKey), 'sha256');

const env = useSimulator(() => msFixture({ certificate: { publicKeyPem, thumbprintSha256: thumbprint } }));
const now = () => new Date('2026-11-20T12:00:00Z');
const tokenRequests = () => env.sim.ctx.recorder.requests.filter((r) => r.url.endsWith('/oauth2/v2.0/token'));

describe('Microsoft token acquisition', () => {
  it('gets a Graph token with the client secret, caches it, and shares one request between concurrent callers', async () => {
    env.reset();
    let clock = Date.now();
    const tokens = createTokenProvider(secretConfig(TENANT_ID, SECRET_APP.clientId), { secrets: (n) => (n === SECRET_REF ? SECRET_APP.clientSecret : undefined), fetch: (i, init) => fetch(i, init), clock: () => clock });
    const results = await Promise.all(Array.from({ length: 5 }, () => tokens.token(GRAPH_SCOPE)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.value : '')))).toHaveProperty('size', 1);
    expect(tokenRequests()).toHaveLength(1);
    await tokens.token(GRAPH_SCOPE);
    expect(tokenRequests()).toHaveLength(1);
    // Exchange is another audience: its own token.
    expect((await tokens.token(EXCHANGE_SCOPE)).ok).toBe(true);
    expect(tokenRequests()).toHaveLength(2);
    // 55 minutes into a 60-minute token we are inside the 5-minute margin: fetch a new one.
    clock += 55 * 60_000;
    await tokens.token(GRAPH_SCOPE);
    expect(tokenRequests()).toHaveLength(3);
  });

  it('signs a client assertion with the certificate key (x5t#S256) and reads the tenant with it', async () => {
    env.reset();
    const c = connector(certificateConfig(TENANT_ID, CERT_APP_ID, thumbprint), { [KEY_REF]: privateKeyPem }, { now });
    const tenant = await c.readTenant(scopeAt(now()));
    expect(tenant.ok ? null : tenant.error).toBeNull();
    expect(tokenRequests().every((r) => r.status === 200)).toBe(true);
  });

  it('fetches a new token once when Graph or Exchange says the old one is no longer valid', async () => {
    env.reset();
    const c = connector(secretConfig(TENANT_ID, SECRET_APP.clientId), { [SECRET_REF]: SECRET_APP.clientSecret }, { now });
    const first = await c.readDirectory(null);
    if (!first.ok) throw new Error(first.error.message);
    const before = tokenRequests().length;
    // The simulator forgets every token it issued: the next calls get 401.
    env.sim.ctx.tokens.clear();
    const again = await c.readMailboxes(first.value.changed, scopeAt(now()));
    expect(again.ok && again.value.unread).toEqual([]);
    // Every batch met the 401 at once; they share one new Graph token (Get-Mailbox is cached for the run).
    expect(tokenRequests().length).toBe(before + 1);
  });

  it('reports a certificate the tenant does not know as upstream_unauthorized', async () => {
    env.reset();
    const c = connector(certificateConfig(TENANT_ID, CERT_APP_ID, 'not-the-registered-thumbprint'), { [KEY_REF]: privateKeyPem }, { now });
    const page = await c.readDirectory(null);
    expect(page).toMatchObject({ ok: false, error: { code: 'upstream_unauthorized' } });
  });

  it('refuses a wrong secret without echoing it', async () => {
    env.reset();
    const c = connector(secretConfig(TENANT_ID, SECRET_APP.clientId), { [SECRET_REF]: 'wrong-secret-value' }, { now });
    const page = await c.readDirectory(null);
    expect(page.ok).toBe(false);
    if (page.ok) return;
    expect(page.error.code).toBe('upstream_unauthorized');
    expect(page.error.message).not.toContain('wrong-secret-value');
  });

  it('says which secret is missing', async () => {
    const c = connector(secretConfig(TENANT_ID, SECRET_APP.clientId), {}, { now });
    expectFailure(await c.readDirectory(null), 'not_configured', SECRET_REF);
  });
});
