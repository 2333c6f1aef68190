import { ok, type AppErrorData, type Result } from '../../src/domain/result.ts';
import { runBatches, type BatchItem, type BatchJob } from './batch.ts';
import { gmailUserPath, type GoogleContext } from './context.ts';
import { GMAIL_COST } from './quota.ts';
import { SCOPE } from './scopes.ts';
import { messageListSchema } from './wire.ts';

export interface ListJob {
  q: string;
  what: string;
}

export interface ListsRead {
  ids: string[][];
}

const PAGE = 500;

function listItem(subject: string, job: ListJob, pageToken: string | undefined): BatchItem {
  const query = new URLSearchParams({ q: job.q, maxResults: String(PAGE), fields: 'messages/id,nextPageToken' });
  if (pageToken) query.set('pageToken', pageToken);
  return { method: 'GET', path: `${gmailUserPath(subject)}/messages?${query.toString()}`, scope: SCOPE.mailRead, units: GMAIL_COST['messages.list'], what: job.what };
}

/** Where a search collects its ids; `failure` is set when a page cannot be read. */
export interface SearchSink {
  ids: string[];
  failure: AppErrorData | null;
}

/**
 * A search that pages itself: each page adds its ids and, while Gmail says there is more, returns
 * the call for the next page; after the last page `then` says which calls depend on the ids.
 * Ids are collected by paging, never from resultSizeEstimate, which is only an estimate.
 */
export function searchJob(subject: string, job: ListJob, sink: SearchSink, then?: (ids: string[]) => BatchJob[], pageToken?: string): BatchJob {
  return {
    ...listItem(subject, job, pageToken),
    done: (answer) => {
      if (!answer.ok) return void (sink.failure = answer.error);
      const parsed = messageListSchema.safeParse(answer.value.body);
      if (!parsed.success) return void (sink.failure = { code: 'upstream_failed', message: `Gmail answered messages.list in an unexpected shape (${job.what})` });
      sink.ids.push(...parsed.data.messages.map((m) => m.id));
      const next = parsed.data.nextPageToken;
      if (next) return [searchJob(subject, job, sink, then, next)];
      return then?.(sink.ids) ?? [];
    },
  };
}

/** Pages several Gmail searches for one user side by side: each batch holds the next page of every search still going. */
export async function pageLists(ctx: GoogleContext, subject: string, jobs: ListJob[]): Promise<Result<ListsRead>> {
  const sinks: SearchSink[] = jobs.map(() => ({ ids: [], failure: null }));
  const batchJobs = jobs.map((job, i) => searchJob(subject, job, sinks[i] as SearchSink));
  await runBatches(ctx.core, ctx.config.endpoints.gmail, subject, batchJobs, () => sinks.some((s) => s.failure));
  const failed = sinks.find((s) => s.failure)?.failure;
  if (failed) return { ok: false, error: failed };
  return ok({ ids: sinks.map((s) => s.ids) });
}

/** The first failure worth reporting: a vanished user explains every other failure. */
export function firstFailure(results: (Result<unknown> | null | undefined)[]): AppErrorData | null {
  const failures = results.flatMap((r) => (r && !r.ok ? [r.error] : []));
  return failures.find((e) => e.code === 'not_found') ?? failures[0] ?? null;
}
