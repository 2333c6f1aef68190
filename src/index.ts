import { createApp } from './app/app.ts';
import type { Env } from './env.ts';
import type { JobMessage } from './jobs/messages.ts';
import { handleQueue } from './jobs/queue.ts';
import { handleScheduled } from './jobs/scheduled.ts';
import { cronHandlers, jobHandlers } from './jobs/registry.ts';

const app = createApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  scheduled: (controller, env, ctx) => handleScheduled(controller, env, ctx, cronHandlers),
  queue: (batch, env, ctx) => handleQueue(batch, env, ctx, jobHandlers),
} satisfies ExportedHandler<Env, JobMessage>;
