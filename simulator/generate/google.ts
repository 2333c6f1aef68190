import type { z } from 'zod';
import type { gmailFilterSchema, gmailMessageSchema, googleDomainSchema, googleUserSchema } from '../fixture/google.ts';
import { lastActivity } from './account-facts.ts';
import { devGoogleServiceAccountPrivateKeyId, devGoogleServiceAccountPublicKeyPem } from './dev-keys/index.ts';
import type { IdMaker } from './ids.ts';
import { gmailFilterId, gmailMessageId, googleIds } from './ids.ts';
import type { GenerateOptions } from './plan.ts';
import type { Plan, PlannedAccount, PlannedMessage, PlannedRule, Role } from './plan-types.ts';
import { planGroups } from './groups.ts';
import { isForbiddenForwardTarget, school } from './school.ts';
import { disclaimerHtml, variantDisclaimerHtml } from './wording.ts';

type DomainInput = z.input<typeof googleDomainSchema>;
type UserInput = z.input<typeof googleUserSchema>;
type FilterInput = z.input<typeof gmailFilterSchema>;

export const simServiceAccountEmail = 'tutela-audit@oakfield-tutela.iam.gserviceaccount.com';

/** What the connector reads and writes through domain-wide delegation. */
export const googleDelegatedScopes = [
  'https://www.googleapis.com/auth/admin.directory.user',
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
  'https://www.googleapis.com/auth/gmail.settings.basic',
  'https://www.googleapis.com/auth/gmail.settings.sharing',
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/gmail.modify',
  'https://www.googleapis.com/auth/gmail.metadata',
];

const orgUnits: Record<Role, string> = {
  headteacher: '/Staff/Leadership',
  'deputy-head': '/Staff/Leadership',
  bursar: '/Staff/Office',
  teacher: '/Staff/Teachers',
  'teaching-assistant': '/Staff/Support',
  office: '/Staff/Office',
  site: '/Staff/Support',
  governor: '/Governors',
  shared: '/Shared',
  protected: '/IT',
};

/** Google user ids are 21 digits; the middle ten carry the unique counter. */
function googleUserId(ids: IdMaker, index: number): string {
  return `10${String(ids.scramble(index)).padStart(10, '0')}${ids.filler(9, '0123456789')}`;
}

function signature(a: PlannedAccount): string {
  const card = `<div>${a.displayName}<br>${a.jobTitle}<br>${school.name}</div>`;
  switch (a.signature) {
    case 'standard':
      return `${card}${disclaimerHtml}`;
    case 'missing-phrase':
      return card;
    case 'empty':
      return '';
    case 'phrase-case-whitespace':
      return `${card}${variantDisclaimerHtml}`;
  }
}

