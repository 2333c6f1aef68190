import { exports } from 'cloudflare:workers';

/** Calls the real Worker's fetch handler as an admin, the way the dashboard or automation would. */
export async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const init: RequestInit = { method, headers: { authorization: 'Bearer test-admin-token', ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    if (typeof body !== 'string') (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await exports.default.fetch(`http://localhost${path}`, init);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
