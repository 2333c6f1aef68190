import { createConnector } from '../../connectors/index.ts';
import { createLogger, type Logger } from '../../src/app/logger.ts';
import type { AuditDeps } from '../../src/jobs/audit/deps.ts';
import { dispatchAuditJob } from '../../src/jobs/dispatch.ts';
import { memoryQueue, type MemoryQueue } from '../../src/jobs/memory-queue.ts';
import { noChannelNotifier } from '../../src/jobs/notifier.ts';
import { openNodeD1 } from './node-d1.ts';

export interface LocalTutela {
  deps: AuditDeps;
  queue: MemoryQueue;
  close: () => void;
}

const migrations = new URL('../../infra/migrations/', import.meta.url).pathname;

/**
 * The Worker's pipeline run in-process: same storage SQL (over node:sqlite), same queue contract
 * (in memory), same connectors. Used by the CLI and the benchmarks.
 */
export function createLocalTutela(options: {
  dbPath?: string;
  env: Record<string, string | undefined>;
  fetch?: typeof fetch;
  log?: Logger;
  concurrency?: number;
  now?: () => Date;
}): LocalTutela {
  const { db, close } = openNodeD1(options.dbPath ?? ':memory:', migrations);
  const log = options.log ?? createLogger({ component: 'cli' }, () => {});
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  // Filled in below: the queue and the deps refer to each other.
  const holder: { deps?: AuditDeps } = {};
  const queue = memoryQueue(
    (message, attempts) => {
      if (!holder.deps) throw new Error('local Tutela used before it was built');
      return dispatchAuditJob(holder.deps, message, attempts);
    },
    { concurrency: options.concurrency ?? 8, retryDelayMs: (n) => Math.min(2000, 50 * 2 ** n) },
  );
  const deps: AuditDeps = {
    db,
    queue,
    connectorFor: (connection) =>
      createConnector(connection.config, { secrets: (name) => (name.startsWith('SECRET_') ? options.env[name] : undefined), fetch: doFetch, log, ...(options.now ? { now: options.now } : {}) }),
    notifier: noChannelNotifier,
    now: options.now ?? (() => new Date()),
    log,
  };
  holder.deps = deps;
  return { deps, queue, close };
}
