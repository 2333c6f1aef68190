import type { z } from 'zod';
import type { inboxRuleSchema, microsoftTenantSchema, msUserSchema, transportRuleSchema } from '../fixture/microsoft.ts';
import { devMicrosoftAppPublicKeyPem, devMicrosoftAppThumbprintSha256 } from './dev-keys/index.ts';
import { lastActivity } from './account-facts.ts';
import type { IdMaker } from './ids.ts';
import { microsoftIds, msMessageId, msRuleId } from './ids.ts';
import type { GenerateOptions } from './plan.ts';
import type { Plan, PlannedAccount, PlannedRule } from './plan-types.ts';
import { planGroups } from './groups.ts';
import { school } from './school.ts';
import { a1FacultySku, disclaimerHtml, wrongDisclaimerHtml } from './wording.ts';

type TenantInput = z.input<typeof microsoftTenantSchema>;
type UserInput = z.input<typeof msUserSchema>;
type RuleInput = z.input<typeof inboxRuleSchema>;
type TransportRuleInput = z.input<typeof transportRuleSchema>;

export const simClientSecret = 'sim-client-secret';

const folderNames = [
  ['inbox', 'Inbox'],
  ['sentitems', 'Sent Items'],
  ['deleteditems', 'Deleted Items'],
  ['archive', 'Archive'],
  [null, 'Newsletters'],
] as const;

