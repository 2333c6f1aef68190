import type { Result } from '../result.ts';

/**
 * Offboarding operations a connector offers. Steps are provider-neutral names; each connector says
 * which it can carry out (`steps`), and shared code skips the others without asking which provider
 * it is talking to. Every step is check-before-act: `inspect` reads the tenant, `apply` changes it
 * only when `inspect` found it not yet compliant, so a redelivered step never acts twice.
 */
export const offboardingSteps = [
  'disable-sign-in',
  'revoke-sessions',
  'remove-forwarding',
  'set-auto-reply',
  'convert-to-shared',
  'remove-licences',
  'delete-account',
] as const;
export type OffboardingStep = (typeof offboardingSteps)[number];

export interface OffboardingSubject {
  /** The provider's immutable user id. */
  id: string;
  email: string;
}

/** What a step needs besides the subject; all from the profile or the job. */
export interface OffboardingParams {
  /** Sessions revoked at or after this instant count as revoked (the job's act time). */
  since: Date;
  /** Addresses in these domains are inside the school: forwarding to them is left alone. */
  internalDomains: readonly string[];
  /** The profile's auto-reply text (set-auto-reply only). */
  autoReply?: string;
}

export interface StepInspection {
  /** True when the tenant already is as the step would leave it. */
  compliant: boolean;
  /** What was read, for the audit log's "before". */
  state: unknown;
  /**
   * False when the provider exposes no state to check (Google's sign-out): the step is then
   * repeated on redelivery, which is harmless because the operation is idempotent.
   */
  verifiable: boolean;
}

export interface StepOutcome {
  /** The state after the change, for the audit log's "after". */
  state: unknown;
  /** Plain English for the audit log and the SBM. */
  description: string;
}

export interface OffboardingPort {
  readonly steps: ReadonlySet<OffboardingStep>;
  /**
   * The order this provider needs the steps in. Google refuses to act as a suspended user, so its
   * mailbox settings must change before the suspension; Microsoft cuts access first.
   */
  readonly order: readonly OffboardingStep[];
  /** The permission or scope each step needs, named in docs and failure messages. */
  readonly permissions: Partial<Record<OffboardingStep, string>>;
  inspect(step: OffboardingStep, subject: OffboardingSubject, params: OffboardingParams): Promise<Result<StepInspection>>;
  apply(step: OffboardingStep, subject: OffboardingSubject, params: OffboardingParams): Promise<Result<StepOutcome>>;
  /** Undo within the grace period: allow sign-in again. Check-before-act like the steps. */
  reenable(subject: OffboardingSubject): Promise<Result<{ changed: boolean; before: unknown; after: unknown }>>;
}
