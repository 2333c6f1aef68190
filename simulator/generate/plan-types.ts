import type { CheckId, Provider } from '../../src/domain/checks/ids.ts';

export type Role = 'headteacher' | 'deputy-head' | 'bursar' | 'teacher' | 'teaching-assistant' | 'office' | 'site' | 'governor' | 'shared' | 'protected';

export type ForwardAction = 'forwardTo' | 'redirectTo' | 'forwardAsAttachmentTo';

/** An Outlook inbox rule / Gmail filter, provider-neutral. `seq` makes its provider ids. */
export interface PlannedRule {
  seq: number;
  name: string;
  /** Gmail filters cannot be disabled: a disabled rule is rendered on Microsoft only. */
  enabled: boolean;
  condition: { from?: string; subject?: string; all?: true };
  forward?: { action: ForwardAction; addresses: string[] };
  /** delete / permanentDelete, or a move to Deleted Items; all render as the TRASH label on Google. */
  remove?: 'delete' | 'permanentDelete' | 'moveToDeletedItems';
  /** Move to the mailbox's ordinary "Newsletters" folder (Google: a user label, archived). */
  moveToNewsletters?: true;
  markAsRead?: true;
}

export interface PlannedAttachment { name: string; size: number; type: string }

export interface PlannedMessage {
  seq: number;
  direction: 'sent' | 'received';
  /** Sender address; for sent mail the mailbox owner. */
  from: string;
  fromName: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  atMs: number;
  attachments: PlannedAttachment[];
}

/** Old mail kept as a count (rendered as `bulk`): folder, date, how many. */
export interface PlannedBulk { folder: 'inbox' | 'sent' | 'archive'; atMs: number; count: number }

export interface HrRecord {
  employeeId: string;
  givenName: string;
  familyName: string;
  /** As HR typed it (one tricky row is in upper case). */
  workEmail: string;
  startDate: string;
  leavingDate: string | null;
  status: 'Active' | 'Leaving' | 'Left';
}

export interface PlannedAccount {
  index: number;
  email: string;
  givenName: string;
  familyName: string;
  displayName: string;
  jobTitle: string;
  role: Role;
  kind: 'person' | 'shared' | 'protected';
  employeeId: string | null;
  enabled: boolean;
  isAdmin: boolean;
  createdMs: number;
  /** Last interactive sign-in; null = never. */
  lastSignInMs: number | null;
  /** Microsoft only: last non-interactive sign-in (token refresh by a phone app). */
  lastNonInteractiveMs: number | null;
  /** Microsoft: false for the break-glass account (unlicensed, no mailbox). */
  hasMailbox: boolean;
  /** Mailbox-level forwarding. `directory` = Exchange ForwardingAddress (an internal recipient). */
  mailboxForward: { address: string; via: 'smtp' | 'directory' } | null;
  /** Google only: auto-forwarding switched off but an address still filled in. */
  googleForwardDisabledAddress: string | null;
  /** Google only: verified forwarding addresses registered but used by nothing. */
  googleUnusedForwardingAddresses: string[];
  rules: PlannedRule[];
  signature: 'standard' | 'missing-phrase' | 'empty' | 'phrase-case-whitespace';
  messages: PlannedMessage[];
  bulk: PlannedBulk[];
  /** Microsoft MaxSendSize in bytes; null = organisation default (35 MB). */
  maxSendSize: number | null;
  litigationHold: boolean;
  hr: HrRecord | null;
}

/** A deliberate edge case, recorded whether or not a correct audit reports it. */
export interface TrickyCase {
  id: string;
  description: string;
  checkId: CheckId;
  /** Mailbox address, or '' for a tenant-level case. */
  email: string;
  providers: Provider[];
  /** True: a correct audit reports it (it is in `fixture.expected`). False: it must NOT. */
  expected: boolean;
  /** Seq of the rule or message it is about, when it is about one. */
  itemSeq?: number;
}

export type DisclaimerProblem = 'extra-exception' | 'audit-mode' | 'wrong-phrase' | 'none';

export interface Plan {
  seed: number;
  nowMs: number;
  accounts: PlannedAccount[];
  /** HR rows for people who have no account any more (left long ago, account deleted). */
  hrOrphans: HrRecord[];
  microsoftTenant: { disclaimerProblem: DisclaimerProblem; extraExceptionEmail: string | null };
  tricky: TrickyCase[];
}
