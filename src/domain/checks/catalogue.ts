import type { CheckId, Provider, Severity } from './ids.ts';

/**
 * The check catalogue: one entry per check id, as data. docs/checks.md is the human version and a
 * test keeps the two in step. Permissions are least privilege: `read` is what the check needs to
 * detect, `remediate` is added only when a school turns remediation on for that check.
 */

export type PermissionKind =
  | 'graph-application' // Microsoft Graph application permission (admin consent)
  | 'exchange-application' // Office 365 Exchange Online application permission
  | 'entra-role' // Entra directory role assigned to Tutela's service principal
  | 'entra-licence' // a licence the tenant must hold
  | 'google-scope' // OAuth scope granted to the service account by domain-wide delegation
  | 'google-admin-role'; // admin role held by the user the service account impersonates

export interface Permission {
  readonly kind: PermissionKind;
  readonly name: string;
  readonly why: string;
}

export interface ProviderSupport {
  readonly read: readonly Permission[];
  readonly remediate: readonly Permission[];
  /** Limits and surprises a School Business Manager or IT provider should know about. */
  readonly notes: readonly string[];
}

export interface Remediation {
  /**
   * The action id each provider's connector carries out (its `capabilities.actions`), which is what
   * the pipeline records and asks the connector to run. `providers` lists the same providers.
   */
  readonly actions: Readonly<Partial<Record<Provider, string>>>;
  readonly description: string;
  /** May a school let Tutela do this without a human approving each change? */
  readonly autoAllowed: boolean;
  readonly providers: readonly Provider[];
}

export interface CheckDefinition {
  readonly id: CheckId;
  readonly title: string;
  readonly severity: Severity;
  readonly detects: string;
  /** Path into the policy profile of the rule this check enforces. */
  readonly policyRef: string;
  readonly remediation: Remediation | null;
  readonly providers: Readonly<Record<Provider, ProviderSupport>>;
}

const graph = (name: string, why: string): Permission => ({ kind: 'graph-application', name, why });
const google = (scope: string, why: string): Permission => ({ kind: 'google-scope', name: `https://www.googleapis.com/auth/${scope}`, why });
const exchange = (role: string, why: string): Permission[] => [
  { kind: 'exchange-application', name: 'Exchange.ManageAsApp', why: `${why} (Exchange admin REST, adminapi/beta/{tenant}/InvokeCommand)` },
  { kind: 'entra-role', name: role, why: 'Exchange.ManageAsApp acts with the Entra role given to the app' },
];

const listUsersGraph = graph('User.Read.All', 'list staff accounts to check');
const listUsersGoogle = google('admin.directory.user.readonly', 'list staff accounts to check');
const both: readonly Provider[] = ['microsoft365', 'google-workspace'];
const metadataNote =
  'gmail.metadata gives headers only (no bodies) but cannot use the "q" search parameter: Tutela lists Sent by label and stops at the date it needs, which costs more quota on large mailboxes. Granting gmail.readonly allows search but also lets the service read message bodies; Tutela never requests bodies either way.';

