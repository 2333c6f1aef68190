import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { logger } from '../../logger.ts';

/**
 * Runs slow work after the response (the Bot Service and Slack both time out quickly). A failure is
 * logged, never dropped. Outside the Workers runtime (no execution context) the work is awaited.
 */
export async function later(c: Context<AppEnv>, what: string, work: () => Promise<unknown>): Promise<void> {
  const guarded = work().then(
    () => undefined,
    (error: unknown) => logger(c).error('bot_background_failed', { what, error: error instanceof Error ? error.message : String(error) }),
  );
  let ctx: { waitUntil(promise: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined;
  }
  if (ctx) ctx.waitUntil(guarded);
  else await guarded;
}
