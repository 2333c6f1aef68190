import { env } from 'cloudflare:workers';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/app.ts';
import type { Env } from '../../src/env.ts';
import { getFinding } from '../../src/storage/findings.ts';
import { getImport } from '../../src/storage/hr-imports.ts';
import { listJobs } from '../../src/storage/offboarding.ts';
import { getAction } from '../../src/storage/remediations.ts';
import { seedHeldImport, seedSchool } from './seed.ts';

const app = createApp();
const TEAM = 'tutela-test';
const AUD = 'aud-tag-123';
const call = (url: string, init: RequestInit = {}, overrides: Partial<Env> = {}) => app.request(url, init, { ...env, ...overrides });
const accessEnv: Partial<Env> = { TUTELA_MODE: 'production', ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD, SECRET_SESSION_KEY: 'k'.repeat(40) };

const keys = await generateKeyPair('RS256', { extractable: true });
const other = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
const server = setupServer(http.get(`https://${TEAM}.cloudflareaccess.com/cdn-cgi/access/certs`, () => HttpResponse.json({ keys: [jwk] })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function accessToken(claims: { aud?: string; iss?: string; email?: string; expSeconds?: number } = {}, key = keys.privateKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: claims.email ?? 'sbm@dash-access.sch.uk' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(claims.iss ?? `https://${TEAM}.cloudflareaccess.com`)
    .setAudience(claims.aud ?? AUD)
    .setSubject('user-1')
    .setIssuedAt(now - 10)
    .setExpirationTime(now + (claims.expSeconds ?? 300))
    .sign(key);
}

/** A signed-in GET that returns the session cookie and the CSRF token its forms carry. */
async function session(path: string, headers: Record<string, string>, overrides: Partial<Env> = {}) {
  const res = await call(`http://localhost${path}`, { headers }, overrides);
  expect(res.status).toBe(200);
  const html = await res.text();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { cookie, token, html };
}

const form = (fields: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', body: new URLSearchParams(fields).toString() });
function post(path: string, headers: Record<string, string>, fields: Record<string, string>, overrides: Partial<Env> = {}) {
  const { body, ...type } = form(fields);
  return call(`http://localhost${path}`, { method: 'POST', headers: { ...headers, ...type }, body }, overrides);
}

describe('dashboard sign-in', () => {
  it('refuses anyone without credentials, a wrong token, or dev mode off loopback', async () => {
    expect((await call('http://localhost/dashboard')).status).toBe(401);
    expect((await call('http://localhost/dashboard', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await call('https://tutela.example.org/dashboard', {}, { TUTELA_MODE: 'dev' })).status).toBe(401);
    expect((await call('http://127.0.0.1/dashboard', {}, { TUTELA_MODE: 'dev' })).status).toBe(200);
  });

  it('accepts a valid Cloudflare Access assertion and refuses a forged, foreign or expired one', async () => {
    await seedSchool('dash-access');
    const ok = await call('https://tutela.example.org/dashboard/schools/dash-access', { headers: { 'cf-access-jwt-assertion': await accessToken() } }, accessEnv);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Signed in as sbm@dash-access.sch.uk');
    expect(ok.headers.get('set-cookie')).toMatch(/^__Host-tutela-session=.*HttpOnly.*Secure.*SameSite=Strict/i);
    for (const bad of [await accessToken({ aud: 'another-app' }), await accessToken({ iss: 'https://evil.cloudflareaccess.com' }), await accessToken({ expSeconds: -120 }), await accessToken({}, other.privateKey), 'not.a.jwt']) {
      const res = await call('https://tutela.example.org/dashboard', { headers: { 'cf-access-jwt-assertion': bad } }, accessEnv);
      expect(res.status).toBe(401);
    }
    // The JSON API takes the same assertion.
    const apiRes = await call('https://tutela.example.org/api/schools', { headers: { 'cf-access-jwt-assertion': await accessToken() } }, accessEnv);
    expect(apiRes.status).toBe(200);
  });

  it('will not run in production without a session key', async () => {
    const res = await call('https://tutela.example.org/dashboard', { headers: { 'cf-access-jwt-assertion': await accessToken() } }, { ...accessEnv, SECRET_SESSION_KEY: undefined });
    expect(res.status).toBe(503);
  });
});

describe('dashboard CSRF protection', () => {
  const admin = { authorization: 'Bearer test-admin-token' };

  it('refuses a state-changing form with a missing, wrong or other session’s token, and accepts the right one', async () => {
    const s = await seedSchool('dash-csrf');
    const page = `/dashboard/schools/dash-csrf/findings`;
    const mine = await session(page, admin);
    const theirs = await session(page, admin);
    expect(mine.token).not.toBe('');
    expect(mine.token).not.toBe(theirs.token);
    const target = `/dashboard/schools/dash-csrf/remediations/${s.actionId}/approve`;
    const headers = { ...admin, cookie: mine.cookie };
    expect((await post(target, headers, { back: page })).status).toBe(403);
    expect((await post(target, headers, { back: page, _csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await post(target, headers, { back: page, _csrf: theirs.token })).status).toBe(403);
    expect((await post(target, { ...headers, origin: 'https://evil.example' }, { back: page, _csrf: mine.token })).status).toBe(403);
    expect((await getAction(env.DB, s.actionId))?.status).toBe('pending-approval');

    const okRes = await post(target, headers, { back: page, _csrf: mine.token });
    expect(okRes.status).toBe(303);
    expect(okRes.headers.get('location')).toMatch(/^\/dashboard\/schools\/dash-csrf\/findings\?notice=Fix%20approved/);
    expect((await getAction(env.DB, s.actionId))?.status).toBe('approved');
  });

  it('accepts risk with a reason, never redirects off the school, and exports formula-safe CSV', async () => {
    const s = await seedSchool('dash-risk');
    const page = '/dashboard/schools/dash-risk/findings?status=open';
    const { cookie, token, html } = await session(page, admin);
    expect(html).toContain('Carol forwards all mail to a Gmail address.');
    const res = await post(`/dashboard/schools/dash-risk/findings/${s.findingId}/accept-risk`, { ...admin, cookie }, { _csrf: token, back: 'https://evil.example/phish', note: 'Approved by the head for the PTA' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/dashboard\/schools\/dash-risk\?notice=/);
    expect((await getFinding(env.DB, 'dash-risk', s.findingId))?.status).toBe('accepted-risk');
    const csv = await call('http://localhost/dashboard/schools/dash-risk/acknowledgements.csv', { headers: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toBe('document,document_title,version,content_hash,email,user_key,status,acknowledged_at,channel,campaign_id,assigned_at,due_at');
  });

  it('approves a held leaver batch from the offboarding page through the engine, and rejects another', async () => {
    const s = await seedSchool('dash-leavers');
    const importId = await seedHeldImport('dash-leavers', s.connectionId);
    const page = '/dashboard/schools/dash-leavers/offboarding';
    const { cookie, token, html } = await session(page, admin);
    expect(html).toContain('Approve leavers');
    const approved = await post(`/dashboard/schools/dash-leavers/hr-imports/${importId}/approve`, { ...admin, cookie }, { _csrf: token, back: page });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`${page}?notice=${encodeURIComponent('Leavers approved.')}`);
    expect((await listJobs(env.DB, 'dash-leavers')).map((j) => j.status)).toEqual(['scheduled', 'scheduled', 'scheduled', 'scheduled']);
    const after = await call(`http://localhost${page}`, { headers: admin });
    const text = await after.text();
    expect(text).toContain('Nothing is held.');
    expect(text).toContain('dan@dash-leavers.sch.uk');

    const r = await seedSchool('dash-leavers-no');
    const held = await seedHeldImport('dash-leavers-no', r.connectionId);
    const rejected = await post(`/dashboard/schools/dash-leavers-no/hr-imports/${held}/reject`, { ...admin, cookie }, { _csrf: token, back: '/dashboard/schools/dash-leavers-no/offboarding' });
    expect(rejected.headers.get('location')).toContain(encodeURIComponent('Leavers rejected.'));
    expect((await getImport(env.DB, held))?.status).toBe('cancelled');
    expect(await listJobs(env.DB, 'dash-leavers-no')).toEqual([]);
  });

  it('renders every page of a school and the card preview', async () => {
    await seedSchool('dash-pages');
    for (const path of ['', '/findings', '/runs', '/offboarding', '/acknowledgements', '/profile', '/connections', '/card']) {
      const res = await call(`http://localhost/dashboard/schools/dash-pages${path}`, { headers: admin });
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<main id="main">');
    }
    const card = await call('http://localhost/dashboard/schools/dash-pages/card.json', { headers: admin });
    expect(await card.json()).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });
});
