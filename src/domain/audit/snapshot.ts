/**
 * Provider-neutral facts a connector reads from a tenant. Connectors translate Graph / Exchange /
 * Gmail / Directory responses into these; the checks (evaluate-*.ts) judge them against the policy.
 * Nothing here holds a message body or attachment content: only addresses, sizes, dates and names.
 */

export interface DirectoryUser {
  /** The provider's immutable id (Graph object id, Google user id). */
  id: string;
  email: string;
  displayName: string;
  aliases: string[];
  employeeId: string | null;
  enabled: boolean;
  kind: 'user' | 'shared' | 'room';
  isAdmin: boolean;
  /** Last interactive sign-in; null when never signed in or unknown (see `signInSource`). */
  lastSignInAt: string | null;
  signInSource: 'sign-in-activity' | 'active-user-report' | 'last-login-time' | 'unavailable';
  createdAt: string | null;
  /**
   * Mailbox-level settings read once per run with the directory (Exchange keeps them outside Graph),
   * so mailbox batches need not ask again. Absent = not known (the connector reads them itself);
   * null = the account has no mailbox.
   */
  mailbox?: MailboxFacts | null;
}

/** A mailbox's own settings the checks read: forwarding, send limit and holds. */
export interface MailboxFacts {
  kind: DirectoryUser['kind'];
  forwarding: { address: string; keepsCopy: boolean } | null;
  /** Bytes; null = the organisation default applies. */
  sendLimitBytes: number | null;
  onHold: boolean;
}

export type ForwardVia = 'forward' | 'redirect' | 'forward-as-attachment' | 'filter-forward';
export type DeleteAction = 'delete' | 'permanent-delete' | 'move-to-deleted-items' | 'trash';

/** An Outlook inbox rule or a Gmail filter, reduced to what the policy cares about. */
export interface MailRule {
  id: string;
  name: string;
  enabled: boolean;
  forwards: { address: string; via: ForwardVia }[];
  deletes: DeleteAction | null;
  /** A short description of when the rule fires ("from: x", "all mail"), for the finding's evidence. */
  conditions: string;
}

export interface SentMessage {
  id: string;
  sentAt: string;
  /** Recipients visible to every recipient (To + Cc); Bcc is deliberately excluded. */
  visibleRecipients: string[];
  attachmentCount: number;
  /** Sum of attachment sizes in bytes. */
  attachmentBytes: number;
  largestAttachmentBytes: number;
}

export interface MailboxSnapshot {
  user: DirectoryUser;
  rules: MailRule[];
  /** Mailbox-level forwarding (Exchange ForwardingSmtpAddress / Gmail auto-forwarding), or null. */
  mailboxForwarding: { address: string; keepsCopy: boolean } | null;
  /** Per-mailbox send limit in bytes; null = not readable here or organisation default unknown. */
  sendLimitBytes: number | null;
  /** Signatures on the addresses the user sends as (Google); null where disclaimers are tenant rules. */
  signatures: { address: string; text: string }[] | null;
  /** Sent mail in the audit window (since the last audit). */
  sent: SentMessage[];
  /** Mail older than the retention cut-off, counted not read. */
  overdue: { count: number; cutoff: string } | null;
  /** Litigation hold / in-place hold: exempt from retention action. */
  onHold: boolean;
}

/** The tenant-wide disclaimer mechanism as the connector found it. */
export type DisclaimerSetup =
  | {
      kind: 'transport-rules';
      rules: {
        id: string;
        name: string;
        enabled: boolean;
        /** False in test mode (Audit / AuditAndNotify). */
        enforced: boolean;
        appliesToExternal: boolean;
        text: string;
        exceptFrom: string[];
      }[];
    }
  /** Disclaimers live in each user's signature; judged per mailbox. */
  | { kind: 'signatures'; note: string };

export interface TenantSnapshot {
  disclaimer: DisclaimerSetup;
  autoForwarding:
    | { readable: true; mode: 'on' | 'off' | 'automatic'; policyName: string; remoteDomainsAllowing: string[] }
    | { readable: false; note: string; consoleUrl: string };
  retention:
    | { readable: true; policies: { name: string; months: number | null; action: string; appliesToAll: boolean }[] }
    | { readable: false; note: string; consoleUrl: string };
}
