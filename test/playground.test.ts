import { env, exports } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import policyMarkdown from '../policies/oakfield-email-and-acceptable-use.md?raw';
import { applyDirectoryPage } from '../src/storage/directory.ts';
import { api } from './support/api.ts';

const mode = env.TUTELA_MODE;
afterEach(() => Object.assign(env, { TUTELA_MODE: mode }));

async function seedSchool(): Promise<void> {
  await api('POST', '/api/schools', { id: 'play', name: 'Playground Primary' });
  await api('POST', '/api/schools/play/connections', { id: 'play-m365', config: { provider: 'microsoft365', tenantId: 'play-tenant', clientId: 'c', auth: { kind: 'secret', secretRef: 'SECRET_PLAY' } } });
  const user = { id: 'u-1', email: 'ann.teacher@oakfieldprimary.sch.uk', displayName: 'Ann Teacher', aliases: [], employeeId: 'E1', enabled: true, kind: 'user' as const, isAdmin: false, lastSignInAt: null, signInSource: 'unavailable' as const, createdAt: null };
  await applyDirectoryPage(env.DB, 'play-m365', { changed: [user], removed: [], cursor: null, full: true }, new Date());
  const doc = await api('PUT', '/api/schools/play/policy-documents/email-and-acceptable-use?type=md', policyMarkdown, { 'content-type': 'text/markdown' });
  expect(doc.status).toBeLessThan(300);
}

describe('bot playground', () => {
  it('does not exist outside dev mode', async () => {
    const res = await exports.default.fetch('http://localhost/playground', { headers: { authorization: 'Bearer test-admin-token' } });
    expect(res.status).toBe(404);
  });

  it('answers as the chosen member of staff with the card Teams would get, citing the policy', async () => {
    await seedSchool();
    Object.assign(env, { TUTELA_MODE: 'dev' });
    const res = await exports.default.fetch(`http://localhost/playground?school=play&as=u-1&q=${encodeURIComponent('Can I forward my school email to my Gmail?')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Ann Teacher');
    expect(html).toContain('Teams Adaptive Card (JSON)');
    expect(html).toContain('From section 4.1 Forwarding email');
  });

  it('still needs the loopback dev sign-in: a request from elsewhere is refused', async () => {
    Object.assign(env, { TUTELA_MODE: 'dev' });
    const res = await exports.default.fetch('http://tutela.example.org/playground');
    expect(res.status).toBe(401);
  });
});
