import type { CheckId, Provider } from '../../src/domain/checks/ids.ts';
import { ukDate } from './plan-people.ts';
import type { PlanContext } from './plan-context.ts';
import type { HrRecord, PlannedAccount, PlannedMessage } from './plan-types.ts';
import { school } from './school.ts';

const BOTH: Provider[] = ['microsoft365', 'google-workspace'];
const MS: Provider[] = ['microsoft365'];
const GOOGLE: Provider[] = ['google-workspace'];
const LIMIT = school.attachmentLimitBytes;

function find(accounts: PlannedAccount[], email: string): PlannedAccount {
  const a = accounts.find((x) => x.email === email);
  if (!a) throw new Error(`planned account ${email} missing`);
  return a;
}

/** A leaver per HR: left `daysAgo` days ago; sent mail after that date is dropped. */
export function makeLeaver(ctx: PlanContext, a: PlannedAccount, daysAgo: number): void {
  const leavingMs = ctx.daysAgo(daysAgo);
  if (a.hr) a.hr = { ...a.hr, leavingDate: ukDate(leavingMs), status: 'Left' };
  a.messages = a.messages.filter((m) => m.direction === 'received' || m.atMs < leavingMs);
}

/**
 * The edge cases every generated school contains (README "Tricky cases"). They sit on reserved
 * people, so the random shares never stack another violation of the same kind on them.
 * Returns the reserved accounts and the HR rows that have no account.
 */
