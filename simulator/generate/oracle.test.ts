import { describe, expect, it } from 'vitest';
import type { Fixture } from '../fixture/schema.ts';
import { fixtureSchema } from '../fixture/schema.ts';
import type { ExpectedFinding, GenerateOptions } from './index.ts';
import { expectedKey, generateFixture, generateHrFeed } from './index.ts';

/**
 * An independent reading of README.md "Expected findings", applied to the rendered fixture and the
 * HR feed (not to the plan). If the generator's `expected` and this disagree, one of them is wrong.
 */
const PROFILE = {
  internal: ['oakfieldprimary.sch.uk', 'brightpath-trust.org.uk'],
  allowedForwarding: ['oakfield-pta.org.uk'],
  phrase: 'intended only for the named recipient',
  disclaimerExempt: ['head@oakfieldprimary.sch.uk'],
  holdExempt: ['bursar@oakfieldprimary.sch.uk'],
  protectedAccounts: ['breakglass@oakfieldprimary.sch.uk', 'it-admin@oakfieldprimary.sch.uk'],
  limit: 2_097_152,
  dormantDays: 90,
  maxExposed: 5,
};
const DAY = 86_400_000;

const domain = (a: string) => a.replace(/^smtp:/i, '').split('@').pop()?.toLowerCase() ?? '';
const normalise = (html: string) =>
  html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').toLowerCase();
const addressesIn = (header: string) => (header.match(/[^\s<>",]+@[^\s<>",]+/g) ?? []).map((x) => x.toLowerCase());
const ukDay = (d: string) => {
  const [dd, mm, yyyy] = d.split('/').map(Number);
  return Date.UTC(yyyy ?? 0, (mm ?? 1) - 1, dd ?? 1);
};

