import { Hono } from 'hono';
import type { SimContext } from '../core/context.ts';
import type { GoogleEnv } from './env.ts';
import { badRequest } from './errors.ts';
import { boundaryOf, buildMultipart, httpResponseText, parseHttpRequest, parseMultipart } from './multipart.ts';

export const MAX_BATCH_PARTS = 100;

export interface BatchDispatch {
  /** Runs one sub-request through the Google routes, marked as inside a batch. */
  (request: Request): Promise<Response>;
}

/** Runs `tasks` with at most `limit` in flight (0 = all at once), keeping their order. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const width = limit > 0 ? Math.min(limit, tasks.length) : tasks.length;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      if (task) results[i] = await task();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

function subRequest(outer: Request, part: { headers: Headers; body: string }): Request | string {
  const http = parseHttpRequest(part.body);
  if (!http) return 'Failed to parse the request line of a batch part';
  const url = new URL(http.target, outer.url);
  if (url.pathname.startsWith('/batch')) return 'A batch cannot contain a batch request';
  // Outer headers apply to every part unless the part sets them; Content-* stay with their body.
  const headers = new Headers();
  outer.headers.forEach((value, name) => {
    if (!name.startsWith('content-') && name !== 'host') headers.set(name, value);
  });
  http.headers.forEach((value, name) => headers.set(name, value));
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(http.method) && http.body.trim() !== '';
  return new Request(new URL(url.pathname + url.search, outer.url), { method: http.method, headers, body: hasBody ? http.body.trimEnd() : null });
}

/**
 * Google's batch endpoint (`/batch/gmail/v1`, and the older global `/batch`): one HTTP round-trip,
 * up to 100 parts. Parts run concurrently, at most `mailboxConcurrency` at a time, so the
 * batch front end queues rather than tripping the per-user concurrency limit by itself.
 */
export function createBatchRoutes(ctx: SimContext, dispatch: BatchDispatch): Hono<GoogleEnv> {
  const app = new Hono<GoogleEnv>();
  const handler = async (request: Request): Promise<Response> => {
    const boundary = boundaryOf(request.headers.get('content-type') ?? undefined);
    if (!boundary) return badRequest('Failed to parse batch request: Content-Type must be multipart/mixed with a boundary');
    // Decoded by hand: workerd warns when .text() is called on a multipart body.
    const parts = parseMultipart(new TextDecoder().decode(await request.arrayBuffer()), boundary);
    if (!parts || parts.length === 0) return badRequest('Failed to parse batch request: no parts found');
    if (parts.length > MAX_BATCH_PARTS) return badRequest(`Too many requests in batch: ${parts.length} (maximum ${MAX_BATCH_PARTS})`);

    const answers = await pool(
      parts.map((part) => async () => {
        const sub = subRequest(request, part);
        if (typeof sub === 'string') return { status: 400, headers: new Headers({ 'content-type': 'application/json; charset=UTF-8' }), body: JSON.stringify({ error: { code: 400, message: sub, status: 'INVALID_ARGUMENT' } }) };
        const response = await dispatch(sub);
        return { status: response.status, headers: response.headers, body: await response.text() };
      }),
      ctx.fixture.realism.mailboxConcurrency,
    );
    const outBoundary = `batch_sim_${crypto.randomUUID().replace(/-/g, '')}`;
    const body = buildMultipart(
      answers.map((answer, i) => {
        const id = parts[i]?.headers.get('content-id');
        const responseId = id ? `<response-${id.replace(/^<|>$/g, '')}>` : undefined;
        return {
          headers: { 'Content-Type': 'application/http', ...(responseId ? { 'Content-ID': responseId } : {}) },
          body: httpResponseText(answer.status, answer.headers, answer.body),
        };
      }),
      outBoundary,
    );
    return new Response(body, { status: 200, headers: { 'content-type': `multipart/mixed; boundary=${outBoundary}` } });
  };
  app.post('/batch/:api/:version', (c) => handler(c.req.raw));
  app.post('/batch', (c) => handler(c.req.raw));
  return app;
}
