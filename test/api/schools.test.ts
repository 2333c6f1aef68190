import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '../support/api.ts';

const profile = `
school:
  name: Api Test Primary
  contacts: { sbm: { name: Sam Bursar, email: sbm@apitest.sch.uk } }
domains: { internal: [apitest.sch.uk] }
attachments: { maxBytes: 2 MB }
`;

describe('admin API', () => {
  it('refuses requests without a valid token', async () => {
    const none = await exports.default.fetch('http://localhost/api/schools');
    expect(none.status).toBe(401);
    const wrong = await exports.default.fetch('http://localhost/api/schools', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('creates a school, versions its profile by content and lists it', async () => {
    expect((await api('POST', '/api/schools', { id: 'api-test', name: 'Api Test Primary' })).status).toBe(201);
    expect((await api('POST', '/api/schools', { id: 'api-test', name: 'Again' })).status).toBe(409);
    const first = await api('PUT', '/api/schools/api-test/profile', profile, { 'content-type': 'text/yaml' });
    expect(first.status).toBe(201);
    expect(first.json.profile).toMatchObject({ version: 1 });
    // Reformatting is not a new version.
    const same = await api('PUT', '/api/schools/api-test/profile', profile.replace('2 MB', '2MB'), { 'content-type': 'text/yaml' });
    expect(same.status).toBe(200);
    expect(same.json.created).toBe(false);
    const changed = await api('PUT', '/api/schools/api-test/profile', profile.replace('2 MB', '5 MB'), { 'content-type': 'text/yaml' });
    expect(changed.json.profile).toMatchObject({ version: 2 });
    const got = await api('GET', '/api/schools/api-test/profile');
    expect(got.json).toMatchObject({ profile: { version: 2, profile: { attachments: { maxBytes: 5 * 1024 * 1024 } } } });
  });

  it('rejects a broken profile with every problem and its path', async () => {
    await api('POST', '/api/schools', { id: 'api-broken', name: 'Broken' });
    const res = await api('PUT', '/api/schools/api-broken/profile', `${profile}\nforwarding: { external: sometimes }\nremediation: { nonsense.check: auto }\n`, { 'content-type': 'text/yaml' });
    expect(res.status).toBe(400);
    const paths = ((res.json.error as { details: { path: string }[] }).details ?? []).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['forwarding.external', 'remediation.nonsense.check']));
  });

  it('validates connection config and never echoes secret values', async () => {
    await api('POST', '/api/schools', { id: 'api-conn', name: 'Conn' });
    const bad = await api('POST', '/api/schools/api-conn/connections', { id: 'm365', config: { provider: 'microsoft365', tenantId: 't', clientId: 'c', auth: { kind: 'secret', secretRef: 'plain-secret-value' } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('config.auth.secretRef');
    const good = await api('POST', '/api/schools/api-conn/connections', {
      id: 'm365',
      config: { provider: 'microsoft365', tenantId: 'tenant-1', clientId: 'client-1', auth: { kind: 'secret', secretRef: 'SECRET_CONN_M365' }, endpoints: { graph: 'http://127.0.0.1:8788/' } },
    });
    expect(good.status).toBe(201);
    await api('POST', '/api/schools', { id: 'api-conn-2', name: 'Conn 2' });
    const taken = await api('POST', '/api/schools/api-conn-2/connections', { id: 'm365', config: { provider: 'microsoft365', tenantId: 't2', clientId: 'c2', auth: { kind: 'secret', secretRef: 'SECRET_CONN_M365' } } });
    expect(taken.status).toBe(409);
    const school = await api('GET', '/api/schools/api-conn');
    expect(school.json.connections).toEqual([
      { id: 'm365', provider: 'microsoft365', tenantRef: 'tenant-1', status: 'unknown', endpoints: { login: 'https://login.microsoftonline.com', graph: 'http://127.0.0.1:8788', exchange: 'https://outlook.office365.com' } },
    ]);
  });

  it('answers a malformed body and an unknown school with the stable error shape', async () => {
    const notJson = await exports.default.fetch('http://localhost/api/schools', { method: 'POST', headers: { authorization: 'Bearer test-admin-token', 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect((await api('GET', '/api/schools/nope/findings')).json).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
