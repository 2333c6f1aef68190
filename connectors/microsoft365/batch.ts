import { z } from 'zod';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { parseRetryAfter, retryDelayMs, sleep } from '../shared/backoff.ts';
import { GRAPH_SCOPE } from './auth.ts';
import { failure, RETRYABLE } from './errors.ts';
import type { HttpCore } from './http.ts';

/** One Graph call to run inside a JSON $batch. `url` is relative to /v1.0 ("/users/{id}/…"). */
export interface SubRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /** The mailbox the call touches (user id), for the per-mailbox concurrency limit; null if none. */
  mailbox: string | null;
  headers?: Record<string, string>;
  body?: unknown;
  what: string;
  permission?: string;
}

export interface SubAnswer {
  status: number;
  body: unknown;
}

const batchResponse = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

interface Item {
  request: SubRequest;
  attempt: number;
  refreshed: boolean;
  resolve: (result: Result<SubAnswer>) => void;
}

export interface BatchLimits {
  /** Graph refuses more than 20 requests in one $batch. */
  perBatch: number;
  /** Exchange allows 4 concurrent requests per mailbox per app; sub-requests of one batch run concurrently. */
  perMailbox: number;
  /** $batch POSTs in flight at once. */
  batchesInFlight: number;
  /**
   * How long a part-filled batch waits for more calls while other batches are still in flight (their
   * answers and retries bring more). Without it, follow-up calls and retries trickle out a few per
   * $batch, and every $batch is a Workers subrequest.
   */
  lingerMs: number;
}

export const defaultBatchLimits: BatchLimits = { perBatch: 20, perMailbox: 4, batchesInFlight: 16, lingerMs: 25 };

function headerValue(headers: Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return null;
}

/**
 * Collects Graph calls made in the same tick into $batch requests of at most 20. A mailbox never has
 * more than `perMailbox` calls in flight, counted across every batch, because Graph runs a batch's
 * sub-requests concurrently. A throttled sub-request alone is retried after its Retry-After; the
 * rest of its batch is answered. We build the batch JSON ourselves (relative URLs): the Graph SDK's
 * BatchRequestContent keeps "/v1.0" in sub-request URLs built from absolute ones.
 */
export class Batcher {
  private readonly core: HttpCore;
  private readonly endpoint: string;
  private readonly limits: BatchLimits;
  private readonly queue: Item[] = [];
  private readonly perMailbox = new Map<string, number>();
  private activeBatches = 0;
  private pumpScheduled = false;
  private lingering = false;
  private lingerOver = false;
  /** Calls waiting out a Retry-After: they will want a seat in a batch soon. */
  private sleeping = 0;

  constructor(core: HttpCore, graphBase: string, limits: BatchLimits) {
    if (limits.perBatch < 1 || limits.perBatch > 20) throw new Error('a Graph $batch holds 1 to 20 requests');
    this.core = core;
    this.endpoint = `${graphBase}/v1.0/$batch`;
    this.limits = limits;
  }

  run(request: SubRequest): Promise<Result<SubAnswer>> {
    return new Promise((resolve) => this.enqueue({ request, attempt: 1, refreshed: false, resolve }));
  }

