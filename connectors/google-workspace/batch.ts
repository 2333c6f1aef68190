import { err, ok, type Result } from '../../src/domain/result.ts';
import { parseRetryAfter, retryDelayMs } from '../shared/backoff.ts';
import { boundaryOf, buildBatch, parseBatch, type PartResponse } from './batch-wire.ts';
import { failure, isRetryable } from './errors.ts';
import type { Answer, HttpCore } from './http.ts';

/** Google allows 100 parts; Gmail recommends no more than 50 per batch to avoid rate limiting. */
export const MAX_BATCH_PARTS = 50;

export interface BatchItem {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query on the Gmail host (no origin). */
  path: string;
  scope: string;
  units: number;
  what: string;
  body?: unknown;
}

export interface BatchJob extends BatchItem {
  /** Takes the call's final answer; returns the calls that depend on it (a next page, message gets). */
  done: (answer: Result<Answer>) => BatchJob[] | void;
}

interface Entry {
  job: BatchJob;
  attempts: number;
}

/**
 * Sends Gmail calls for one user through `/batch/gmail/v1`, one HTTP request at a time, ≤ 50 parts
 * each. Every round carries all the work known so far: parts throttled last round (after the longest
 * Retry-After among them), then calls not sent yet, then calls that answers made possible, so a
 * dependent call or a retry rides along instead of costing its own round trip. `stop` ends early.
 */
export async function runBatches(core: HttpCore, gmailBase: string, subject: string, jobs: BatchJob[], stop: () => boolean = () => false): Promise<void> {
  let queue: Entry[] = jobs.map((job) => ({ job, attempts: 0 }));
  const refreshed = new Set<string>();
  while (queue.length > 0 && !stop()) {
    const chunk = queue.slice(0, MAX_BATCH_PARTS);
    const round = await sendRound(core, gmailBase, subject, chunk, refreshed);
    queue = [...round.retry, ...queue.slice(MAX_BATCH_PARTS), ...round.next.map((job) => ({ job, attempts: 0 }))];
    if (round.retry.length > 0) {
      core.stats.retries += 1;
      const attempts = Math.max(...round.retry.map((e) => e.attempts));
      await core.sleep(retryDelayMs(attempts, round.waitMs, core.retry, core.random));
    }
  }
}

/** The answers to `items`, in order (a fixed list of calls with nothing depending on them). */
export async function sendBatch(core: HttpCore, gmailBase: string, subject: string, items: BatchItem[]): Promise<Result<Answer>[]> {
  const results: Result<Answer>[] = items.map((i) => err('upstream_failed', `Gmail batch lost the answer to ${i.what}`));
  await runBatches(
    core,
    gmailBase,
    subject,
    items.map((item, i) => ({ ...item, done: (answer) => void (results[i] = answer) })),
  );
  return results;
}

async function post(core: HttpCore, url: string, body: string, boundary: string, token: string): Promise<Response | Error> {
  try {
    return await core.global.run(() => {
      core.stats.requests += 1;
      return core.fetch(url, { method: 'POST', headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, authorization: `Bearer ${token}` }, body });
    });
  } catch (error) {
    return error instanceof Error ? error : new Error('network error');
  }
}

interface Round {
  retry: Entry[];
  /** Retry-After (ms) asked for by the throttled parts or the envelope; null for plain backoff. */
  waitMs: number | null;
  next: BatchJob[];
}

async function sendRound(core: HttpCore, gmailBase: string, subject: string, chunk: Entry[], refreshed: Set<string>): Promise<Round> {
  const next: BatchJob[] = [];
  const finish = (entry: Entry, answer: Result<Answer>) => {
    const more = entry.job.done(answer);
    if (more) next.push(...more);
  };
  const tokens = new Map<string, Result<string>>();
  // Each part carries its own token: scopes differ per call.
  for (const { job } of chunk) if (!tokens.has(job.scope)) tokens.set(job.scope, await core.tokens.token(subject, job.scope));
  const sendable: Entry[] = [];
  for (const entry of chunk) {
    const token = tokens.get(entry.job.scope);
    if (token && !token.ok) finish(entry, token);
    else sendable.push(entry);
  }
  if (sendable.length === 0) return { retry: [], waitMs: null, next };

  const parts = sendable.map(({ job }) => {
    const token = tokens.get(job.scope);
    return { method: job.method, path: job.path, token: token?.ok ? token.value : '', ...(job.body === undefined ? {} : { body: job.body }) };
  });
  for (const entry of sendable) entry.attempts += 1;
  await core.quota.take(subject, sendable.reduce((s, e) => s + e.job.units, 0));
  const boundary = `tutela_${crypto.randomUUID().replaceAll('-', '')}`;
  const res = await post(core, `${gmailBase}/batch/gmail/v1`, buildBatch(parts, boundary), boundary, parts[0]?.token ?? '');

  let answers: (PartResponse | undefined)[] | null = null;
  let outerRetryAfter: string | null = null;
  if (!(res instanceof Error) && res.ok) {
    const b = boundaryOf(res.headers.get('content-type'));
    // Decoded by hand: workerd warns when .text() is called on a multipart body.
    const text = new TextDecoder().decode(await res.arrayBuffer());
    answers = b ? parseBatch(text, b, sendable.length) : null;
  } else if (!(res instanceof Error)) {
    outerRetryAfter = res.headers.get('retry-after');
    await res.body?.cancel();
  }
  const retry: Entry[] = [];
  if (!answers) {
    // The whole batch failed (network, 429/5xx on the envelope): resend it as it was.
    const status = res instanceof Error ? 0 : res.status;
    for (const entry of sendable) {
      if (entry.attempts < core.retry.maxAttempts && (status === 0 || isRetryable(status, null))) retry.push(entry);
      else finish(entry, err(status === 0 ? 'upstream_failed' : 'throttled', `Gmail batch request failed (${status || 'network error'}) while trying to ${entry.job.what}`));
    }
    return { retry, waitMs: parseRetryAfter(outerRetryAfter, core.clock()), next };
  }

  let waitMs: number | null = null;
  const renewed = new Set<string>();
  sendable.forEach((entry, k) => {
    const { job } = entry;
    const answer = answers[k] ?? { status: 500, headers: new Headers(), body: null };
    if (answer.status >= 200 && answer.status < 300) return finish(entry, ok({ status: answer.status, body: answer.body }));
    if (answer.status === 401 && (!refreshed.has(job.scope) || renewed.has(job.scope))) {
      // Once per scope and run: every part refused with the stale token gets the fresh one.
      if (!refreshed.has(job.scope)) {
        refreshed.add(job.scope);
        renewed.add(job.scope);
        const token = tokens.get(job.scope);
        if (token?.ok) core.tokens.invalidate(subject, job.scope, token.value);
      }
      retry.push(entry);
      return;
    }
    if (entry.attempts < core.retry.maxAttempts && isRetryable(answer.status, answer.body)) {
      retry.push(entry);
      const after = parseRetryAfter(answer.headers.get('retry-after'), core.clock());
      if (after !== null) waitMs = Math.max(waitMs ?? 0, after);
      return;
    }
    finish(entry, { ok: false, error: failure(answer.status, answer.body, { service: 'Gmail', what: job.what, scope: job.scope, subject }) });
  });
  return { retry, waitMs, next };
}
