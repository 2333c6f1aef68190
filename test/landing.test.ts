import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/domain/findings/finding.ts';
import { setFindingStatus, upsertFindings } from '../src/storage/findings.ts';
import { api } from './support/api.ts';

const finding = (email: string): Finding => ({
  checkId: 'forwarding.mailbox-external',
  severity: 'high',
  provider: 'microsoft365',
  subject: { id: `id-${email}`, email },
  summary: `${email} forwards outside`,
  evidence: {},
  policyRef: 'forwarding.external',
  remediation: { available: false, action: null, mode: 'report' },
});

describe('landing page', () => {
  it('needs a signed-in admin', async () => {
    expect((await exports.default.fetch('http://localhost/')).status).toBe(401);
  });

  it('shows each school with its count of open findings', async () => {
    await api('POST', '/api/schools', { id: 'landing', name: 'Landing Lane Primary' });
    const ids = await upsertFindings(env.DB, { schoolId: 'landing', runId: 'r1', findings: [finding('a@l.sch.uk'), finding('b@l.sch.uk'), finding('c@l.sch.uk')], now: new Date() });
    await setFindingStatus(env.DB, { schoolId: 'landing', id: ids[0] ?? '', status: 'accepted-risk', now: new Date() });
    const res = await exports.default.fetch('http://localhost/', { headers: { authorization: 'Bearer test-admin-token' } });
    const html = await res.text();
    expect(html).toContain('Landing Lane Primary');
    expect(html).toMatch(/Open findings<\/th><td>2<\/td>/);
  });
});
