import { createConnector } from '../../connectors/index.ts';
import { createLogger, levelFrom, type Logger } from '../app/logger.ts';
import type { Env } from '../env.ts';
import type { AuditDeps } from './audit/deps.ts';
import { cloudflareQueue } from './job-queue.ts';
import { botChannelConfigured, botNotifier } from './bot-notifier.ts';
import { noChannelNotifier } from './notifier.ts';

/** Secrets a connection names are read from the Worker's env, and only names starting SECRET_. */
export function secretsFrom(env: Env) {
  return (name: string): string | undefined => (name.startsWith('SECRET_') ? env[name as `SECRET_${string}`] : undefined);
}

export function workerDeps(env: Env, log: Logger = createLogger({}, console.log, levelFrom(env))): AuditDeps {
  return {
    db: env.DB,
    queue: cloudflareQueue(env.JOBS),
    connectorFor: (connection) => createConnector(connection.config, { secrets: secretsFrom(env), fetch: (input, init) => fetch(input, init), log }),
    notifier: botChannelConfigured(env) ? botNotifier(env, log) : noChannelNotifier,
    now: () => new Date(),
    log,
  };
}
