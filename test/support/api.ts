import { exports } from 'cloudflare:workers';

/** Calls the real Worker's fetch handler as an admin, the way the dashboard or automation would. */
export async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const all: Record<string, string> = { authorization: 'Bearer test-admin-token', ...headers };
  if (body !== undefined && typeof body !== 'string') all['content-type'] = 'application/json';
  const init: RequestInit = { method, headers: all, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) };
  const res = await exports.default.fetch(`http://localhost${path}`, init);
  return { status: res.status, json: await res.json<Record<string, unknown>>() };
}
