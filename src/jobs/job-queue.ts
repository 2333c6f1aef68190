import type { JobMessage } from './messages.ts';

/**
 * The delivery on which audit batches, offboarding steps and group reads stop asking for a retry and
 * record their failure instead: the fifth. wrangler.toml's `max_retries = 5` allows six deliveries, so
 * the failure is always recorded before the queue could dead-letter the message.
 */
export const LAST_DELIVERY = 5;

/** Where work is sent: the Cloudflare Queue in the Worker, an in-process queue in the CLI and benchmarks. */
export interface JobQueue {
  send(messages: JobMessage[]): Promise<void>;
}

/** Cloudflare Queues accept at most 100 messages per sendBatch call. */
export function cloudflareQueue(queue: Queue<JobMessage>): JobQueue {
  return {
    async send(messages) {
      for (let i = 0; i < messages.length; i += 100) {
        await queue.sendBatch(messages.slice(i, i + 100).map((body) => ({ body })));
      }
    },
  };
}
