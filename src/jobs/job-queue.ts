import type { JobMessage } from './messages.ts';

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
