import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../simulator/app.ts';
import { generateFixture, generateHrFeed } from '../../simulator/generate/index.ts';
import type { MsUser } from '../../simulator/fixture/microsoft.ts';
import { decideImport } from '../../src/jobs/offboarding/decide.ts';
import { runHrImport } from '../../src/jobs/offboarding/import.ts';
import { undoJob } from '../../src/jobs/offboarding/undo.ts';
import { listHrStaff } from '../../src/storage/hr-staff.ts';
import { getImport } from '../../src/storage/hr-imports.ts';
import { listJobs } from '../../src/storage/offboarding.ts';
import { withUnsimulatedCalls } from './effects.ts';
import { csvOf, ordinaryStaff, setUpSchool, ukDate, type School } from './support.ts';

const options = { mailboxes: 40, seed: 5, providers: ['microsoft365' as const] };
const newSim = () => createSimulator(generateFixture(options));

async function importCsv(school: School, csv: string, dryRun = false) {
  const r = await runHrImport(school.deps, { schoolId: school.schoolId, source: 'api', csv, mapping: {}, dryRun });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const staffCount = async (school: School) => (await listHrStaff(env.DB, school.schoolId)).length;

describe('HR import safety', () => {
  it('never disables a protected account, even when HR says it left', async () => {
    const sim = newSim();
    const school = await setUpSchool(sim);
    const breakglass = sim.ctx.fixture.microsoft?.users.find((u) => u.mail?.startsWith('breakglass@')) as MsUser;
    breakglass.accountEnabled = true;
    const report = await importCsv(school, csvOf([['X9999', breakglass.mail ?? '', ukDate(school.deps.now(), -5), 'Left']]));
    expect(report.actions).toEqual([expect.objectContaining({ type: 'protected', email: breakglass.mail })]);
    expect(await listJobs(env.DB, school.schoolId)).toEqual([]);
  });

  it('holds a feed marking everyone as a leaver (circuit breaker), and applies it only when approved', async () => {
    const sim = newSim();
    const school = await setUpSchool(sim);
    const staff = ordinaryStaff(sim).slice(0, 6);
    const csv = csvOf(staff.map((u) => [u.employeeId ?? '', u.mail ?? '', ukDate(school.deps.now(), -2), 'Left']));
    const dry = await importCsv(school, csv, true);
    expect(dry).toMatchObject({ status: 'dry-run', held: true });
    const report = await importCsv(school, csv);
    expect(report).toMatchObject({ status: 'held', held: true, reason: expect.stringContaining('would disable 6 people') as string });
    expect(await listJobs(env.DB, school.schoolId)).toEqual([]);
    expect(await staffCount(school)).toBe(0);
    expect(school.notifier.sent).toEqual([expect.objectContaining({ title: expect.stringContaining('approval') as string })]);

    const rejected = await decideImport(school.deps, school.schoolId, report.importId, 'reject', 'sbm', 'not right');
    expect(rejected.ok && rejected.value.status).toBe('cancelled');
    expect(await listJobs(env.DB, school.schoolId)).toEqual([]);
    const again = await decideImport(school.deps, school.schoolId, report.importId, 'approve', 'sbm', null);
    expect(again.ok ? null : again.error.code).toBe('conflict');

    const second = await importCsv(school, csv);
    school.intercept.current = withUnsimulatedCalls(sim, (_r, forward) => forward());
    const approved = await decideImport(school.deps, school.schoolId, second.importId, 'approve', 'sbm', 'checked with HR');
    expect(approved.ok && approved.value).toMatchObject({ status: 'approved', enqueued: 6 });
    await school.queue.drain(school.deps, 1000);
    expect(staff.every((u) => !u.accountEnabled)).toBe(true);
    expect((await getImport(env.DB, second.importId))?.status).toBe('approved');
  });

  it('holds a feed much shorter than the previous one (a truncated export)', async () => {
    const sim = newSim();
    const school = await setUpSchool(sim);
    const full = generateHrFeed(options);
    expect((await importCsv(school, full.replace(/,Left\r\n/g, ',Active\r\n').replace(/,Leaving\r\n/g, ',Active\r\n'))).status).toBe('applied');
    const short = full.split('\r\n').slice(0, 10).join('\r\n').replace(/,Left$/gm, ',Active').replace(/,Leaving$/gm, ',Active');
    const report = await importCsv(school, `${short}\r\n`);
    expect(report).toMatchObject({ status: 'held', reason: expect.stringContaining('fewer than 80%') as string });
  });

  it('matches on employee id despite Excel-stripped leading zeros, and never guesses an ambiguous row', async () => {
    const sim = newSim();
    const [a, b] = ordinaryStaff(sim) as [MsUser, MsUser];
    a.employeeId = '00123';
    const school = await setUpSchool(sim);
    const now = school.deps.now();
    const report = await importCsv(
      school,
      csvOf([
        ['123', '', ukDate(now, 20), 'Leaving'],
        // b's id with a's address: one of the two is wrong, so nobody is touched.
        [b.employeeId ?? '', a.mail ?? '', ukDate(now, 20), 'Leaving'],
        ['Z0001', 'nobody@oakfieldprimary.sch.uk', ukDate(now, -3), 'Left'],
      ]),
      true,
    );
    expect(report.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'disable', email: a.mail, matchedBy: 'employee-id-leading-zeros', when: 'scheduled' }),
        expect.objectContaining({ type: 'review', employeeId: b.employeeId, reason: expect.stringContaining('ambiguous') as string }),
        expect.objectContaining({ type: 'review', employeeId: 'Z0001', reason: expect.stringContaining('no matching account') as string }),
      ]),
    );
    expect(report.actions.filter((x) => x.type === 'disable')).toHaveLength(1);
  });

  it('a rehire cancels a scheduled disable; a corrected leave date reschedules it', async () => {
    const sim = newSim();
    const school = await setUpSchool(sim);
    const [u, v] = ordinaryStaff(sim) as [MsUser, MsUser];
    const now = school.deps.now();
    await importCsv(school, csvOf([[u.employeeId ?? '', u.mail ?? '', ukDate(now, 10), 'Leaving'], [v.employeeId ?? '', v.mail ?? '', ukDate(now, 10), 'Leaving']]));
    expect((await listJobs(env.DB, school.schoolId)).map((j) => j.status)).toEqual(['scheduled', 'scheduled']);
    const report = await importCsv(school, csvOf([[u.employeeId ?? '', u.mail ?? '', '', 'Active'], [v.employeeId ?? '', v.mail ?? '', ukDate(now, 17), 'Leaving']]));
    expect(report.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'cancel', email: u.mail, reason: 'rehired' }),
        expect.objectContaining({ type: 'cancel', email: v.mail, reason: 'leave-date-changed' }),
        expect.objectContaining({ type: 'disable', email: v.mail, when: 'scheduled' }),
      ]),
    );
    const jobs = await listJobs(env.DB, school.schoolId);
    expect(jobs.filter((j) => j.status === 'scheduled').map((j) => [j.subjectEmail, j.leaveDate])).toEqual([[v.mail, new Date(now.getTime() + 17 * 86_400_000).toISOString().slice(0, 10)]]);
    expect(jobs.filter((j) => j.status === 'cancelled')).toHaveLength(2);
  });

  it('undo re-enables the account within the grace period', async () => {
    const sim = newSim();
    const school = await setUpSchool(sim);
    school.intercept.current = withUnsimulatedCalls(sim, (_r, forward) => forward());
    const u = ordinaryStaff(sim)[2] as MsUser;
    await importCsv(school, csvOf([[u.employeeId ?? '', u.mail ?? '', ukDate(school.deps.now(), -1), 'Left']]));
    await school.queue.drain(school.deps);
    expect(u.accountEnabled).toBe(false);
    const [job] = await listJobs(env.DB, school.schoolId);
    const undone = await undoJob(school.deps, school.schoolId, job?.id ?? '', 'sbm');
    expect(undone.ok && undone.value).toMatchObject({ status: 'undone', reenabled: true, notRestored: expect.arrayContaining(['set-auto-reply', 'convert-to-shared']) as string[] });
    expect(u.accountEnabled).toBe(true);
    // The same leaver in the next feed is a review item, not a second disable.
    const again = await importCsv(school, csvOf([[u.employeeId ?? '', u.mail ?? '', ukDate(school.deps.now(), -1), 'Left']]));
    expect(again.actions).toEqual([expect.objectContaining({ type: 'review', reason: expect.stringContaining('enabled again') as string })]);
  });
});

