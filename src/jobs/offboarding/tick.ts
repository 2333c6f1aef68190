import { pruneWebhookEvents } from '../../storage/hr-imports.ts';
import { dueDeferredSteps, dueJobs, listStepsByJob, stalledJobs } from '../../storage/offboarding.ts';
import type { AuditDeps } from '../audit/deps.ts';
import type { JobMessage } from '../messages.ts';

const HOUR = 3_600_000;
const STALLED_AFTER = 15 * 60_000;

export interface TickResult {
  due: number;
  soon: number;
  stalled: number;
  deferred: number;
}

/**
 * The hourly due-check: sends the first step of every job whose leave time has passed, re-sends
 * the next step of a job nobody has touched for a while (a lost or dead-lettered message), and
 * sends deferred steps (account deletions) that have come due. With `later` (the Worker's queue,
 * which can delay a message) jobs due before the next run are sent now, timed to their minute.
 */
export async function offboardingTick(deps: AuditDeps, at: Date, later?: (message: JobMessage, delaySeconds: number) => Promise<void>): Promise<TickResult> {
  const { db } = deps;
  const messages: JobMessage[] = [];
  const horizon = later ? new Date(at.getTime() + HOUR + 5 * 60_000) : at;
  let soon = 0;
  const dueNow = await dueJobs(db, horizon);
  const dueSteps = await listStepsByJob(db, dueNow.map((j) => j.id));
  for (const job of dueNow) {
    const first = dueSteps.get(job.id)?.[0];
    if (!first) continue;
    const wait = Math.ceil((Date.parse(job.actAt) - at.getTime()) / 1000);
    const message: JobMessage = { kind: 'offboarding.step', jobId: job.id, step: first.step };
    if (wait > 0 && later) {
      await later(message, wait);
      soon++;
    } else messages.push(message);
  }
  const due = messages.length;
  let stalled = 0;
  const stalledNow = await stalledJobs(db, new Date(at.getTime() - STALLED_AFTER));
  const stalledSteps = await listStepsByJob(db, stalledNow.map((j) => j.id));
  for (const job of stalledNow) {
    const next = (stalledSteps.get(job.id) ?? []).find((s) => s.status === 'pending' || s.status === 'running');
    messages.push({ kind: 'offboarding.step', jobId: job.id, step: next?.step ?? 'disable-sign-in' });
    stalled++;
  }
  const deferred = await dueDeferredSteps(db, at);
  messages.push(...deferred.map((d): JobMessage => ({ kind: 'offboarding.step', jobId: d.jobId, step: d.step })));
  if (messages.length > 0) await deps.queue.send(messages);
  await pruneWebhookEvents(db, new Date(at.getTime() - 30 * 24 * HOUR));
  return { due, soon, stalled, deferred: deferred.length };
}
