import { pruneSeenEvents } from '../../connectors/slack/index.ts';
import { ackReminderHook } from './ack-reminders.ts';
import { campaignSyncHook } from './campaign-sync.ts';
import { startScheduledAudits } from './audit/schedule.ts';
import { sweepStalledRuns } from './audit/sweep.ts';
import { dispatchAuditJob } from './dispatch.ts';
import { refreshGroupAudiences } from './group-audiences.ts';
import { offboardingCron } from './offboarding/cron.ts';
import type { JobHandler, JobHandlers } from './queue.ts';
import type { CronHandlers } from './scheduled.ts';
import { weeklyCardHook } from './weekly-card.ts';
import { workerDeps } from './worker-deps.ts';

/** Bot event ids guard against Slack's retries, which stop within hours; a week is ample. */
const SEEN_EVENTS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Which code runs for each cron task and queue message kind. A task with no handler yet is logged
 * as not implemented rather than silently ignored.
 */
export const cronHandlers: CronHandlers = {
  'nightly-audit': [(env) => startScheduledAudits(workerDeps(env)), (env) => refreshGroupAudiences(workerDeps(env))],
  hourly: [
    (env) => sweepStalledRuns(workerDeps(env)).then(() => undefined),
    ackReminderHook,
    campaignSyncHook,
    offboardingCron,
    (env, _ctx, at) => pruneSeenEvents(env.DB, new Date(at.getTime() - SEEN_EVENTS_KEPT_MS)),
  ],
  'weekly-card': [weeklyCardHook],
};

const audit: JobHandler = (message, env, _ctx, attempts) => dispatchAuditJob(workerDeps(env), message, attempts);

export const jobHandlers: JobHandlers = {
  'audit.start': audit,
  'audit.batch': audit,
  'remediation.run': audit,
  'offboarding.step': audit,
  'ack.group-audience': audit,
};
