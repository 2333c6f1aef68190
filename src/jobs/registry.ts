import type { JobHandlers } from './queue.ts';
import type { CronHandlers } from './scheduled.ts';

/**
 * Which code runs for each cron task and queue message kind. Features register here; a task with
 * no handler yet is logged as not implemented rather than silently ignored.
 */
export const cronHandlers: CronHandlers = {};
export const jobHandlers: JobHandlers = {};
