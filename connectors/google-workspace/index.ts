import type { Logger } from '../../src/app/logger.ts';
import { checkIds, type CheckId } from '../../src/domain/checks/ids.ts';
import type { GoogleConnection, SecretSource } from '../../src/domain/connections/config.ts';
import type { TenantConnector } from '../../src/domain/ports/tenant-connector.ts';
import { defaultRetryPolicy, sleep, type RetryPolicy } from '../shared/backoff.ts';
import type { TokenStore } from '../shared/oauth-tokens.ts';
import { Semaphore } from '../shared/semaphore.ts';
import { createTokenProvider } from './auth.ts';
import type { GoogleContext } from './context.ts';
import { readDirectory } from './directory.ts';
import { readGroupMembers } from './groups.ts';
import type { HttpCore } from './http.ts';
import { readMailboxes } from './mailboxes.ts';
import { googleOffboarding } from './offboard.ts';
import { UserQuota, USER_UNITS_PER_MINUTE } from './quota.ts';
import { actionsByCheck, remediate } from './remediate.ts';
import { readTenant } from './tenant.ts';

export interface GoogleLimits {
  /** HTTP requests in flight across the connector (a batch counts once). */
  requestsInFlight: number;
  /** Mailboxes read at the same time. */
  usersInFlight: number;
  /** Gmail quota units per user per minute Tutela allows itself. */
  userUnitsPerMinute: number;
}

export const defaultGoogleLimits: GoogleLimits = { requestsInFlight: 16, usersInFlight: 16, userUnitsPerMinute: USER_UNITS_PER_MINUTE };

export interface GoogleConnectorDeps {
  secrets: SecretSource;
  fetch: typeof fetch;
  now?: () => Date;
  log?: Logger;
  /** Tuning, mostly for tests and benchmarks. */
  limits?: Partial<GoogleLimits>;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Wall clock (ms) for token lifetimes, quota windows and Retry-After dates. */
  clock?: () => number;
  /** Where delegated tokens are kept; by default one store per isolate/process, shared by every instance. */
  tokenStore?: TokenStore;
}

/** attachments.limit-config has no Gmail setting; accounts.leaver-active is judged by the pipeline from the HR roster. */
const SUPPORTED: ReadonlySet<CheckId> = new Set(checkIds.filter((id) => id !== 'attachments.limit-config'));

/**
 * Gmail has no cross-user batch and delegation gives every person their own tokens, so a mailbox
 * costs about 4 HTTP subrequests (two tokens, one or two batches), nearer 7 under throttling
 * (test/integration/google-batch-budget.test.ts). Ten queue messages of 10 mailboxes stay under the
 * 1,000-subrequest budget one invocation is planned against; 50 (the Microsoft figure) would not.
 */
export const GOOGLE_MAILBOXES_PER_BATCH = 10;

export type GoogleConnector = TenantConnector & { readonly stats: HttpCore['stats'] };

/** Google Workspace through the Admin SDK Directory API and the Gmail API, with domain-wide delegation. */
export function createGoogleConnector(config: GoogleConnection, deps: GoogleConnectorDeps): GoogleConnector {
  const limits = { ...defaultGoogleLimits, ...deps.limits };
  const clock = deps.clock ?? Date.now;
  const pause = deps.sleep ?? sleep;
  // Bound to globalThis: workerd refuses a fetch called with another `this`.
  const boundFetch: typeof fetch = (input, init) => deps.fetch(input, init);
  const stats = { requests: 0, retries: 0 };
  const tokenFetch: typeof fetch = (input, init) => {
    stats.requests += 1;
    return deps.fetch(input, init);
  };
  const core: HttpCore = {
    fetch: boundFetch,
    tokens: createTokenProvider(config, { secrets: deps.secrets, fetch: tokenFetch, clock, ...(deps.tokenStore ? { store: deps.tokenStore } : {}) }),
    global: new Semaphore(limits.requestsInFlight),
    quota: new UserQuota({ now: clock, sleep: pause }, limits.userUnitsPerMinute),
    retry: { ...defaultRetryPolicy, ...deps.retry },
    sleep: pause,
    random: deps.random ?? Math.random,
    clock,
    log: deps.log,
    stats,
  };
  const ctx: GoogleContext = { config, core, users: new Semaphore(limits.usersInFlight), now: deps.now ?? (() => new Date()), log: deps.log };

  return {
    provider: 'google-workspace',
    tenantId: config.customerId === 'my_customer' ? config.domain : config.customerId,
    capabilities: { checks: SUPPORTED, actions: actionsByCheck, mailboxesPerBatch: GOOGLE_MAILBOXES_PER_BATCH },
    stats: core.stats,
    readDirectory: () => readDirectory(ctx),
    readMailboxes: (users, scope) => readMailboxes(ctx, users, scope),
    readTenant: () => readTenant(),
    remediate: (request, options) => remediate(ctx, request, options),
    readGroupMembers: (groupEmail) => readGroupMembers(ctx, groupEmail),
    offboarding: googleOffboarding(ctx),
  };
}
