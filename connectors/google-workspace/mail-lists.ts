import { err, ok, type AppErrorData, type Result } from '../../src/domain/result.ts';
import { sendBatch, type BatchItem } from './batch.ts';
import { gmailUserPath, type GoogleContext } from './context.ts';
import type { Answer } from './http.ts';
import { GMAIL_COST } from './quota.ts';
import { SCOPE } from './scopes.ts';
import { messageListSchema } from './wire.ts';

export interface ListJob {
  q: string;
  what: string;
}

export interface ListsRead {
  ids: string[][];
  /** Answers to the extra calls sent in the first round, in order. */
  extra: Result<Answer>[];
}

const PAGE = 500;

export function listItem(subject: string, job: ListJob, pageToken: string | undefined): BatchItem {
  const query = new URLSearchParams({ q: job.q, maxResults: String(PAGE), fields: 'messages/id,nextPageToken' });
  if (pageToken) query.set('pageToken', pageToken);
  return { method: 'GET', path: `${gmailUserPath(subject)}/messages?${query.toString()}`, scope: SCOPE.mailRead, units: GMAIL_COST['messages.list'], what: job.what };
}

/**
 * Pages several Gmail searches for one user side by side: each round is one batch holding the next
 * page of every search still going (and, in the first round, `extra` calls such as settings reads).
 * Ids are collected by paging, never from resultSizeEstimate, which is only an estimate.
 */
export async function pageLists(ctx: GoogleContext, subject: string, jobs: ListJob[], extra: BatchItem[] = []): Promise<Result<ListsRead>> {
  const ids: string[][] = jobs.map(() => []);
  let tokens: (string | undefined | null)[] = jobs.map(() => undefined);
  let extraAnswers: Result<Answer>[] = [];
  for (let round = 0; round === 0 || tokens.some((t) => typeof t === 'string'); round++) {
    const live = jobs.map((_, i) => i).filter((i) => tokens[i] !== null);
    const items = [...(round === 0 ? extra : []), ...live.map((i) => listItem(subject, jobs[i] as ListJob, tokens[i] ?? undefined))];
    if (items.length === 0) break;
    const answers = await sendBatch(ctx.core, ctx.config.endpoints.gmail, subject, items);
    if (round === 0) extraAnswers = answers.slice(0, extra.length);
    const listAnswers = answers.slice(round === 0 ? extra.length : 0);
    const next = [...tokens];
    for (const [k, i] of live.entries()) {
      const answer = listAnswers[k];
      if (!answer) return err('upstream_failed', 'Gmail batch lost an answer');
      if (!answer.ok) return answer;
      const parsed = messageListSchema.safeParse(answer.value.body);
      if (!parsed.success) return err('upstream_failed', `Gmail answered messages.list in an unexpected shape (${jobs[i]?.what ?? ''})`);
      (ids[i] as string[]).push(...parsed.data.messages.map((m) => m.id));
      next[i] = parsed.data.nextPageToken ?? null;
    }
    tokens = next;
  }
  return ok({ ids, extra: extraAnswers });
}

/** The first failure worth reporting: a vanished user explains every other failure. */
export function firstFailure(results: (Result<unknown> | null | undefined)[]): AppErrorData | null {
  const failures = results.flatMap((r) => (r && !r.ok ? [r.error] : []));
  return failures.find((e) => e.code === 'not_found') ?? failures[0] ?? null;
}
