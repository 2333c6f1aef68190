import type { JobQueue } from './job-queue.ts';
import type { JobMessage } from './messages.ts';

export interface MemoryQueue extends JobQueue {
  /** Resolves when every message sent so far, and every message they sent, has been handled. */
  drain(): Promise<void>;
  readonly stats: { delivered: number; retried: number; deadLettered: JobMessage[] };
}

/**
 * An in-process stand-in for Cloudflare Queues (CLI, benchmarks): the same at-least-once contract —
 * a handler that throws is retried with backoff up to `maxAttempts`, then dead-lettered.
 */
export function memoryQueue(
  handle: (message: JobMessage, attempts: number) => Promise<void>,
  options: { concurrency?: number; maxAttempts?: number; retryDelayMs?: (attempt: number) => number } = {},
): MemoryQueue {
  const concurrency = options.concurrency ?? 8;
  const maxAttempts = options.maxAttempts ?? 6;
  const delay = options.retryDelayMs ?? ((n) => Math.min(2000, 100 * 2 ** n));
  const pending: { message: JobMessage; attempts: number }[] = [];
  const stats = { delivered: 0, retried: 0, deadLettered: [] as JobMessage[] };
  let active = 0;
  let waiting = 0;
  let idle: (() => void)[] = [];

  const settle = () => {
    if (active === 0 && waiting === 0 && pending.length === 0) {
      const resolvers = idle;
      idle = [];
      resolvers.forEach((r) => r());
    }
  };
  const pump = () => {
    while (active < concurrency && pending.length > 0) {
      const job = pending.shift();
      if (!job) break;
      active += 1;
      stats.delivered += 1;
      handle(job.message, job.attempts)
        .catch(() => {
          if (job.attempts >= maxAttempts) {
            stats.deadLettered.push(job.message);
            return;
          }
          stats.retried += 1;
          waiting += 1;
          setTimeout(() => {
            waiting -= 1;
            pending.push({ message: job.message, attempts: job.attempts + 1 });
            pump();
          }, delay(job.attempts));
        })
        .finally(() => {
          active -= 1;
          pump();
          settle();
        });
    }
  };

  return {
    stats,
    send(messages) {
      pending.push(...messages.map((message) => ({ message, attempts: 1 })));
      pump();
      return Promise.resolve();
    },
    drain() {
      return new Promise((resolve) => {
        idle.push(resolve);
        settle();
      });
    },
  };
}