describe('hostile CSV files apply nothing', () => {
  const cases: [string, (now: Date, u: MsUser) => string][] = [
    ['wrong columns', () => 'Name,Department\r\nBob,Maths\r\n'],
    ['a truncated file (short last row)', (now, u) => `${csvOf([[u.employeeId ?? '', u.mail ?? '', ukDate(now, -3), 'Left']])}E9999,x@oakfieldprimary.sch.uk`],
    ['day/month order in doubt', (_now, u) => csvOf([[u.employeeId ?? '', u.mail ?? '', '03/04/2026', 'Left'], ['E9998', '', '12/25/2026', 'Leaving']])],
    ['a header and no rows', () => 'Employee ID,Work Email,Leaving Date,Status\r\n'],
  ];
  for (const [name, make] of cases) {
    it(`refuses ${name}`, async () => {
      const sim = newSim();
      const school = await setUpSchool(sim);
      const report = await importCsv(school, make(school.deps.now(), ordinaryStaff(sim)[0] as MsUser));
      expect(report.status).toBe('rejected');
      expect(report.rejected.length).toBeGreaterThan(0);
      expect(report.actions).toEqual([]);
      expect(await staffCount(school)).toBe(0);
      expect(await listJobs(env.DB, school.schoolId)).toEqual([]);
    });
  }

  it('rejects bad dates and duplicate rows one by one, and applies the rest', async () => {
    const sim = newSim();
    const school = await setUpSchool(sim);
    const [u, v] = ordinaryStaff(sim) as [MsUser, MsUser];
    const now = school.deps.now();
    const report = await importCsv(
      school,
      csvOf([
        [u.employeeId ?? '', u.mail ?? '', '31/02/2026', 'Left'],
        [v.employeeId ?? '', v.mail ?? '', ukDate(now, 30), 'Leaving'],
        [v.employeeId ?? '', v.mail ?? '', ukDate(now, 31), 'Leaving'],
        ['E7777', 'new.person@oakfieldprimary.sch.uk', '', 'Active'],
      ]),
    );
    expect(report.status).toBe('applied');
    expect(report.rejected.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(report.actions.filter((a) => a.type === 'disable')).toEqual([]);
    expect(await staffCount(school)).toBe(1);
  });
});
