import type { CheckId, Provider } from '../checks/ids.ts';
import type { DirectoryUser, MailboxFacts, MailboxSnapshot, TenantSnapshot } from '../audit/snapshot.ts';
import type { Result } from '../result.ts';
import type { OffboardingPort } from './offboarding.ts';

/** What a run asks a connector to read. */
export interface AuditScope {
  checks: ReadonlySet<CheckId>;
  now: Date;
  /** Sent mail after this instant is in the window (the last completed audit, or 7 days back on a first run). */
  sentSince: Date;
  /** Mail before this instant is overdue under the retention rule (null when the profile has none). */
  retentionCutoff: Date | null;
}

/** A mailbox the connector could not read, and why. The run reports it; nothing is silently skipped. */
export interface UnreadSubject {
  userId: string;
  email: string;
  code: 'not_found' | 'forbidden' | 'throttled' | 'upstream_failed';
  message: string;
  /** For forbidden: the permission or scope that is missing. */
  permission?: string;
}

export interface MailboxBatchRead {
  snapshots: MailboxSnapshot[];
  unread: UnreadSubject[];
}

export interface DirectoryPage {
  /** Users added or changed since the cursor (all users on a full read). */
  changed: DirectoryUser[];
  /** Ids removed since the cursor. */
  removed: string[];
  /** Opaque cursor for the next incremental read (e.g. a Graph delta link). */
  cursor: string | null;
  /** True when this was a full read (no or expired cursor): callers replace their copy. */
  full: boolean;
  /**
   * The tenant's own mail domains (accepted domains, domain aliases). Mail to them never leaves the
   * school, so the checks treat them as internal alongside the profile's domains. Omitted when the
   * connector could not read them this time (the last known list is kept).
   */
  domains?: string[];
  /**
   * Mailbox settings of EVERY mailbox in the tenant, keyed by user id, read on every directory read
   * (delta ones too), so a run reads them once instead of once per batch. A user missing from the map
   * has no mailbox. Omitted when they could not be read: callers then forget what they stored, and
   * mailbox reads fetch the settings themselves.
   */
  mailboxFacts?: Record<string, MailboxFacts>;
  /** Things the run should report but that did not stop the read (sign-in dates or mailbox kinds unavailable). */
  warnings?: string[];
}

/** One change Tutela can make to a tenant. `target` is provider data the connector put in the finding's evidence. */
export interface RemediationRequest {
  action: string;
  subject: { id: string; email: string | null; item?: string };
  params: Record<string, unknown>;
  policyRef: string;
}

export interface RemediationOutcome {
  /** False when the tenant already complied (idempotent re-run). */
  changed: boolean;
  before: unknown;
  after: unknown;
  /** Plain English for the audit log and the person affected. */
  description: string;
}

/** A person in a mail group, nested groups flattened. */
export interface GroupMember {
  /** The provider's user id: the same key the directory read stores. */
  id: string;
  email: string;
  /** False for a disabled (Microsoft) or suspended (Google) account. */
  enabled: boolean;
}

/**
 * The port every provider implements. Shared code reads `capabilities` instead of asking which
 * provider it is talking to; SDK and wire types never cross this interface.
 */
export interface TenantConnector {
  readonly provider: Provider;
  readonly tenantId: string;
  readonly capabilities: {
    checks: ReadonlySet<CheckId>;
    /** Remediation action per check this connector can carry out. */
    actions: Partial<Record<CheckId, string>>;
    /**
     * Mailboxes per audit queue message, when the provider needs fewer than the pipeline's default:
     * ten messages share one invocation's subrequest budget (docs/architecture.md, "Batch sizes").
     */
    mailboxesPerBatch?: number;
  };
  readDirectory(cursor: string | null): Promise<Result<DirectoryPage>>;
  readMailboxes(users: DirectoryUser[], scope: AuditScope): Promise<Result<MailboxBatchRead>>;
  readTenant(scope: AuditScope): Promise<Result<TenantSnapshot>>;
  remediate(request: RemediationRequest, options: { dryRun: boolean }): Promise<Result<RemediationOutcome>>;
  /**
   * The people in the mail group with this address, members of nested groups included; `not_found`
   * when this tenant has no such group (a school with both providers keeps it in one of them).
   */
  readGroupMembers(groupEmail: string): Promise<Result<GroupMember[]>>;
  /** Leaver offboarding (docs/offboarding.md); absent when the connector offers none. */
  readonly offboarding?: OffboardingPort;
}
