import type { Simulator } from '../../simulator/app.ts';
import type { Interceptor } from './support.ts';

/** Test-only: names the tenant changes a request makes, so tests can count each effect. */

export type Effect = 'disable' | 'enable' | 'revoke' | 'clear-forwarding' | 'rule-off' | 'auto-reply' | 'convert-shared' | 'licences' | 'delete';

interface Sub {
  id?: string;
  method: string;
  url: string;
  body?: unknown;
}

function subEffect(s: Sub): Effect | null {
  const path = s.url.split('?')[0] ?? '';
  if (s.method === 'PATCH' && /^\/users\/[^/]+$/.test(path)) {
    const body = s.body as { accountEnabled?: boolean } | undefined;
    return body?.accountEnabled === false ? 'disable' : body?.accountEnabled === true ? 'enable' : null;
  }
  if (s.method === 'POST' && path.endsWith('/revokeSignInSessions')) return 'revoke';
  if (s.method === 'PATCH' && path.includes('/messageRules/')) return 'rule-off';
  if (s.method === 'PATCH' && path.endsWith('/mailboxSettings')) return 'auto-reply';
  if (s.method === 'POST' && path.endsWith('/assignLicense')) return 'licences';
  if (s.method === 'DELETE' && /^\/users\/[^/]+$/.test(path)) return 'delete';
  return null;
}

/** The effects one HTTP request carries (a Graph $batch may carry several; an Exchange cmdlet one). */
export async function effectsOf(request: Request): Promise<{ effects: Effect[]; subs: Sub[] }> {
  const url = new URL(request.url);
  if (request.method !== 'POST') return { effects: [], subs: [] };
  if (url.pathname.endsWith('/$batch')) {
    const body = await request.clone().json<{ requests: Sub[] }>();
    return { effects: body.requests.map(subEffect).filter((e): e is Effect => e !== null), subs: body.requests };
  }
  if (url.pathname.endsWith('/InvokeCommand')) {
    const body = await request.clone().json<{ CmdletInput: { CmdletName: string; Parameters: Record<string, unknown> } }>();
    const { CmdletName: name, Parameters: p } = body.CmdletInput;
    if (name !== 'Set-Mailbox') return { effects: [], subs: [] };
    if ('Type' in p) return { effects: ['convert-shared'], subs: [] };
    if ('ForwardingSmtpAddress' in p) return { effects: ['clear-forwarding'], subs: [] };
  }
  return { effects: [], subs: [] };
}

/**
 * The simulator has neither assignLicense nor DELETE /users; this answers both at the fetch boundary
 * (a $batch holding only such calls) and updates the simulated tenant as Graph would.
 */
export function withUnsimulatedCalls(sim: Simulator, next: Interceptor): Interceptor {
  const users = () => sim.ctx.fixture.microsoft?.users ?? [];
  const faked = (s: Sub) => (s.url.split('?')[0] ?? '').endsWith('/assignLicense') || (s.method === 'DELETE' && /^\/users\/[^/]+$/.test(s.url));
  return async (request, forward) => {
    const { subs } = await effectsOf(request);
    if (subs.length === 0 || !subs.every(faked)) return next(request, forward);
    const answer = () => {
      const responses = subs.map((s) => {
        const id = decodeURIComponent(s.url.split('/')[2] ?? '');
        const user = users().find((u) => u.id === id);
        if (!user) return { id: s.id, status: 404, headers: { 'content-type': 'application/json' }, body: { error: { code: 'Request_ResourceNotFound', message: `Resource '${id}' does not exist` } } };
        if (s.method === 'DELETE') {
          users().splice(users().indexOf(user), 1);
          return { id: s.id, status: 204, headers: {} };
        }
        const remove = (s.body as { removeLicenses: string[] }).removeLicenses;
        user.assignedLicenses = user.assignedLicenses.filter((sku) => !remove.includes(sku));
        return { id: s.id, status: 200, headers: { 'content-type': 'application/json' }, body: {} };
      });
      return Promise.resolve(Response.json({ responses }));
    };
    return next(request, answer);
  };
}

/** Counts every effect that reached the tenant, and can fail one kind of write once, before or after it lands. */
export function effectCounter(crash?: { effect: Effect; mode: 'before' | 'after' }) {
  const counts = new Map<Effect, number>();
  let crashed = false;
  const interceptor: Interceptor = async (request, forward) => {
    const { effects } = await effectsOf(request);
    const hit = crash && !crashed && effects.includes(crash.effect);
    if (hit && crash.mode === 'before') {
      crashed = true;
      return Response.json({ error: { code: 'InternalServerError', message: 'injected crash before the write' } }, { status: 500 });
    }
    const response = await forward();
    if (response.ok) for (const e of effects) counts.set(e, (counts.get(e) ?? 0) + 1);
    if (hit && crash.mode === 'after') {
      crashed = true;
      throw new Error('injected crash after the write: the answer is lost');
    }
    return response;
  };
  return { counts, interceptor, crashed: () => crashed };
}