export const checkCatalogue = [
  {
    id: 'forwarding.inbox-rule-external',
    title: 'Inbox rule forwards mail outside the school',
    severity: 'high',
    detects: 'A member of staff has an inbox rule (Outlook) or filter (Gmail) that automatically forwards or redirects mail to an address outside the school and trust domains.',
    policyRef: 'forwarding.external',
    remediation: { actions: { microsoft365: 'disable-inbox-rule', 'google-workspace': 'delete-forwarding-filter' }, description: 'Turn the rule off (Microsoft 365) or remove the filter after saving a copy of it (Gmail, where filters cannot be switched off).', autoAllowed: true, providers: both },
    providers: {
      microsoft365: {
        read: [listUsersGraph, graph('MailboxSettings.Read', 'read each mailbox\'s inbox rules (messageRules)')],
        remediate: [graph('MailboxSettings.ReadWrite', 'switch the rule off')],
        notes: ['Rules created in Outlook desktop that run client-side only are not returned by Graph.', 'Graph allows at most 4 concurrent requests per mailbox; Tutela honours Retry-After.'],
      },
      'google-workspace': {
        read: [listUsersGoogle, google('gmail.settings.basic', 'read each user\'s filters and their forward action')],
        remediate: [google('gmail.settings.basic', 'delete the filter (Gmail filters cannot be disabled)')],
        notes: ['A deleted Gmail filter cannot be restored by API as it was; Tutela records its criteria in the finding so it can be recreated.'],
      },
    },
  },
  {
    id: 'forwarding.mailbox-external',
    title: 'Mailbox forwards all mail outside the school',
    severity: 'high',
    detects: 'A mailbox is set to forward every incoming message to an outside address (Exchange mailbox forwarding, or Gmail automatic forwarding).',
    policyRef: 'forwarding.external',
    remediation: { actions: { microsoft365: 'clear-mailbox-forwarding', 'google-workspace': 'disable-auto-forwarding' }, description: 'Clear the mailbox forwarding address so mail stays in the school mailbox.', autoAllowed: true, providers: both },
    providers: {
      microsoft365: {
        read: [listUsersGraph, ...exchange('Global Reader', 'read ForwardingSmtpAddress and ForwardingAddress with Get-Mailbox')],
        remediate: [...exchange('Exchange Recipient Administrator', 'clear forwarding with Set-Mailbox')],
        notes: ['Mailbox forwarding is not exposed by Microsoft Graph; only the Exchange admin API shows it.'],
      },
      'google-workspace': {
        read: [listUsersGoogle, google('gmail.settings.basic', 'read the automatic forwarding setting')],
        remediate: [google('gmail.settings.sharing', 'turn automatic forwarding off')],
        notes: ['Changing forwarding needs gmail.settings.sharing, a sensitive scope: grant it only if you use remediation.'],
      },
    },
  },
  {
    id: 'forwarding.tenant-policy',
    title: 'The organisation allows automatic external forwarding',
    severity: 'medium',
    detects: 'The organisation-wide setting lets any user set up automatic forwarding to outside addresses, so the policy depends on every member of staff getting it right.',
    policyRef: 'forwarding.external',
    remediation: { actions: { microsoft365: 'disable-tenant-auto-forwarding' }, description: 'Set automatic forwarding to Off in every outbound spam filter policy, so no mailbox can forward outside the school.', autoAllowed: false, providers: ['microsoft365'] },
    providers: {
      microsoft365: {
        read: [...exchange('Global Reader', 'read AutoForwardingMode of the outbound spam filter policies and any transport rules that block forwarding')],
        remediate: [...exchange('Exchange Administrator', 'set AutoForwardingMode Off with Set-HostedOutboundSpamFilterPolicy')],
        notes: ['Outbound spam policy "Automatic" leaves the decision to Microsoft\'s current default, so Tutela reports it: the policy wants forwarding explicitly Off.', 'Changing a tenant-wide policy affects everyone, so Tutela never does it without approval.'],
      },
      'google-workspace': {
        read: [google('cloud-identity.policies.readonly', 'read the Gmail automatic forwarding setting through the Cloud Identity Policy API')],
        remediate: [],
        notes: ['The Policy API answers only when the impersonated user is a super administrator; without it the setting is reported as unverified and the per-user forwarding checks still run.'],
      },
    },
  },
  {
    id: 'deletion.inbox-rule',
    title: 'Inbox rule deletes mail automatically',
    severity: 'medium',
    detects: 'An inbox rule or filter deletes incoming messages (or moves them straight to Deleted Items or Bin), which can hide messages the school must keep or a compromise in progress.',
    policyRef: 'deletionRules.blocked',
    remediation: { actions: { microsoft365: 'disable-inbox-rule', 'google-workspace': 'delete-deleting-filter' }, description: 'Turn the rule off (Microsoft 365) or remove the filter after saving a copy of it (Gmail).', autoAllowed: false, providers: both },
    providers: {
      microsoft365: {
        read: [listUsersGraph, graph('MailboxSettings.Read', 'read inbox rules (delete, permanentDelete, moveToFolder Deleted Items)')],
        remediate: [graph('MailboxSettings.ReadWrite', 'switch the rule off')],
        notes: ['Auto-delete rules are a common sign of a compromised account hiding replies, so findings name the rule\'s conditions.'],
      },
      'google-workspace': {
        read: [listUsersGoogle, google('gmail.settings.basic', 'read filters that add the TRASH label')],
        remediate: [google('gmail.settings.basic', 'delete the filter')],
        notes: ['Staff often use delete filters for newsletters, so Tutela never removes them without approval.'],
      },
    },
  },
  {
    id: 'disclaimer.missing',
    title: 'External mail is sent without the school disclaimer',
    severity: 'low',
    detects: 'Mail leaving the school does not carry the disclaimer the policy requires: no organisation rule adds it and the sender\'s signature does not contain the required phrase.',
    policyRef: 'disclaimer.required',
    remediation: { actions: { microsoft365: 'repair-disclaimer-rule', 'google-workspace': 'append-signature-disclaimer' }, description: 'Create or repair the mail-flow rule that appends the disclaimer text to external mail (Microsoft 365) or add the text to the user\'s Gmail signature (Google Workspace).', autoAllowed: false, providers: both },
    providers: {
      microsoft365: {
        read: [...exchange('Global Reader', 'read transport rules (Get-TransportRule) that apply a disclaimer')],
        remediate: [...exchange('Exchange Administrator', 'create the transport rule with New-TransportRule')],
        notes: ['A disclaimer added by a transport rule never appears in Sent Items, so Tutela checks the rule, not sent messages.', 'Outlook signatures stored in the mailbox roam per device and are not readable by Graph.'],
      },
      'google-workspace': {
        read: [listUsersGoogle, google('gmail.settings.basic', 'read each send-as address and its signature')],
        remediate: [google('gmail.settings.basic', 'update the send-as signature')],
        notes: ['Gmail\'s "append footer" compliance setting is not readable by any API: if the school uses it, Tutela cannot confirm it and says so rather than reporting staff.'],
      },
    },
  },
  {
    id: 'attachments.oversize',
    title: 'Message sent with attachments over the limit',
    severity: 'low',
    detects: 'A message in Sent Items carries attachments larger in total than the school\'s limit.',
    policyRef: 'attachments.maxBytes',
    remediation: null,
    providers: {
      microsoft365: {
        read: [listUsersGraph, graph('Mail.Read', 'read attachment sizes in Sent Items (Mail.ReadBasic.All excludes attachments)')],
        remediate: [],
        notes: ['Mail.Read lets an app read message bodies; scope it to staff mailboxes with an Exchange application access policy. Tutela reads sizes and names only.'],
      },
      'google-workspace': {
        read: [listUsersGoogle, google('gmail.metadata', 'read sizeEstimate and attachment part headers of sent messages')],
        remediate: [],
        notes: [metadataNote, 'With gmail.metadata the size is the whole message estimate, so a message just over the limit may be text, not attachments.'],
      },
    },
  },
  {
    id: 'attachments.limit-config',
    title: 'Mail system allows larger attachments than the policy',
    severity: 'low',
    detects: 'The mail system\'s maximum send size is larger than the policy limit, so staff are not stopped when they exceed it.',
    policyRef: 'attachments.maxBytes',
    remediation: { actions: { microsoft365: 'set-send-limit' }, description: 'Lower each mailbox\'s maximum send size to match the policy.', autoAllowed: false, providers: ['microsoft365'] },
    providers: {
      microsoft365: {
        read: [...exchange('Global Reader', 'read MaxSendSize with Get-Mailbox and Get-TransportConfig')],
        remediate: [...exchange('Exchange Recipient Administrator', 'set MaxSendSize with Set-Mailbox')],
        notes: ['MaxSendSize counts the encoded message, about a third larger than the files attached, so Tutela adds that margin when it compares or sets the limit.'],
      },
      'google-workspace': {
        read: [],
        remediate: [],
        notes: ['Gmail\'s send limit is fixed at 25 MB and a lower limit can only be set as an admin-console compliance rule, which no API reads: this check reports as not verifiable on Google Workspace.'],
      },
    },
  },
  {
    id: 'retention.overdue',
    title: 'Mail kept longer than the retention period',
    severity: 'medium',
    detects: 'A mailbox holds messages older than the retention period, outside any hold exemption.',
    policyRef: 'retention.months',
    remediation: { actions: { microsoft365: 'move-overdue-to-deleted-items', 'google-workspace': 'trash-overdue-mail' }, description: 'Move overdue messages to Deleted Items / Bin, where they stay recoverable for the provider\'s recovery period. Offered only when retention.action is "soft-delete".', autoAllowed: false, providers: both },
    providers: {
      microsoft365: {
        read: [listUsersGraph, graph('Mail.ReadBasic.All', 'count messages by receivedDateTime without reading bodies')],
        remediate: [graph('Mail.ReadWrite', 'move overdue messages to Deleted Items')],
        notes: ['A Purview retention policy or litigation hold overrides deletion; Tutela never deletes mail under hold.'],
      },
      'google-workspace': {
        read: [listUsersGoogle, google('gmail.metadata', 'read message dates without bodies')],
        remediate: [google('gmail.modify', 'move overdue messages to Bin')],
        notes: [metadataNote, 'Counting by date ("older_than:12m") needs gmail.readonly; with gmail.metadata Tutela pages through the mailbox instead.'],
      },
    },
  },
  {
    id: 'retention.policy-missing',
    title: 'No retention policy enforces the retention period',
    severity: 'medium',
    detects: 'Nothing in the mail system removes mail after the retention period, so the policy relies on staff deleting by hand.',
    policyRef: 'retention.months',
    remediation: null,
    providers: {
      microsoft365: {
        read: [...exchange('Global Reader', 'read mailbox retention policies and tags (Get-RetentionPolicy, Get-RetentionPolicyTag, Get-Mailbox)')],
        remediate: [],
        notes: ['Microsoft Purview retention policies live in Security & Compliance PowerShell, which the Exchange admin REST endpoint does not expose; when only Purview is used Tutela reports the policy as unverified and asks the school to confirm.'],
      },
      'google-workspace': {
        read: [],
        remediate: [],
        notes: ['Google Vault retention rules are not readable by API: this check reports as not verifiable and asks the school to confirm its Vault rule.'],
      },
    },
  },
  {
    id: 'accounts.leaver-active',
    title: 'Leaver\'s account is still active',
    severity: 'high',
    detects: 'Someone the HR feed lists as having left can still sign in after their disable time.',
    policyRef: 'leavers.disableAt',
    remediation: { actions: { microsoft365: 'disable-account', 'google-workspace': 'disable-account' }, description: 'Block sign-in and end every session, then apply the leaver steps in the profile (auto-reply, shared mailbox, licence).', autoAllowed: true, providers: both },
    providers: {
      microsoft365: {
        read: [listUsersGraph],
        remediate: [
          graph('User.EnableDisableAccount.All', 'set accountEnabled to false'),
          graph('User.RevokeSessions.All', 'revoke sign-in sessions'),
          graph('MailboxSettings.ReadWrite', 'set the leaver auto-reply'),
        ],
        notes: ['Protected accounts and the circuit breaker in leavers.breaker stop mass disables from a bad HR feed.', 'Converting to a shared mailbox and removing licences need Exchange.ManageAsApp and LicenseAssignment.ReadWrite.All; only requested when the profile turns them on.'],
      },
      'google-workspace': {
        read: [listUsersGoogle],
        remediate: [
          google('admin.directory.user', 'suspend the user and sign them out (users.update, users.signOut)'),
          google('gmail.settings.basic', 'set the leaver vacation responder'),
        ],
        notes: ['A suspended Google user still holds a licence unless the school moves them to an archived-user licence.'],
      },
    },
  },
  {
    id: 'accounts.dormant',
    title: 'Account not used for a long time',
    severity: 'medium',
    detects: 'An enabled account has not signed in for longer than the dormant period and is not a protected account.',
    policyRef: 'dormantAccounts.days',
    remediation: { actions: { microsoft365: 'disable-account', 'google-workspace': 'disable-account' }, description: 'Block sign-in and end every session once someone has confirmed the person has left.', autoAllowed: false, providers: both },
    providers: {
      microsoft365: {
        read: [
          listUsersGraph,
          graph('AuditLog.Read.All', 'read signInActivity (needs Entra ID P1)'),
          graph('Reports.Read.All', 'fallback without P1: the Microsoft 365 active-user report (last activity date)'),
        ],
        remediate: [graph('User.EnableDisableAccount.All', 'set accountEnabled to false'), graph('User.RevokeSessions.All', 'revoke sign-in sessions')],
        notes: ['signInActivity needs an Entra ID P1 licence (included in A3/A5); without it Tutela uses the usage report, which lags by up to two days.', 'If the tenant conceals user names in reports, the fallback cannot match people to accounts until that setting is turned off.'],
      },
      'google-workspace': {
        read: [listUsersGoogle],
        remediate: [google('admin.directory.user', 'suspend the user and sign them out')],
        notes: ['lastLoginTime comes from the Directory API and is updated within a day.'],
      },
    },
  },
  {
    id: 'recipients.exposed',
    title: 'Outside recipients exposed to each other',
    severity: 'high',
    detects: 'A sent message shows more outside addresses in To or Cc than the threshold (for example parents copied instead of blind-copied), disclosing their email addresses to each other.',
    policyRef: 'recipients.exposedThreshold',
    remediation: null,
    providers: {
      microsoft365: {
        read: [listUsersGraph, graph('Mail.ReadBasic.All', 'read To and Cc of Sent Items without bodies')],
        remediate: [],
        notes: ['A sent message cannot be recalled by API; the finding tells the sender and the data protection lead so they can judge whether it is a reportable breach.'],
      },
      'google-workspace': {
        read: [listUsersGoogle, google('gmail.metadata', 'read To and Cc headers of sent messages')],
        remediate: [],
        notes: [metadataNote],
      },
    },
  },
] as const satisfies readonly CheckDefinition[];

type Entry = (typeof checkCatalogue)[number];
export type RemediableCheckId = Extract<Entry, { remediation: Remediation }>['id'];

export const remediableCheckIds: readonly RemediableCheckId[] = checkCatalogue.flatMap((c) => (c.remediation ? [c.id] : []));

const byId = new Map<CheckId, CheckDefinition>(checkCatalogue.map((c) => [c.id, c]));

export function catalogueEntry(id: CheckId): CheckDefinition {
  const entry = byId.get(id);
  // The test "every id is catalogued" makes this unreachable.
  if (!entry) throw new Error(`check ${id} is not in the catalogue`);
  return entry;
}

export function isRemediable(id: string): id is RemediableCheckId {
  return (remediableCheckIds as readonly string[]).includes(id);
}
