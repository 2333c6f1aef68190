import { createLogger, levelFrom } from '../app/logger.ts';
import type { Env } from '../env.ts';

export type CronTask = 'nightly-audit' | 'hourly' | 'weekly-card';
export type CronHandler = (env: Env, ctx: ExecutionContext, at: Date) => Promise<void>;
/** Several features may hang work on one schedule (the hourly one especially). */
export type CronHandlers = Partial<Record<CronTask, CronHandler[]>>;

/** Maps each wrangler.toml cron expression to the task it starts. */
export function taskForCron(cron: string): CronTask | undefined {
  switch (cron) {
    case '30 2 * * *':
      return 'nightly-audit';
    case '5 * * * *':
      return 'hourly';
    case '0 7,8 * * 1':
      return 'weekly-card';
    default:
      return undefined;
  }
}

/** Runs every handler of the task; one failing does not stop the others, and each failure is logged. */
export async function handleScheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext, handlers: CronHandlers): Promise<void> {
  const log = createLogger({ cron: controller.cron }, console.log, levelFrom(env));
  const task = taskForCron(controller.cron);
  if (!task) {
    log.error('cron_unknown', {});
    return;
  }
  const list = handlers[task] ?? [];
  if (list.length === 0) {
    log.warn('cron_task_not_implemented', { task });
    return;
  }
  log.info('cron_start', { task, handlers: list.length });
  const results = await Promise.allSettled(list.map((h) => h(env, ctx, new Date(controller.scheduledTime))));
  results.forEach((r, i) => {
    if (r.status === 'rejected') log.error('cron_handler_failed', { task, handler: i, error: String(r.reason) });
  });
  if (results.some((r) => r.status === 'rejected')) throw new Error(`${task}: a handler failed (logged above)`);
}