function renderFilter(ids: IdMaker, a: PlannedAccount, r: PlannedRule): FilterInput {
  const criteria: FilterInput['criteria'] = r.condition.all ? { to: a.email } : { ...(r.condition.from ? { from: r.condition.from } : {}), ...(r.condition.subject ? { subject: r.condition.subject } : {}) };
  const add: string[] = [];
  const remove: string[] = [];
  if (r.remove) add.push('TRASH');
  if (r.moveToNewsletters) {
    add.push('Label_1');
    remove.push('INBOX');
  }
  if (r.markAsRead) remove.push('UNREAD');
  // A filter forwards to one address: the forbidden one when a rule names several.
  const forward = r.forward ? (r.forward.addresses.find(isForbiddenForwardTarget) ?? r.forward.addresses[0]) : undefined;
  return {
    id: gmailFilterId(ids, r.seq),
    criteria,
    action: { ...(add.length ? { addLabelIds: add } : {}), ...(remove.length ? { removeLabelIds: remove } : {}), ...(forward ? { forward } : {}) },
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function rfc2822(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function renderMessage(m: PlannedMessage, names: Map<string, string>): z.input<typeof gmailMessageSchema> {
  const header = (list: string[]) => list.map((x) => (names.has(x) ? `"${names.get(x)}" <${x}>` : x)).join(', ');
  const total = m.attachments.reduce((s, f) => s + f.size, 0);
  const id = gmailMessageId(m.seq, m.atMs);
  return {
    id,
    threadId: id,
    labelIds: m.direction === 'sent' ? ['SENT'] : ['INBOX'],
    internalDate: String(m.atMs),
    // Base64 makes a message about a third larger than its attachments.
    sizeEstimate: 2_500 + Math.ceil((total * 4) / 3),
    headers: {
      From: `"${m.fromName}" <${m.from}>`,
      To: header(m.to),
      ...(m.cc.length ? { Cc: header(m.cc) } : {}),
      // Only the sender's copy keeps a Bcc header.
      ...(m.direction === 'sent' && m.bcc.length ? { Bcc: header(m.bcc) } : {}),
      Subject: m.subject,
      Date: rfc2822(m.atMs),
    },
    ...(m.attachments.length ? { attachments: m.attachments.map((f) => ({ filename: f.name, size: f.size, mimeType: f.type })) } : {}),
  };
}

function renderUser(ids: IdMaker, a: PlannedAccount, names: Map<string, string>): UserInput {
  const seen = lastActivity(a);
  const rules = a.rules.filter((r) => r.enabled);
  const forwardTargets = [
    ...(a.mailboxForward ? [a.mailboxForward.address] : []),
    ...a.googleUnusedForwardingAddresses,
    ...rules.map((r) => renderFilter(ids, a, r).action?.forward).filter((x): x is string => Boolean(x)),
  ];
  return {
    id: googleUserId(ids, a.index),
    primaryEmail: a.email,
    name: { givenName: a.givenName, familyName: a.familyName, fullName: `${a.givenName} ${a.familyName}` },
    suspended: !a.enabled,
    isAdmin: a.isAdmin,
    orgUnitPath: orgUnits[a.role],
    lastLoginTime: seen === null ? '1970-01-01T00:00:00.000Z' : new Date(seen).toISOString(),
    creationTime: new Date(a.createdMs).toISOString(),
    ...(a.employeeId ? { externalIds: [{ type: 'organization', value: a.employeeId }] } : {}),
    gmail: {
      autoForwarding: a.mailboxForward
        ? { enabled: true, emailAddress: a.mailboxForward.address, disposition: 'leaveInInbox' }
        : a.googleForwardDisabledAddress
          ? { enabled: false, emailAddress: a.googleForwardDisabledAddress, disposition: 'leaveInInbox' }
          : { enabled: false },
      forwardingAddresses: [...new Set(forwardTargets)].map((forwardingEmail) => ({ forwardingEmail, verificationStatus: 'accepted' as const })),
      filters: rules.map((r) => renderFilter(ids, a, r)),
      sendAs: [{ sendAsEmail: a.email, displayName: a.displayName, isPrimary: true, isDefault: true, signature: signature(a) }],
      messages: a.messages.map((m) => renderMessage(m, names)),
      bulk: a.bulk.map((b) => ({ labelIds: b.folder === 'inbox' ? ['INBOX'] : b.folder === 'sent' ? ['SENT'] : [], internalDate: String(b.atMs), count: b.count })),
    },
  };
}

/** The plan as a Google Workspace domain (fixture `google`). */
export function renderGoogle(plan: Plan, options: GenerateOptions): DomainInput {
  const ids = googleIds(plan.seed);
  const names = new Map(plan.accounts.map((a) => [a.email, a.displayName]));
  return {
    customerId: `C0${ids.filler(7, '0123456789abcdefghijklmnopqrstuvwxyz')}`,
    domains: [school.domain, school.aliasDomain],
    serviceAccounts: [options.serviceAccount ?? { clientEmail: simServiceAccountEmail, publicKeyPem: devGoogleServiceAccountPublicKeyPem, privateKeyId: devGoogleServiceAccountPrivateKeyId }],
    delegatedScopes: googleDelegatedScopes,
    users: plan.accounts.map((a) => renderUser(ids, a, names)),
    groups: planGroups(plan).map((g, i) => ({ id: `03${ids.hex(0x7ffe_0000 + i, 13)}`, email: g.email, name: g.name, members: [...g.people, ...g.groups] })),
  };
}
