import { z } from 'zod';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { GRAPH_SCOPE } from './auth.ts';
import type { Batcher, SubRequest } from './batch.ts';
import { send, type Answer, type HttpCore } from './http.ts';

/**
 * Graph over plain fetch. @microsoft/microsoft-graph-client works in workerd, but we would use only
 * its PageIterator (a loop over @odata.nextLink) and must build $batch JSON ourselves anyway, so
 * its 22 KiB and its types buy nothing here. Wire shapes are checked with zod and stay in this folder.
 */
const pageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
  '@odata.count': z.number().optional(),
});

export interface Pages<T> {
  items: T[];
  deltaLink: string | null;
  count: number | null;
}

interface CallOptions {
  what: string;
  permission?: string;
  headers?: Record<string, string>;
}

function parseItems<T>(schema: z.ZodType<T>, raw: unknown[], what: string): Result<T[]> {
  const parsed = z.array(schema).safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  return err('upstream_failed', `Graph answered an unexpected shape while trying to ${what} (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
}

/** One page of a collection: its rows checked against `schema`, and its paging links. */
function readPage<T>(body: unknown, schema: z.ZodType<T>, what: string): Result<{ rows: T[]; page: z.infer<typeof pageSchema> }> {
  const page = pageSchema.safeParse(body);
  if (!page.success) return err('upstream_failed', `Graph answered without a value list while trying to ${what}`);
  const rows = parseItems(schema, page.data.value, what);
  return rows.ok ? ok({ rows: rows.value, page: page.data }) : rows;
}

export class GraphClient {
  readonly base: string;
  private readonly core: HttpCore;
  private readonly batcher: Batcher;

  constructor(core: HttpCore, graphBase: string, batcher: Batcher) {
    this.core = core;
    this.base = `${graphBase}/v1.0`;
    this.batcher = batcher;
  }

  /** A nextLink/deltaLink as a path relative to /v1.0, as $batch sub-requests need. */
  relative(link: string): string {
    if (link.startsWith(this.base)) return link.slice(this.base.length);
    const url = new URL(link);
    return `${url.pathname.replace(/^\/v1\.0/, '')}${url.search}`;
  }

  /** One direct (unbatched) GET; `path` is relative to /v1.0 or an absolute link Graph gave us. */
  get(path: string, options: CallOptions): Promise<Result<Answer>> {
    const url = /^https?:/i.test(path) ? path : `${this.base}${path}`;
    return send(this.core, { service: 'Graph', scope: GRAPH_SCOPE, url, method: 'GET', what: options.what, ...(options.permission ? { permission: options.permission } : {}), ...(options.headers ? { headers: options.headers } : {}) });
  }

  /** Follows @odata.nextLink to the end with direct GETs; returns the deltaLink when there is one. */
  async getAll<T>(path: string, schema: z.ZodType<T>, options: CallOptions): Promise<Result<Pages<T>>> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next) {
      const res = await this.get(next, options);
      if (!res.ok) return res;
      const read = readPage(res.value.body, schema, options.what);
      if (!read.ok) return read;
      const { rows, page } = read.value;
      items.push(...rows);
      const deltaLink = page['@odata.deltaLink'];
      if (deltaLink) return ok({ items, deltaLink, count: page['@odata.count'] ?? null });
      next = page['@odata.nextLink'];
      if (!next) return ok({ items, deltaLink: null, count: page['@odata.count'] ?? null });
    }
    return ok({ items, deltaLink: null, count: null });
  }

  /** One call through the batcher. */
  batched(request: SubRequest): Promise<Result<{ status: number; body: unknown }>> {
    return this.batcher.run(request);
  }

  /** A paged collection read through the batcher: each next page joins whichever batch is forming. */
  async batchedAll<T>(request: SubRequest, schema: z.ZodType<T>, maxItems = Infinity): Promise<Result<Pages<T>>> {
    const items: T[] = [];
    let url: string | undefined = request.url;
    let count: number | null = null;
    while (url && items.length < maxItems) {
      const res = await this.batcher.run({ ...request, url });
      if (!res.ok) return res;
      const read = readPage(res.value.body, schema, request.what);
      if (!read.ok) return read;
      const { rows, page } = read.value;
      items.push(...rows);
      count ??= page['@odata.count'] ?? null;
      const next = page['@odata.nextLink'];
      url = next ? this.relative(next) : undefined;
    }
    return ok({ items, deltaLink: null, count });
  }
}
