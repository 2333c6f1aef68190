import { Hono } from 'hono';
import { z } from 'zod';
import type { SimContext } from '../core/context.ts';
import type { BatchBarrier, SimBindings, SimEnv } from '../sim-env.ts';
import { badRequest, graphErrorBody } from './errors.ts';

export type Dispatch = (request: Request, env: SimBindings) => Promise<Response>;

const MAX_REQUESTS = 20;

const subRequestSchema = z.object({
  id: z.string().min(1),
  method: z.string().min(1),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
const batchSchema = z.object({ requests: z.array(subRequestSchema).min(1) });
type SubRequest = z.infer<typeof subRequestSchema>;

interface SubResponse { id: string; status: number; headers: Record<string, string>; body?: unknown }

function barrier(size: number): BatchBarrier {
  let open = (): void => {};
  const allArrived = new Promise<void>((resolve) => (open = resolve));
  let arrived = 0;
  if (size === 0) open();
  return { allArrived, arrive: () => { if (++arrived >= size) open(); } };
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function toSubResponse(id: string, res: Response): Promise<SubResponse> {
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'retry-after', 'location']) {
    const value = res.headers.get(name);
    if (value) headers[name === 'content-type' ? 'Content-Type' : name === 'retry-after' ? 'Retry-After' : 'Location'] = value;
  }
  const text = await res.text();
  if (!text) return { id, status: res.status, headers };
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  // Graph base64-encodes non-JSON sub-response bodies.
  return { id, status: res.status, headers, body: isJson ? (JSON.parse(text) as unknown) : base64(text) };
}

/**
 * POST /v1.0/$batch: up to 20 sub-requests run concurrently through the same gate (so a batch with
 * more than the mailbox limit for one mailbox gets per-item 429s, as Exchange does); dependsOn
 * chains run after what they depend on. The batch pays latency once.
 */
export function createBatchRoutes(ctx: SimContext, dispatch: Dispatch): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.post('/v1.0/$batch', async (c) => {
    const parsed = batchSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return badRequest(c, 'Invalid batch payload: expected { "requests": [ { "id", "method", "url" } ] }.', 'BadRequest');
    const { requests } = parsed.data;
    if (requests.length > MAX_REQUESTS) return badRequest(c, `Number of batch request steps exceeds the maximum of ${MAX_REQUESTS}.`, 'BadRequest');
    const origin = new URL(c.req.url).origin;
    const auth = c.req.header('authorization');

    const run = (sub: SubRequest, gate: BatchBarrier): Promise<SubResponse> => {
      if (/^https?:/i.test(sub.url)) {
        gate.arrive();
        return Promise.resolve({ id: sub.id, status: 400, headers: { 'Content-Type': 'application/json' }, body: graphErrorBody('BadRequest', 'Invalid request URI: batch requests take relative URLs.', ctx.now()) });
      }
      const headers = new Headers(sub.headers);
      if (auth) headers.set('authorization', auth);
      const hasBody = sub.body !== undefined && !['GET', 'DELETE'].includes(sub.method.toUpperCase());
      if (hasBody && !headers.has('content-type')) headers.set('content-type', 'application/json');
      const url = `${origin}/v1.0${sub.url.startsWith('/') ? '' : '/'}${sub.url}`;
      const request = new Request(url, { method: sub.method.toUpperCase(), headers, body: hasBody ? JSON.stringify(sub.body) : undefined });
      return dispatch(request, { batch: gate }).then((res) => toSubResponse(sub.id, res));
    };

    const done = new Map<string, SubResponse>();
    const independent = requests.filter((r) => !r.dependsOn?.length);
    const wave = barrier(independent.length);
    const first = await Promise.all(independent.map((r) => run(r, wave)));
    for (const r of first) done.set(r.id, r);
    // Dependent requests run one by one once their dependencies answered; a failed dependency fails them (424).
    let pending = requests.filter((r) => r.dependsOn?.length);
    while (pending.length) {
      const ready = pending.filter((r) => r.dependsOn?.every((d) => done.has(d)));
      if (!ready.length) break;
      for (const r of ready) {
        const failed = r.dependsOn?.some((d) => (done.get(d)?.status ?? 500) >= 400);
        done.set(r.id, failed ? { id: r.id, status: 424, headers: {}, body: graphErrorBody('FailedDependency', 'A dependency of this request failed.', ctx.now()) } : await run(r, barrier(1)));
      }
      pending = pending.filter((r) => !done.has(r.id));
    }
    for (const r of pending) done.set(r.id, { id: r.id, status: 400, headers: {}, body: graphErrorBody('BadRequest', 'dependsOn names an unknown request id.', ctx.now()) });
    return c.json({ responses: requests.map((r) => done.get(r.id)) });
  });
  return app;
}
