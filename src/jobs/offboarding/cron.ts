import { createLogger } from '../../app/logger.ts';
import type { CronHandler } from '../scheduled.ts';
import { workerDeps } from '../worker-deps.ts';
import { offboardingTick } from './tick.ts';

/** Hourly hook: leavers due now are sent at once, those due before the next run are timed to their minute. */
export const offboardingCron: CronHandler = async (env, _ctx, at) => {
  const log = createLogger({ job: 'offboarding-due' });
  const result = await offboardingTick(workerDeps(env, log), at, (message, delaySeconds) => env.JOBS.send(message, { delaySeconds }).then(() => undefined));
  log.info('offboarding_due_checked', { ...result });
};