  private enqueue(item: Item): void {
    this.queue.push(item);
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    // Wait for the current tick so calls made together travel together.
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.activeBatches < this.limits.batchesInFlight && this.queue.length > 0) {
      const picked = this.pickable();
      if (picked.length === 0) return;
      // A part-filled batch waits a moment if answers still due will bring more calls to go with it.
      if (picked.length < this.limits.perBatch && (this.activeBatches > 0 || this.sleeping > 0) && !this.lingerOver) {
        this.linger();
        return;
      }
      this.lingerOver = false;
      const taken = new Set(picked);
      for (let i = this.queue.length - 1; i >= 0; i--) if (taken.has(this.queue[i] as Item)) this.queue.splice(i, 1);
      for (const item of picked) {
        const key = item.request.mailbox;
        if (key !== null) this.perMailbox.set(key, (this.perMailbox.get(key) ?? 0) + 1);
      }
      this.activeBatches += 1;
      void this.dispatch(picked)
        // A bug must not leave callers waiting forever: answer whatever is still open.
        .catch((error: unknown) => {
          for (const item of picked) item.resolve(err('upstream_failed', `Graph batch failed: ${error instanceof Error ? error.message : 'unknown error'}`));
        })
        .finally(() => {
          for (const item of picked) this.releaseMailbox(item.request.mailbox);
          this.activeBatches -= 1;
          this.pump();
        });
    }
  }

  /** The next batch: queued calls in order, skipping mailboxes already at their limit. */
  private pickable(): Item[] {
    const picked: Item[] = [];
    const counted = new Map<string, number>();
    for (const item of this.queue) {
      if (picked.length >= this.limits.perBatch) break;
      const key = item.request.mailbox;
      if (key !== null) {
        const n = (this.perMailbox.get(key) ?? 0) + (counted.get(key) ?? 0);
        if (n >= this.limits.perMailbox) continue;
        counted.set(key, (counted.get(key) ?? 0) + 1);
      }
      picked.push(item);
    }
    return picked;
  }

  private linger(): void {
    if (this.lingering) return;
    this.lingering = true;
    // Real time, not core.sleep: tests stub core.sleep to skip Retry-After waits.
    void sleep(this.limits.lingerMs).then(() => {
      this.lingering = false;
      this.lingerOver = true;
      this.pump();
    });
  }

  private releaseMailbox(key: string | null): void {
    if (key === null) return;
    const n = (this.perMailbox.get(key) ?? 1) - 1;
    if (n <= 0) this.perMailbox.delete(key);
    else this.perMailbox.set(key, n);
  }

  private async dispatch(items: Item[]): Promise<void> {
    const token = await this.core.tokens.token(GRAPH_SCOPE);
    if (!token.ok) {
      for (const item of items) item.resolve(token);
      return;
    }
    const requests = items.map((item, index) => {
      const r = item.request;
      const hasBody = r.body !== undefined;
      const headers = hasBody ? { 'Content-Type': 'application/json', ...r.headers } : r.headers;
      return { id: String(index + 1), method: r.method, url: r.url, ...(headers ? { headers } : {}), ...(hasBody ? { body: r.body } : {}) };
    });
    let res: Response;
    try {
      res = await this.core.global.run(() =>
        this.core.fetch(this.endpoint, {
          method: 'POST',
          headers: { authorization: `Bearer ${token.value}`, 'content-type': 'application/json' },
          body: JSON.stringify({ requests }),
        }),
      );
    } catch {
      for (const item of items) this.retryOrFail(item, 503, null, null, token.value);
      return;
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      for (const item of items) this.retryOrFail(item, res.status, res.headers.get('retry-after'), json, token.value);
      return;
    }
    const parsed = batchResponse.safeParse(json);
    const byId = new Map(parsed.success ? parsed.data.responses.map((r) => [r.id, r]) : []);
    items.forEach((item, index) => {
      const sub = byId.get(String(index + 1));
      if (!sub) return this.retryOrFail(item, 502, null, null, token.value);
      if (sub.status >= 200 && sub.status < 300) return item.resolve(ok({ status: sub.status, body: sub.body ?? null }));
      this.retryOrFail(item, sub.status, headerValue(sub.headers, 'retry-after'), sub.body ?? null, token.value);
    });
  }

  private retryOrFail(item: Item, status: number, retryAfter: string | null, body: unknown, token: string): void {
    if (status === 401 && !item.refreshed) {
      item.refreshed = true;
      this.core.tokens.invalidate(GRAPH_SCOPE, token);
      this.enqueue(item);
      return;
    }
    if (RETRYABLE.has(status) && item.attempt < this.core.retry.maxAttempts) {
      const wait = retryDelayMs(item.attempt, parseRetryAfter(retryAfter, this.core.now().getTime()), this.core.retry, this.core.random);
      item.attempt += 1;
      this.sleeping += 1;
      void this.core.sleep(wait).then(() => {
        this.sleeping -= 1;
        this.enqueue(item);
      });
      return;
    }
    const r = item.request;
    item.resolve(status === 0 ? err('upstream_failed', `Graph did not answer while trying to ${r.what}`) : { ok: false, error: failure(status, body, { service: 'Graph', what: r.what, ...(r.permission ? { permission: r.permission } : {}) }) });
  }
}
