import { givenNames, surnames } from './names.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlannedAccount, Role } from './plan-types.ts';
import { school } from './school.ts';

const jobTitles: Record<Role, string> = {
  headteacher: 'Headteacher',
  'deputy-head': 'Deputy Headteacher',
  bursar: 'School Business Manager',
  teacher: 'Class Teacher',
  'teaching-assistant': 'Teaching Assistant',
  office: 'Office Administrator',
  site: 'Site Manager',
  governor: 'Governor',
  shared: 'Shared mailbox',
  protected: 'IT administration',
};

/** Accounts that are not people: the three shared mailboxes and the two protected accounts. */
export const NON_PERSON_ACCOUNTS = 5;

/** Role mix of the regular staff (everyone but head, deputy and bursar), by share of that count. */
function regularRoles(count: number): Role[] {
  const governors = Math.max(1, Math.round(count * 0.05));
  const office = Math.max(1, Math.round(count * 0.05));
  const site = Math.max(1, Math.round(count * 0.02));
  const tas = Math.round(count * 0.35);
  const teachers = count - governors - office - site - tas;
  return [
    ...Array<Role>(teachers).fill('teacher'),
    ...Array<Role>(tas).fill('teaching-assistant'),
    ...Array<Role>(office).fill('office'),
    ...Array<Role>(site).fill('site'),
    ...Array<Role>(governors).fill('governor'),
  ];
}

function localPart(given: string, family: string): string {
  return `${given}.${family}`.toLowerCase().replace(/[^a-z.-]/g, '');
}

/** Every account of the school with ordinary, compliant settings; violations are added afterwards. */
export function planAccounts(ctx: PlanContext, mailboxes: number): PlannedAccount[] {
  const { rng } = ctx;
  const used = new Set<string>();
  const accounts: PlannedAccount[] = [];
  let employeeNo = 0;

  const add = (role: Role, fixedEmail?: string, fixedName?: [string, string]): PlannedAccount => {
    const [givenName, familyName] = fixedName ?? [rng.pick(givenNames), rng.pick(surnames)];
    let email = fixedEmail;
    if (!email) {
      const base = localPart(givenName, familyName);
      let candidate = base;
      for (let n = 2; used.has(candidate); n += 1) candidate = `${base}${n}`;
      email = `${candidate}@${school.domain}`;
    }
    used.add(email.slice(0, email.indexOf('@')));
    const kind = role === 'shared' ? 'shared' : role === 'protected' ? 'protected' : 'person';
    const inHr = kind === 'person' && role !== 'governor';
    if (inHr) employeeNo += 1;
    const createdMs = ctx.daysAgo(rng.int(400, 3000));
    const account: PlannedAccount = {
      index: accounts.length,
      email,
      givenName,
      familyName,
      displayName: kind === 'person' ? `${givenName} ${familyName}` : givenName,
      jobTitle: jobTitles[role],
      role,
      kind,
      employeeId: inHr ? `E${String(employeeNo).padStart(4, '0')}` : null,
      enabled: true,
      isAdmin: kind === 'protected',
      createdMs,
      lastSignInMs: ctx.daysAgo(rng.float() * 20),
      lastNonInteractiveMs: rng.chance(0.6) ? ctx.daysAgo(rng.float() * 3) : null,
      hasMailbox: true,
      mailboxForward: null,
      googleForwardDisabledAddress: null,
      googleUnusedForwardingAddresses: [],
      rules: [],
      signature: 'standard',
      messages: [],
      bulk: [],
      maxSendSize: school.attachmentLimitBytes,
      litigationHold: false,
      hr: null,
    };
    if (inHr && account.employeeId) {
      account.hr = { employeeId: account.employeeId, givenName, familyName, workEmail: email, startDate: ukDate(createdMs), leavingDate: null, status: 'Active' };
    }
    accounts.push(account);
    return account;
  };

  add('headteacher', school.headteacher);
  add('bursar', school.bursar);
  add('deputy-head');
  for (const [i, email] of school.sharedMailboxes.entries()) {
    add('shared', email, [['School Office', 'Admissions', 'Finance'][i] ?? 'Shared', 'Mailbox']);
  }
  const breakglass = add('protected', school.protectedAccounts[0], ['Break Glass', 'Account']);
  const itAdmin = add('protected', school.protectedAccounts[1], ['IT', 'Administrator']);
  for (const role of regularRoles(mailboxes - accounts.length)) add(role);

  // The break-glass account is never used: unlicensed, no mailbox, last used at its yearly test.
  breakglass.hasMailbox = false;
  breakglass.lastSignInMs = ctx.daysAgo(200);
  breakglass.lastNonInteractiveMs = null;
  itAdmin.lastSignInMs = ctx.daysAgo(1);
  const people = accounts.filter((o) => o.kind === 'person');
  for (const a of accounts) planBaselineMail(ctx, a, people);
  return accounts;
}

/** Ordinary traffic: one recent sent and one received message, and months of (not overdue) old mail. */
function planBaselineMail(ctx: PlanContext, a: PlannedAccount, people: PlannedAccount[]): void {
  if (!a.hasMailbox || a.kind === 'protected') return;
  const { rng } = ctx;
  let colleague = rng.pick(people);
  if (colleague === a) colleague = people[(people.indexOf(a) + 1) % people.length] ?? a;
  const toParent = rng.chance(0.4);
  a.messages.push(ctx.sent(a, { to: toParent ? [ctx.personalAddress()] : [colleague.email], attachments: rng.chance(0.3) ? [ctx.smallAttachment()] : [] }));
  if (rng.chance(0.5)) a.messages.push(ctx.received(a, colleague.email, colleague.displayName));
  a.bulk.push(
    { folder: 'inbox', atMs: ctx.daysAgo(rng.int(30, 320)), count: rng.int(50, 800) },
    { folder: 'sent', atMs: ctx.daysAgo(rng.int(20, 300)), count: rng.int(10, 300) },
  );
}

/** dd/mm/yyyy in UK time (Europe/London is UTC or UTC+1; dates here are never near midnight). */
export function ukDate(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}