function audit(fixture: Fixture, hrCsv: string): ExpectedFinding[] {
  const now = Date.parse(fixture.now ?? '');
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - 12);
  const windowStart = now - 7 * DAY;
  const inWindow = (t: number) => t > windowStart && t <= now;
  const hr = hrCsv.trim().split(/\r\n/).slice(1).map((l) => l.split(','));
  const leavers = hr.filter((r) => r[5] && ukDay(r[5]) <= today);
  const isLeaver = (employeeId: string | null, email: string) => leavers.some((r) => (employeeId && r[0] === employeeId) || r[3]?.toLowerCase() === email.toLowerCase());
  const out: ExpectedFinding[] = [];

  const ms = fixture.microsoft;
  if (ms) {
    const internal = [...PROFILE.internal, ...ms.domains];
    const internalAddr = (a: string) => internal.includes(domain(a));
    const forbidden = (a: string) => !internalAddr(a) && !PROFILE.allowedForwarding.includes(domain(a));
    const add = (checkId: string, email: string, item?: string) => out.push({ checkId, email, provider: 'microsoft365', ...(item ? { item } : {}) });
    if (ms.outboundSpamPolicies.some((p) => p.AutoForwardingMode !== 'Off')) add('forwarding.tenant-policy', '');
    const defaultTags = ms.retentionPolicies.filter((p) => p.IsDefault).flatMap((p) => p.RetentionPolicyTagLinks);
    const twelveMonthDelete = ms.retentionPolicyTags.some(
      (t) => defaultTags.includes(t.Name) && t.Type === 'All' && t.RetentionEnabled && t.RetentionAction !== 'MoveToArchive' && (t.AgeLimitForRetention ?? Infinity) <= 365,
    );
    if (!twelveMonthDelete) add('retention.policy-missing', '');
    const goodDisclaimer = ms.transportRules.some(
      (r) =>
        r.State === 'Enabled' &&
        r.Mode === 'Enforce' &&
        (r.SentToScope ?? 'NotInOrganization') === 'NotInOrganization' &&
        (r.FromScope ?? 'InOrganization') === 'InOrganization' &&
        normalise(r.ApplyHtmlDisclaimerText ?? '').includes(PROFILE.phrase) &&
        r.ExceptIfSentTo.length === 0 &&
        r.ExceptIfFromMemberOf.length === 0 &&
        r.ExceptIfFrom.every((x) => PROFILE.disclaimerExempt.includes(x.toLowerCase())),
    );
    if (!goodDisclaimer) add('disclaimer.missing', '');
    for (const u of ms.users) {
      const email = u.userPrincipalName;
      const mb = u.mailbox;
      if (mb) {
        const deleted = mb.folders.find((f) => f.wellKnownName === 'deleteditems')?.id;
        const sent = mb.folders.find((f) => f.wellKnownName === 'sentitems')?.id;
        for (const r of mb.inboxRules.filter((x) => x.isEnabled)) {
          const targets = [...(r.actions.forwardTo ?? []), ...(r.actions.redirectTo ?? []), ...(r.actions.forwardAsAttachmentTo ?? [])].map((x) => x.emailAddress.address);
          if (targets.some(forbidden)) add('forwarding.inbox-rule-external', email, r.id);
          if (r.actions.delete || r.actions.permanentDelete || (deleted && r.actions.moveToFolder === deleted)) add('deletion.inbox-rule', email, r.id);
        }
        const fwd = [mb.forwardingSmtpAddress, mb.forwardingAddress].filter((x): x is string => Boolean(x));
        if (fwd.some(forbidden)) add('forwarding.mailbox-external', email);
        for (const m of mb.messages.filter((x) => x.folderId === sent && inWindow(Date.parse(x.sentDateTime)))) {
          if (m.attachments.reduce((s, a) => s + a.size, 0) > PROFILE.limit) add('attachments.oversize', email, m.id);
          if (new Set([...m.toRecipients, ...m.ccRecipients].map((x) => x.toLowerCase()).filter((x) => !internalAddr(x))).size > PROFILE.maxExposed) add('recipients.exposed', email, m.id);
        }
        const onHold = mb.litigationHoldEnabled || PROFILE.holdExempt.includes(email);
        const dates = [...mb.bulk.map((b) => b.receivedDateTime), ...mb.messages.map((m) => m.receivedDateTime)];
        if (!onHold && dates.some((d) => Date.parse(d) < cutoff.getTime())) add('retention.overdue', email);
        if (mb.maxSendSizeBytes === null || mb.maxSendSizeBytes > PROFILE.limit) add('attachments.limit-config', email);
      }
      if (u.accountEnabled && !PROFILE.protectedAccounts.includes(email)) {
        const s = u.signInActivity;
        const times = [s?.lastSignInDateTime, s?.lastNonInteractiveSignInDateTime].filter((x): x is string => Boolean(x)).map(Date.parse);
        const seen = times.length ? Math.max(...times) : Date.parse(u.createdDateTime);
        if (now - seen > PROFILE.dormantDays * DAY) add('accounts.dormant', email);
        if (isLeaver(u.employeeId, email)) add('accounts.leaver-active', email);
      }
    }
  }

  const g = fixture.google;
  if (g) {
    const internal = [...PROFILE.internal, ...g.domains];
    const internalAddr = (a: string) => internal.includes(domain(a));
    const forbidden = (a: string) => !internalAddr(a) && !PROFILE.allowedForwarding.includes(domain(a));
    const add = (checkId: string, email: string, item?: string) => out.push({ checkId, email, provider: 'google-workspace', ...(item ? { item } : {}) });
    for (const u of g.users) {
      const email = u.primaryEmail;
      const gm = u.gmail;
      for (const f of gm.filters) {
        if (f.action.forward && forbidden(f.action.forward)) add('forwarding.inbox-rule-external', email, f.id);
        if (f.action.addLabelIds?.includes('TRASH')) add('deletion.inbox-rule', email, f.id);
      }
      if (gm.autoForwarding.enabled && gm.autoForwarding.emailAddress && forbidden(gm.autoForwarding.emailAddress)) add('forwarding.mailbox-external', email);
      const primary = gm.sendAs.find((s) => s.isPrimary);
      if (!u.suspended && !PROFILE.disclaimerExempt.includes(email) && !normalise(primary?.signature ?? '').includes(PROFILE.phrase)) add('disclaimer.missing', email);
      for (const m of gm.messages.filter((x) => x.labelIds.includes('SENT') && inWindow(Number(x.internalDate)))) {
        if (m.attachments.reduce((s, a) => s + a.size, 0) > PROFILE.limit) add('attachments.oversize', email, m.id);
        if (new Set([...addressesIn(m.headers.To), ...addressesIn(m.headers.Cc)].filter((x) => !internalAddr(x))).size > PROFILE.maxExposed) add('recipients.exposed', email, m.id);
      }
      const dates = [...gm.bulk.map((b) => Number(b.internalDate)), ...gm.messages.map((m) => Number(m.internalDate))];
      if (!PROFILE.holdExempt.includes(email) && dates.some((d) => d < cutoff.getTime())) add('retention.overdue', email);
      if (!u.suspended && !PROFILE.protectedAccounts.includes(email)) {
        const last = Date.parse(u.lastLoginTime);
        const seen = last === 0 ? Date.parse(u.creationTime) : last;
        if (now - seen > PROFILE.dormantDays * DAY) add('accounts.dormant', email);
        const employeeId = u.externalIds.find((x) => x.type === 'organization')?.value ?? null;
        if (isLeaver(employeeId, email)) add('accounts.leaver-active', email);
      }
    }
  }
  return out;
}

describe('expected findings match the README rules applied to the rendered school', () => {
  const cases: GenerateOptions[] = [
    { mailboxes: 20, seed: 1 },
    { mailboxes: 20, seed: 2 },
    { mailboxes: 20, seed: 3 },
    { mailboxes: 150, seed: 42 },
    { mailboxes: 600, seed: -7 },
    { mailboxes: 40, seed: 5, microsoftDisclaimer: 'none', providers: ['microsoft365'] },
    { mailboxes: 40, seed: 6, providers: ['google-workspace'], now: '2027-03-01T12:00:00Z' },
  ];
  for (const options of cases) {
    it(JSON.stringify(options), () => {
      const fixture = fixtureSchema.parse(generateFixture(options));
      const oracle = audit(fixture, generateHrFeed(options)).map(expectedKey).sort();
      const expected = (fixture.expected ?? []).map(expectedKey).sort();
      expect(new Set(expected).size).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(20);
      expect(oracle).toEqual(expected);
    });
  }
});
