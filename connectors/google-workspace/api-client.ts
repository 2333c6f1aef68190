import { auth } from '@googleapis/admin';
import { z } from 'zod';
import type { Result } from '../../src/domain/result.ts';
import type { CallInfo } from './errors.ts';
import { withRetries, type Answer, type HttpCore } from './http.ts';

/**
 * Calls through @googleapis/admin and @googleapis/gmail. Each try gets its own auth client holding
 * the delegated token for exactly (subject, scope) from our token provider, so tokens stay cached
 * per user and scope across calls. The clients' own retries are off (`retry: false` on every call):
 * `withRetries` paces by per-user quota, honours Retry-After and refreshes a refused token once.
 * SDK types stay in this folder; every answer is still checked with zod by the caller.
 */
export type ApiAuth = InstanceType<typeof auth.OAuth2>;

/** Options every generated method takes as its second argument. */
export const NO_RETRY = { retry: false } as const;

/** Google's root URL for a configured endpoint; the generated clients append `/admin/…` or `/gmail/…`. */
export const rootUrl = (endpoint: string): string => `${endpoint.replace(/\/+$/, '')}/`;

/** What gaxios throws when Google answered with an error; anything else means no answer. */
const refused = z.object({ response: z.object({ status: z.number(), data: z.unknown(), headers: z.unknown() }) });

/** Without our fetch, gaxios in workerd hands back bodies as strings (platform notes). */
export function apiFetch(core: HttpCore): typeof fetch {
  return (input, init) => {
    core.stats.requests += 1;
    return core.fetch(input, init);
  };
}

export function viaClient(core: HttpCore, call: CallInfo & { units?: number }, run: (client: ApiAuth) => Promise<{ status: number; data: unknown }>): Promise<Result<Answer>> {
  return withRetries(core, call, async (token) => {
    const client = new auth.OAuth2({ transporterOptions: { fetchImplementation: apiFetch(core) } });
    // No refresh token: a 401 surfaces here and withRetries asks our provider for a fresh token.
    client.setCredentials({ access_token: token });
    try {
      const res = await run(client);
      return { kind: 'answer', status: res.status, body: res.data === '' ? null : (res.data ?? null), retryAfter: null };
    } catch (error) {
      const parsed = refused.safeParse(error);
      if (!parsed.success) return { kind: 'unreachable', error };
      const { status, data, headers } = parsed.data.response;
      return { kind: 'answer', status, body: data === '' ? null : (data ?? null), retryAfter: headers instanceof Headers ? headers.get('retry-after') : null };
    }
  });
}
