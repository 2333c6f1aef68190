import { createLogger } from '../app/logger.ts';
import type { Env } from '../env.ts';

export type CronTask = 'nightly-audit' | 'leaver-reconciliation' | 'weekly-card';
export type CronHandlers = Partial<Record<CronTask, (env: Env, ctx: ExecutionContext, at: Date) => Promise<void>>>;

/** Maps each wrangler.toml cron expression to the task it starts. */
export function taskForCron(cron: string): CronTask | undefined {
  switch (cron) {
    case '30 2 * * *':
      return 'nightly-audit';
    case '5 * * * *':
      return 'leaver-reconciliation';
    case '0 7,8 * * 1':
      return 'weekly-card';
    default:
      return undefined;
  }
}

export async function handleScheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext, handlers: CronHandlers): Promise<void> {
  const log = createLogger({ cron: controller.cron });
  const task = taskForCron(controller.cron);
  if (!task) {
    log.error('cron_unknown', {});
    return;
  }
  const handler = handlers[task];
  if (!handler) {
    log.warn('cron_task_not_implemented', { task });
    return;
  }
  log.info('cron_start', { task });
  await handler(env, ctx, new Date(controller.scheduledTime));
}
