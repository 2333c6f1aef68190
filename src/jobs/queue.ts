import { createLogger, levelFrom } from '../app/logger.ts';
import type { Env } from '../env.ts';
import { jobMessageSchema, type JobMessage } from './messages.ts';

export type JobHandler = (message: JobMessage, env: Env, ctx: ExecutionContext, attempts: number) => Promise<void>;
export type JobHandlers = Partial<Record<JobMessage['kind'], JobHandler>>;

/**
 * Queue consumer: validates each message, hands it to its handler, acks on success and lets the
 * queue retry (then dead-letter) on failure. Handlers are idempotent, so a redelivery is harmless.
 */
export async function handleQueue(batch: MessageBatch, env: Env, ctx: ExecutionContext, handlers: JobHandlers): Promise<void> {
  const log = createLogger({ queue: batch.queue }, console.log, levelFrom(env));
  for (const message of batch.messages) {
    const parsed = jobMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      // A malformed message can never succeed: ack it so it does not loop, but say so loudly.
      log.error('queue_message_invalid', { id: message.id, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      message.ack();
      continue;
    }
    const handler = handlers[parsed.data.kind];
    if (!handler) {
      log.error('queue_message_unhandled', { id: message.id, kind: parsed.data.kind });
      message.retry();
      continue;
    }
    try {
      await handler(parsed.data, env, ctx, message.attempts);
      message.ack();
    } catch (error) {
      log.error('queue_message_failed', { id: message.id, kind: parsed.data.kind, attempts: message.attempts, error: String(error) });
      message.retry({ delaySeconds: Math.min(60, 2 ** message.attempts) });
    }
  }
}
