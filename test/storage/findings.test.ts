import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/findings/finding.ts';
import { appendAuditLog, listAuditLog } from '../../src/storage/audit-log.ts';
import { listFindings, openFindingsOfRun, resolveUnseen, setFindingStatus, upsertFindings } from '../../src/storage/findings.ts';
import { createSchool } from '../../src/storage/schools.ts';

const finding = (email: string, item?: string): Finding => ({
  checkId: 'forwarding.inbox-rule-external',
  severity: 'high',
  provider: 'microsoft365',
  subject: { id: `id-${email}`, email, ...(item ? { item } : {}) },
  summary: `${email} forwards outside`,
  evidence: { externalAddresses: ['x@gmail.com'] },
  policyRef: 'forwarding.external',
  remediation: { available: true, action: 'disable-inbox-rule', mode: 'report' },
});

async function school(id: string) {
  await createSchool(env.DB, { id, name: `School ${id}` }, new Date('2026-11-01T00:00:00Z'));
  return id;
}

describe('findings store', () => {
  it('keeps a stable id and first-seen date across runs, resolves what is not seen again', async () => {
    const s = await school('findings-1');
    const day1 = new Date('2026-11-20T02:30:00Z');
    const day2 = new Date('2026-11-21T02:30:00Z');
    const [idA] = await upsertFindings(env.DB, { schoolId: s, runId: 'r1', findings: [finding('a@x.sch.uk', 'rule1'), finding('b@x.sch.uk', 'rule2')], now: day1 });
    const [idA2] = await upsertFindings(env.DB, { schoolId: s, runId: 'r2', findings: [finding('a@x.sch.uk', 'rule1')], now: day2 });
    expect(idA2).toBe(idA);
    const resolved = await resolveUnseen(env.DB, { schoolId: s, provider: 'microsoft365', runId: 'r2', checkIds: ['forwarding.inbox-rule-external'], unreadSubjects: [], now: day2 });
    expect(resolved).toBe(1);
    const all = await listFindings(env.DB, s);
    const a = all.find((f) => f.subject.email === 'a@x.sch.uk');
    expect(a).toMatchObject({ status: 'open', firstSeenAt: day1.toISOString(), lastSeenAt: day2.toISOString(), subject: { item: 'rule1' } });
    expect(all.find((f) => f.subject.email === 'b@x.sch.uk')?.status).toBe('resolved');
  });

  it('leaves findings of unreadable subjects open and re-opens a remediated finding seen again', async () => {
    const s = await school('findings-2');
    const now = new Date('2026-11-21T02:30:00Z');
    const [id] = await upsertFindings(env.DB, { schoolId: s, runId: 'r1', findings: [finding('a@x.sch.uk', 'rule1')], now });
    expect(await resolveUnseen(env.DB, { schoolId: s, provider: 'microsoft365', runId: 'r2', checkIds: ['forwarding.inbox-rule-external'], unreadSubjects: ['id-a@x.sch.uk'], now })).toBe(0);
    await setFindingStatus(env.DB, { schoolId: s, id: id ?? '', status: 'remediated', now });
    await upsertFindings(env.DB, { schoolId: s, runId: 'r3', findings: [finding('a@x.sch.uk', 'rule1')], now });
    expect((await listFindings(env.DB, s))[0]?.status).toBe('open');
    await setFindingStatus(env.DB, { schoolId: s, id: id ?? '', status: 'accepted-risk', note: 'Governor approved', now });
    await upsertFindings(env.DB, { schoolId: s, runId: 'r4', findings: [finding('a@x.sch.uk', 'rule1')], now });
    expect((await listFindings(env.DB, s))[0]).toMatchObject({ status: 'accepted-risk', statusNote: 'Governor approved' });
  });

  it('refuses evidence that could carry message content', async () => {
    const s = await school('findings-3');
    const bad = { ...finding('a@x.sch.uk'), evidence: { body: 'x'.repeat(600) } };
    await expect(upsertFindings(env.DB, { schoolId: s, runId: 'r1', findings: [bad], now: new Date() })).rejects.toThrow();
  });
});

describe('open findings of a run', () => {
  it('pages through every one, in id order, however many there are', async () => {
    const s = await school('findings-4');
    const many = Array.from({ length: 250 }, (_, i) => finding(`p${i}@x.sch.uk`, `rule${i}`));
    const ids = await upsertFindings(env.DB, { schoolId: s, runId: 'big', findings: many, now: new Date() });
    const pages: number[] = [];
    const seen: string[] = [];
    for await (const page of openFindingsOfRun(env.DB, s, 'big', 100)) {
      pages.push(page.length);
      seen.push(...page.map((f) => f.id));
    }
    expect(pages).toEqual([100, 100, 50]);
    expect(seen).toEqual([...ids].sort());
  });
});

describe('audit log', () => {
  it('appends and refuses updates and deletes', async () => {
    const s = await school('log-1');
    await appendAuditLog(env.DB, { schoolId: s, actor: 'system', action: 'disable-inbox-rule', targetType: 'inbox-rule', targetId: 'r1', outcome: 'applied', before: { isEnabled: true }, after: { isEnabled: false } }, new Date());
    const [entry] = await listAuditLog(env.DB, s);
    expect(entry).toMatchObject({ action: 'disable-inbox-rule', before: { isEnabled: true }, after: { isEnabled: false }, dryRun: false });
    await expect(env.DB.prepare('UPDATE audit_log SET actor = ?1 WHERE school_id = ?2').bind('mallory', s).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('DELETE FROM audit_log WHERE school_id = ?1').bind(s).run()).rejects.toThrow(/append-only/);
  });
});