export function planTricky(ctx: PlanContext, accounts: PlannedAccount[]): { reserved: Set<PlannedAccount>; hrOrphans: HrRecord[] } {
  const { rng } = ctx;
  const pool = rng.shuffle(accounts.filter((a) => ['teacher', 'teaching-assistant', 'office', 'site'].includes(a.role)));
  if (pool.length < 8) throw new Error('school too small for the tricky cases');
  const [t1, t2, t3, a1, a2, a5, a7, a8] = pool as [PlannedAccount, PlannedAccount, PlannedAccount, PlannedAccount, PlannedAccount, PlannedAccount, PlannedAccount, PlannedAccount];
  const governor = accounts.find((a) => a.role === 'governor');
  if (!governor) throw new Error('no governor planned');
  const colleague = (a: PlannedAccount) => (a === t1 ? t2 : t1);
  const trustAddress = (a: PlannedAccount) => a.email.replace(school.domain, school.trustDomain);

  const rec = (id: string, checkId: CheckId, a: PlannedAccount | null, providers: Provider[], expected: boolean, description: string, itemSeq?: number) =>
    ctx.record({ id, checkId, email: a ? a.email : '', providers, expected, description, ...(itemSeq === undefined ? {} : { itemSeq }) });

  // T1: every destination that is allowed, and every boundary that is just inside the policy.
  const r1 = ctx.rule({ name: 'Trust updates to my trust mailbox', condition: { from: `ceo@${school.trustDomain}` }, forward: { action: 'forwardTo', addresses: [trustAddress(t1)] } });
  const r2 = ctx.rule({ name: 'PTA mail to the PTA inbox', condition: { subject: 'PTA' }, forward: { action: 'forwardTo', addresses: [`chair@${school.allowedForwardingDomain}`] } });
  const r3 = ctx.rule({ name: 'Copy to colleague (alias)', condition: { subject: 'Year group' }, forward: { action: 'forwardTo', addresses: [colleague(t1).email.replace(school.domain, school.aliasDomain)] } });
  const upper = colleague(t1).email.replace(/^[a-z]/, (c) => c.toUpperCase()).replace(school.domain, 'OakfieldPrimary.SCH.UK');
  const r4 = ctx.rule({ name: 'Cover requests', condition: { subject: 'Cover' }, forward: { action: 'redirectTo', addresses: [upper] } });
  const r5 = ctx.rule({ name: 'Newsletters', condition: { from: 'newsletter@parentmail.co.uk' }, moveToNewsletters: true, markAsRead: true });
  t1.rules.push(r1, r2, r3, r4, r5);
  rec('forward-rule-trust', 'forwarding.inbox-rule-external', t1, BOTH, false, 'Rule forwards to the trust domain (internal).', r1.seq);
  rec('forward-rule-pta', 'forwarding.inbox-rule-external', t1, BOTH, false, 'Rule forwards to the allowed PTA domain.', r2.seq);
  rec('forward-alias-domain', 'forwarding.inbox-rule-external', t1, BOTH, false, "Rule forwards to a colleague at the tenant's alias domain oakfield.sch.uk.", r3.seq);
  rec('forward-internal-uppercase', 'forwarding.inbox-rule-external', t1, BOTH, false, 'Rule redirects to an internal address written in mixed case.', r4.seq);
  rec('move-rule-ordinary', 'deletion.inbox-rule', t1, BOTH, false, 'Rule moves mail to an ordinary folder/label, not to deleted items.', r5.seq);
  t1.mailboxForward = { address: trustAddress(t1), via: 'smtp' };
  rec('forward-mailbox-trust', 'forwarding.mailbox-external', t1, BOTH, false, 'Mailbox forwarding to the trust domain.');
  t1.signature = 'phrase-case-whitespace';
  rec('disclaimer-case-whitespace', 'disclaimer.missing', t1, GOOGLE, false, 'Signature has the phrase in other case, split by <br>, &nbsp; and extra spaces.');
  const parents = ctx.personalAddresses(7);
  const m1 = ctx.sent(t1, { to: [parents[0] ?? ''], attachments: [{ name: 'Class photos part 1.zip', type: 'application/zip', size: LIMIT }] });
  const m2 = ctx.received(t1, parents[1] ?? '', 'A parent', { attachments: [{ name: 'Holiday video.mp4', type: 'video/mp4', size: 8_000_000 }] });
  const m3 = ctx.sent(t1, { to: [...parents.slice(0, 5), t2.email, t3.email, a1.email] });
  const first = parents[0] ?? '';
  const m4 = ctx.sent(t1, { to: parents.slice(0, 4), cc: [parents[5] ?? '', first.toUpperCase()] });
  t1.messages.push(m1, m2, m3, m4);
  rec('attachment-exactly-limit', 'attachments.oversize', t1, BOTH, false, 'Sent attachments total exactly 2,097,152 bytes.', m1.seq);
  rec('attachment-received-large', 'attachments.oversize', t1, BOTH, false, 'An 8 MB attachment received, not sent.', m2.seq);
  rec('exposed-exactly-five', 'recipients.exposed', t1, BOTH, false, 'Exactly 5 external addresses (plus 3 internal) in To.', m3.seq);
  rec('exposed-duplicates', 'recipients.exposed', t1, BOTH, false, '6 external entries in To+Cc but only 5 distinct addresses (one repeated in upper case).', m4.seq);
  rec('limit-exactly', 'attachments.limit-config', t1, MS, false, 'MaxSendSize exactly 2,097,152 bytes.');
  t1.lastSignInMs = ctx.daysAgo(150);
  t1.lastNonInteractiveMs = ctx.daysAgo(2);
  rec('dormant-noninteractive', 'accounts.dormant', t1, BOTH, false, 'Microsoft: last interactive sign-in 150 days ago, non-interactive 2 days ago (Google: last login 2 days ago).');

  // T2: external forwarding hidden in multi-address and attachment rules; just-over boundaries.
  const outlook = ctx.personalAddress().replace(/@.*/, '@outlook.com');
  const r6 = ctx.rule({ name: 'Copy parent mail', condition: { subject: 'Absence' }, forward: { action: 'redirectTo', addresses: [t1.email, trustAddress(t2), outlook] } });
  const r7 = ctx.rule({ name: 'Send to home', condition: { subject: 'Planning' }, forward: { action: 'forwardAsAttachmentTo', addresses: [ctx.personalAddress()] } });
  const r8 = ctx.rule({ name: 'Old forward (switched off)', enabled: false, condition: { all: true }, forward: { action: 'forwardTo', addresses: [ctx.personalAddress().replace(/@.*/, '@gmail.com')] } });
  t2.rules.push(r6, r7, r8);
  rec('redirect-multi-one-external', 'forwarding.inbox-rule-external', t2, BOTH, true, 'Redirect to an internal, a trust and one personal address (Google: a filter forwarding to the personal one).', r6.seq);
  rec('forward-as-attachment-external', 'forwarding.inbox-rule-external', t2, BOTH, true, 'forwardAsAttachmentTo a personal address (Google: a forwarding filter).', r7.seq);
  rec('forward-rule-disabled', 'forwarding.inbox-rule-external', t2, MS, false, 'A disabled rule forwarding externally does not act (not rendered on Google).', r8.seq);
  t2.mailboxForward = { address: `secretary@${school.allowedForwardingDomain}`, via: 'smtp' };
  rec('forward-mailbox-pta', 'forwarding.mailbox-external', t2, BOTH, false, 'Mailbox forwarding to the allowed PTA domain.');
  t2.signature = 'empty';
  rec('disclaimer-empty-signature', 'disclaimer.missing', t2, GOOGLE, true, 'No signature at all.');
  const p2 = ctx.personalAddresses(6);
  const m5 = ctx.sent(t2, { to: [p2[0] ?? ''], attachments: [{ name: 'Sports day.mp4', type: 'video/mp4', size: LIMIT + 1 }] });
  const m6 = ctx.sent(t2, {
    to: [p2[1] ?? ''],
    attachments: [
      { name: 'Report part 1.pdf', type: 'application/pdf', size: 1_200_000 },
      { name: 'Report part 2.pdf', type: 'application/pdf', size: 1_000_000 },
    ],
  });
  const m7 = ctx.sent(t2, { to: p2.slice(0, 3), cc: p2.slice(3, 6) });
  const m8 = ctx.sent(t2, { to: [p2[2] ?? ''], atMs: ctx.daysAgo(9), attachments: [{ name: 'Assembly slides.pptx', type: 'application/vnd.ms-powerpoint', size: 5_000_000 }] });
  t2.messages.push(m5, m6, m7, m8);
  rec('attachment-just-over', 'attachments.oversize', t2, BOTH, true, 'Sent attachment of 2,097,153 bytes.', m5.seq);
  rec('attachment-sum-over', 'attachments.oversize', t2, BOTH, true, 'Two attachments under 2 MB each, 2,200,000 bytes together.', m6.seq);
  rec('exposed-to-plus-cc', 'recipients.exposed', t2, BOTH, true, '3 external in To and 3 in Cc.', m7.seq);
  rec('attachment-outside-window', 'attachments.oversize', t2, BOTH, false, '5 MB sent 9 days ago: before the 7-day audit window.', m8.seq);
  t2.maxSendSize = 1_048_576;
  rec('limit-stricter', 'attachments.limit-config', t2, MS, false, 'MaxSendSize 1 MB, stricter than policy.');
  if (t2.hr) t2.hr = { ...t2.hr, leavingDate: ukDate(ctx.daysAgo(-30)), status: 'Leaving' };
  rec('leaver-future', 'accounts.leaver-active', t2, BOTH, false, 'HR leaving date is 30 days in the future.');

  // T3: deletion rules of every shape, a look-alike domain, Google forwarding that does not act.
  const r9 = ctx.rule({ name: 'Clear ParentMail', condition: { from: 'notifications@parentmail.co.uk' }, remove: 'moveToDeletedItems' });
  const r10 = ctx.rule({ name: 'Unsubscribe junk', condition: { subject: 'Unsubscribe' }, remove: 'permanentDelete' });
  const r11 = ctx.rule({ name: '.', condition: { all: true }, forward: { action: 'forwardTo', addresses: [ctx.personalAddress()] }, remove: 'delete', markAsRead: true });
  const r12 = ctx.rule({ name: 'Trust copy', condition: { subject: 'Trust' }, forward: { action: 'forwardTo', addresses: [`${t3.givenName.toLowerCase()}@my${school.trustDomain}`] } });
  t3.rules.push(r9, r10, r11, r12);
  rec('delete-rule-move-deleted', 'deletion.inbox-rule', t3, BOTH, true, 'Rule moves to Deleted Items (Google: adds TRASH).', r9.seq);
  rec('delete-rule-permanent', 'deletion.inbox-rule', t3, BOTH, true, 'Rule deletes permanently (Google: adds TRASH).', r10.seq);
  rec('forward-and-delete-forwarding', 'forwarding.inbox-rule-external', t3, BOTH, true, 'One rule forwards everything externally and deletes it: two findings, same item.', r11.seq);
  rec('forward-and-delete-deletion', 'deletion.inbox-rule', t3, BOTH, true, 'The same rule, its deletion finding.', r11.seq);
  rec('forward-lookalike-domain', 'forwarding.inbox-rule-external', t3, BOTH, true, `Forward to my${school.trustDomain}: a look-alike, not the trust.`, r12.seq);
  t3.googleForwardDisabledAddress = ctx.personalAddress().replace(/@.*/, '@gmail.com');
  t3.googleUnusedForwardingAddresses = [t3.googleForwardDisabledAddress, ctx.personalAddress().replace(/@.*/, '@outlook.com')];
  rec('google-forwarding-disabled', 'forwarding.mailbox-external', t3, GOOGLE, false, 'Auto-forwarding disabled; an external address is still filled in and verified, a second one registered and unused.');
  t3.bulk.push({ folder: 'inbox', atMs: ctx.daysAgo(350), count: 120 });
  rec('retention-just-under', 'retention.overdue', t3, BOTH, false, 'Oldest mail 350 days old: inside 12 months.');
  t3.maxSendSize = 3_145_728;
  rec('limit-raised', 'attachments.limit-config', t3, MS, true, 'MaxSendSize 3 MB, above the 2 MB policy.');

  // Fixed accounts.
  const head = find(accounts, school.headteacher);
  head.signature = 'missing-phrase';
  rec('disclaimer-exempt-head', 'disclaimer.missing', head, GOOGLE, false, 'The headteacher is exempt and has no disclaimer.');
  const bursar = find(accounts, school.bursar);
  bursar.litigationHold = true;
  bursar.bulk.push({ folder: 'archive', atMs: ctx.daysAgo(800), count: 2400 });
  rec('retention-bursar-hold', 'retention.overdue', bursar, BOTH, false, 'Bursar holds 2-year-old mail but is on hold (hold exemption; Microsoft litigation hold).');
  const office = find(accounts, 'office@oakfieldprimary.sch.uk');
  office.bulk.push({ folder: 'inbox', atMs: ctx.daysAgo(500), count: 900 });
  rec('retention-shared-mailbox', 'retention.overdue', office, BOTH, true, 'Shared mailbox office@ holds mail 500 days old.');
  const newsletter: PlannedMessage = ctx.sent(office, { subject: 'Newsletter', to: [office.email], bcc: ctx.personalAddresses(30) });
  office.messages.push(newsletter);
  rec('exposed-bcc-only', 'recipients.exposed', office, BOTH, false, '30 parents in Bcc only.', newsletter.seq);
  const finance = find(accounts, 'finance@oakfieldprimary.sch.uk');
  finance.mailboxForward = { address: 'payables@hollis-accountants.co.uk', via: 'smtp' };
  rec('shared-mailbox-forward-external', 'forwarding.mailbox-external', finance, BOTH, true, 'Shared mailbox finance@ forwards to an outside accountant.');
  const admissions = find(accounts, 'admissions@oakfieldprimary.sch.uk');
  admissions.mailboxForward = { address: office.email, via: 'directory' };
  rec('shared-mailbox-forward-internal', 'forwarding.mailbox-external', admissions, BOTH, false, 'Shared mailbox admissions@ forwards to office@ (Exchange ForwardingAddress).');
  const breakglass = find(accounts, school.protectedAccounts[0]);
  rec('dormant-breakglass', 'accounts.dormant', breakglass, BOTH, false, 'Protected break-glass account, last sign-in 200 days ago.');

  // Account states.
  a1.enabled = false;
  a1.lastSignInMs = ctx.daysAgo(200);
  a1.lastNonInteractiveMs = null;
  makeLeaver(ctx, a1, 190);
  rec('dormant-disabled', 'accounts.dormant', a1, BOTH, false, 'No sign-in for 200 days, but already disabled.');
  rec('leaver-disabled', 'accounts.leaver-active', a1, BOTH, false, 'Left 190 days ago; account disabled.');
  a2.createdMs = ctx.daysAgo(10);
  a2.lastSignInMs = null;
  a2.lastNonInteractiveMs = null;
  a2.bulk = [];
  a2.messages = [];
  if (a2.hr) a2.hr = { ...a2.hr, startDate: ukDate(a2.createdMs) };
  rec('dormant-new-starter', 'accounts.dormant', a2, BOTH, false, 'Created 10 days ago, never signed in.');
  governor.createdMs = ctx.daysAgo(400);
  governor.lastSignInMs = null;
  governor.lastNonInteractiveMs = null;
  governor.messages = governor.messages.filter((m) => m.direction === 'received');
  rec('dormant-never-signed-in', 'accounts.dormant', governor, BOTH, true, 'Governor account created 400 days ago, never signed in.');
  makeLeaver(ctx, a5, 12);
  a5.lastSignInMs = ctx.daysAgo(13);
  a5.lastNonInteractiveMs = ctx.daysAgo(13);
  a5.mailboxForward = { address: ctx.personalAddress().replace(/@.*/, '@gmail.com'), via: 'smtp' };
  rec('leaver-active', 'accounts.leaver-active', a5, BOTH, true, 'Left 12 days ago; account still enabled.');
  rec('forward-mailbox-personal', 'forwarding.mailbox-external', a5, BOTH, true, 'The leaver forwards the mailbox to a personal Gmail.');
  makeLeaver(ctx, a7, 5);
  if (a7.hr) a7.hr = { ...a7.hr, workEmail: a7.email.toUpperCase() };
  rec('leaver-email-case', 'accounts.leaver-active', a7, BOTH, true, 'Left 5 days ago; HR typed the work email in upper case.');
  makeLeaver(ctx, a8, 150);
  a8.lastSignInMs = ctx.daysAgo(152);
  a8.lastNonInteractiveMs = null;
  rec('leaver-dormant-leaver', 'accounts.leaver-active', a8, BOTH, true, 'Left 150 days ago, still enabled.');
  rec('leaver-dormant-dormant', 'accounts.dormant', a8, BOTH, true, 'The same leaver has not signed in for 152 days.');

  const orphanNo = accounts.filter((a) => a.employeeId).length + 1;
  const orphan: HrRecord = {
    employeeId: `E${String(orphanNo).padStart(4, '0')}`,
    givenName: 'Margaret',
    familyName: 'Oldroyd',
    workEmail: `margaret.oldroyd@${school.domain}`,
    startDate: ukDate(ctx.daysAgo(4000)),
    leavingDate: ukDate(ctx.daysAgo(900)),
    status: 'Left',
  };
  ctx.record({ id: 'leaver-no-account', checkId: 'accounts.leaver-active', email: orphan.workEmail, providers: BOTH, expected: false, description: 'HR leaver whose account was deleted long ago.' });

  return { reserved: new Set([t1, t2, t3, a1, a2, a5, a7, a8, governor]), hrOrphans: [orphan] };
}
