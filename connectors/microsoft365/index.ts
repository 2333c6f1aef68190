import type { Logger } from '../../src/app/logger.ts';
import { checkIds, type CheckId } from '../../src/domain/checks/ids.ts';
import type { MicrosoftConnection, SecretSource } from '../../src/domain/connections/config.ts';
import type { TenantConnector } from '../../src/domain/ports/tenant-connector.ts';
import { defaultRetryPolicy, sleep, type RetryPolicy } from '../shared/backoff.ts';
import { Semaphore } from '../shared/semaphore.ts';
import { createTokenProvider } from './auth.ts';
import { Batcher, defaultBatchLimits, type BatchLimits } from './batch.ts';
import type { MsContext } from './context.ts';
import { readDirectory } from './directory.ts';
import { ExchangeClient } from './exchange-client.ts';
import { cachedTenantMailboxes } from './exchange-mailboxes.ts';
import { GraphClient } from './graph-client.ts';
import { readGroupMembers } from './groups.ts';
import type { HttpCore } from './http.ts';
import { readMailboxes } from './mailboxes.ts';
import { microsoftOffboarding } from './offboard.ts';
import { actionsByCheck, remediate } from './remediate.ts';
import { readTenant } from './tenant.ts';

export interface MicrosoftConnectorDeps {
  secrets: SecretSource;
  fetch: typeof fetch;
  now?: () => Date;
  log?: Logger;
  /** Tuning, mostly for tests and benchmarks. */
  limits?: Partial<BatchLimits>;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Every check it reads; accounts.leaver-active is judged by the pipeline from the stored directory and the HR roster. */
const SUPPORTED: ReadonlySet<CheckId> = new Set(checkIds.filter((id) => id !== 'accounts.leaver-active'));

/** Microsoft 365 through Graph v1.0 and the Exchange admin REST endpoint. */
export function createMicrosoftConnector(config: MicrosoftConnection, deps: MicrosoftConnectorDeps): TenantConnector {
  const now = deps.now ?? (() => new Date());
  const limits = { ...defaultBatchLimits, ...deps.limits };
  const core: HttpCore = {
    // Bound to globalThis: workerd refuses a fetch called with another `this`.
    fetch: (input, init) => deps.fetch(input, init),
    tokens: createTokenProvider(config, { secrets: deps.secrets, fetch: (input, init) => deps.fetch(input, init) }),
    global: new Semaphore(limits.batchesInFlight),
    retry: { ...defaultRetryPolicy, ...deps.retry },
    sleep: deps.sleep ?? sleep,
    random: deps.random ?? Math.random,
    now,
    log: deps.log,
  };
  const graph = new GraphClient(core, config.endpoints.graph, new Batcher(core, config.endpoints.graph, limits));
  const exchange = new ExchangeClient(core, config.endpoints.exchange, config.tenantId);
  const ctx: MsContext = { config, graph, exchange, mailboxes: cachedTenantMailboxes(exchange, now), now, log: deps.log };

  return {
    provider: 'microsoft365',
    tenantId: config.tenantId,
    capabilities: { checks: SUPPORTED, actions: actionsByCheck },
    readDirectory: (cursor) => readDirectory(ctx, cursor),
    readMailboxes: (users, scope) => readMailboxes(ctx, users, scope),
    readTenant: (scope) => readTenant(ctx, scope),
    remediate: (request, options) => remediate(ctx, request, options),
    readGroupMembers: (groupEmail) => readGroupMembers(ctx, groupEmail),
    offboarding: microsoftOffboarding(ctx),
  };
}