/** Folder ids are stable per mailbox: a mailbox prefix and the folder's position. */
export function msFolderId(ids: IdMaker, account: PlannedAccount, wellKnown: string | null): string {
  const i = folderNames.findIndex(([w]) => w === wellKnown);
  return `AQMkAD${ids.base62(0x4000_0000 + account.index)}AAAB${'ABCDE'[i] ?? 'Z'}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const recipients = (addresses: string[]) => addresses.map((address) => ({ emailAddress: { address } }));

function renderRule(ids: IdMaker, a: PlannedAccount, r: PlannedRule, sequence: number): RuleInput {
  const conditions: Record<string, unknown> = {};
  if (r.condition.from) conditions.fromAddresses = recipients([r.condition.from]);
  if (r.condition.subject) conditions.subjectContains = [r.condition.subject];
  const actions: RuleInput['actions'] = {};
  if (r.forward) actions[r.forward.action] = recipients(r.forward.addresses);
  if (r.remove === 'delete') actions.delete = true;
  if (r.remove === 'permanentDelete') actions.permanentDelete = true;
  if (r.remove === 'moveToDeletedItems') actions.moveToFolder = msFolderId(ids, a, 'deleteditems');
  if (r.moveToNewsletters) actions.moveToFolder = msFolderId(ids, a, null);
  if (r.markAsRead) actions.markAsRead = true;
  actions.stopProcessingRules = Boolean(r.forward ?? r.remove);
  return { id: msRuleId(ids, r.seq), displayName: r.name, sequence, isEnabled: r.enabled, conditions, actions };
}

function renderUser(ids: IdMaker, a: PlannedAccount): UserInput {
  const shared = a.kind === 'shared';
  const local = a.email.slice(0, a.email.indexOf('@'));
  const folder = (w: 'inbox' | 'sentitems' | 'archive') => msFolderId(ids, a, w);
  return {
    id: ids.guid(a.index),
    userPrincipalName: a.email,
    mail: a.email,
    displayName: a.displayName,
    givenName: a.kind === 'person' ? a.givenName : null,
    surname: a.kind === 'person' ? a.familyName : null,
    jobTitle: a.kind === 'person' ? a.jobTitle : null,
    // A shared mailbox's own account is blocked from signing in, as Microsoft recommends.
    accountEnabled: shared ? false : a.enabled,
    employeeId: a.employeeId,
    proxyAddresses: [`SMTP:${a.email}`, `smtp:${local}@${school.aliasDomain}`],
    createdDateTime: iso(a.createdMs),
    assignedLicenses: shared || !a.hasMailbox ? [] : [a1FacultySku],
    signInActivity: shared ? null : { lastSignInDateTime: a.lastSignInMs === null ? null : iso(a.lastSignInMs), lastNonInteractiveSignInDateTime: a.lastNonInteractiveMs === null ? null : iso(a.lastNonInteractiveMs) },
    mailbox: !a.hasMailbox
      ? null
      : {
          type: shared ? 'SharedMailbox' : 'UserMailbox',
          ...(a.mailboxForward?.via === 'smtp' ? { forwardingSmtpAddress: `smtp:${a.mailboxForward.address}` } : {}),
          ...(a.mailboxForward?.via === 'directory' ? { forwardingAddress: a.mailboxForward.address } : {}),
          ...(a.mailboxForward ? { deliverToMailboxAndForward: true } : {}),
          maxSendSizeBytes: a.maxSendSize,
          ...(a.litigationHold ? { litigationHoldEnabled: true } : {}),
          retentionPolicy: 'Default MRM Policy',
          folders: folderNames.map(([w, displayName]) => ({ id: msFolderId(ids, a, w), displayName, ...(w ? { wellKnownName: w } : {}) })),
          inboxRules: a.rules.map((r, i) => renderRule(ids, a, r, i + 1)),
          messages: a.messages.map((m) => ({
            id: msMessageId(ids, m.seq),
            folderId: folder(m.direction === 'sent' ? 'sentitems' : 'inbox'),
            subject: m.subject,
            from: m.from,
            toRecipients: m.to,
            ...(m.cc.length ? { ccRecipients: m.cc } : {}),
            ...(m.bcc.length ? { bccRecipients: m.bcc } : {}),
            sentDateTime: iso(m.direction === 'sent' ? m.atMs : m.atMs - 60_000),
            receivedDateTime: iso(m.atMs),
            ...(m.attachments.length ? { attachments: m.attachments.map((f) => ({ name: f.name, size: f.size, contentType: f.type })) } : {}),
          })),
          bulk: a.bulk.map((b) => ({ folderId: folder(b.folder === 'sent' ? 'sentitems' : b.folder), receivedDateTime: iso(b.atMs), count: b.count })),
        },
  };
}

function transportRules(ids: IdMaker, plan: Plan): TransportRuleInput[] {
  const { disclaimerProblem, extraExceptionEmail } = plan.microsoftTenant;
  const guid = (n: number) => ids.guid(0x7000_0000 + n);
  return [
    {
      Guid: guid(1),
      Name: 'External email disclaimer',
      State: 'Enabled',
      Mode: disclaimerProblem === 'audit-mode' ? 'Audit' : 'Enforce',
      Priority: 0,
      FromScope: 'InOrganization',
      SentToScope: 'NotInOrganization',
      ApplyHtmlDisclaimerText: disclaimerProblem === 'wrong-phrase' ? wrongDisclaimerHtml : disclaimerHtml,
      ApplyHtmlDisclaimerLocation: 'Append',
      ApplyHtmlDisclaimerFallbackAction: 'Wrap',
      ExceptIfFrom: extraExceptionEmail ? [school.headteacher, extraExceptionEmail] : [school.headteacher],
    },
    { Guid: guid(2), Name: 'Block executable attachments', State: 'Enabled', Mode: 'Enforce', Priority: 1 },
    {
      Guid: guid(3),
      Name: 'Disclaimer (2019)',
      State: 'Disabled',
      Mode: 'Enforce',
      Priority: 2,
      SentToScope: 'NotInOrganization',
      ApplyHtmlDisclaimerText: disclaimerHtml,
      ApplyHtmlDisclaimerLocation: 'Append',
      ApplyHtmlDisclaimerFallbackAction: 'Wrap',
    },
  ];
}

/** The plan as a Microsoft 365 tenant (fixture `microsoft`). */
export function renderMicrosoft(plan: Plan, options: GenerateOptions): TenantInput {
  const ids = microsoftIds(plan.seed);
  const users = plan.accounts.map((a) => renderUser(ids, a));
  const userIds = new Map(users.map((u) => [u.userPrincipalName, u.id]));
  // Not ids.guid: that draws from the generator's random stream and would shift every later id.
  const groupIds = new Map(planGroups(plan).map((g, i) => [g.email, `${ids.hex(0x7ffe_0000 + i)}-6a0b-4c00-8000-${ids.hex(0x7ffe_1000 + i, 12)}`]));
  const reportDate = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));
  return {
    tenantId: ids.guid(0x7fff_ff00),
    domains: [school.domain, school.aliasDomain],
    apps: [
      {
        clientId: ids.guid(0x7fff_ff01),
        clientSecret: simClientSecret,
        certificate: options.certificate ?? { publicKeyPem: devMicrosoftAppPublicKeyPem, thumbprintSha256: devMicrosoftAppThumbprintSha256 },
      },
    ],
    premiumSignInActivity: true,
    users,
    groups: planGroups(plan).map((g) => ({
      id: groupIds.get(g.email)!,
      displayName: g.name,
      mail: g.email,
      members: [...g.people.map((e) => userIds.get(e)!), ...g.groups.map((e) => groupIds.get(e)!)],
    })),
    transportRules: transportRules(ids, plan),
    outboundSpamPolicies: [{ Identity: 'Default', IsDefault: true, AutoForwardingMode: 'Automatic' }],
    remoteDomains: [
      { Identity: 'Default', DomainName: '*', AutoForwardEnabled: true },
      { Identity: 'Oakfield PTA', DomainName: school.allowedForwardingDomain, AutoForwardEnabled: true },
    ],
    retentionPolicies: [{ Name: 'Default MRM Policy', IsDefault: true, RetentionPolicyTagLinks: ['Default 2 year move to archive', 'Personal 1 year delete', 'Deleted Items 30 days'] }],
    retentionPolicyTags: [
      { Name: 'Default 2 year move to archive', Type: 'All', RetentionEnabled: true, AgeLimitForRetention: 730, RetentionAction: 'MoveToArchive' },
      { Name: 'Personal 1 year delete', Type: 'Personal', RetentionEnabled: true, AgeLimitForRetention: 365, RetentionAction: 'DeleteAndAllowRecovery' },
      { Name: 'Deleted Items 30 days', Type: 'DeletedItems', RetentionEnabled: true, AgeLimitForRetention: 30, RetentionAction: 'DeleteAndAllowRecovery' },
    ],
    activeUserReport: plan.accounts.filter((a) => a.kind !== 'shared' && a.hasMailbox).map((a) => ({ userPrincipalName: a.email, lastActivityDate: reportDate(lastActivity(a)) })),
  };
}
