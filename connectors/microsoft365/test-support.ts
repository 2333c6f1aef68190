import { expect } from 'vitest';
import type { CheckId } from '../../src/domain/checks/ids.ts';
import { checkIds } from '../../src/domain/checks/ids.ts';
import { microsoftConnectionSchema, type MicrosoftConnection } from '../../src/domain/connections/config.ts';
import type { AuditScope } from '../../src/domain/ports/tenant-connector.ts';
import { createMicrosoftConnector, type MicrosoftConnectorDeps } from './index.ts';

/** Test-only helpers (not a test file): a connector pointed at the simulator's tenant, with a fetch spy. */

export const SECRET_REF = 'SECRET_TEST_M365';
export const KEY_REF = 'SECRET_TEST_M365_KEY';

export function secretConfig(tenantId: string, clientId: string): MicrosoftConnection {
  return microsoftConnectionSchema.parse({ provider: 'microsoft365', tenantId, clientId, auth: { kind: 'secret', secretRef: SECRET_REF } });
}

export function certificateConfig(tenantId: string, clientId: string, thumbprintSha256: string): MicrosoftConnection {
  return microsoftConnectionSchema.parse({ provider: 'microsoft365', tenantId, clientId, auth: { kind: 'certificate', privateKeyRef: KEY_REF, thumbprintSha256 } });
}

export interface BatchSeen {
  size: number;
  perMailbox: Map<string, number>;
}

/** Wraps fetch to see every $batch Tutela sends and how many sub-requests per mailbox are in flight. */
export function spyFetch(): { fetch: typeof fetch; batches: BatchSeen[]; maxInFlightPerMailbox: () => number; urls: string[] } {
  const inFlight = new Map<string, number>();
  let max = 0;
  const batches: BatchSeen[] = [];
  const urls: string[] = [];
  const spy: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    urls.push(url);
    if (!url.endsWith('/$batch') || typeof init?.body !== 'string') return fetch(input, init);
    const body = JSON.parse(init.body) as { requests: { url: string }[] };
    const perMailbox = new Map<string, number>();
    for (const r of body.requests) {
      const id = /^\/users\/([^/?]+)/.exec(r.url)?.[1];
      if (id) perMailbox.set(id, (perMailbox.get(id) ?? 0) + 1);
    }
    batches.push({ size: body.requests.length, perMailbox });
    for (const [id, n] of perMailbox) {
      const now = (inFlight.get(id) ?? 0) + n;
      inFlight.set(id, now);
      max = Math.max(max, now);
    }
    try {
      return await fetch(input, init);
    } finally {
      for (const [id, n] of perMailbox) inFlight.set(id, (inFlight.get(id) ?? 0) - n);
    }
  };
  return { fetch: spy, batches, maxInFlightPerMailbox: () => max, urls };
}

export function connector(config: MicrosoftConnection, secrets: Record<string, string>, deps: Partial<MicrosoftConnectorDeps> & { now: () => Date }) {
  return createMicrosoftConnector(config, { secrets: (name) => secrets[name], fetch: (input, init) => fetch(input, init), ...deps });
}

export const allChecks: ReadonlySet<CheckId> = new Set(checkIds.filter((c) => c !== 'accounts.leaver-active'));

export function scopeAt(now: Date, checks: ReadonlySet<CheckId> = allChecks): AuditScope {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - 12);
  return { checks, now, sentSince: new Date(now.getTime() - 7 * 86_400_000), retentionCutoff: cutoff };
}

/** Asserts a failed Result with `code` whose message mentions `text`. */
export function expectFailure(result: { ok: boolean; error?: { code: string; message: string } }, code: string, text: string): void {
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe(code);
  expect(result.error?.message).toContain(text);
}
