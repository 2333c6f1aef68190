import { describe, expect, it } from 'vitest';
import type { CheckId } from '../checks/ids.ts';
import { checkIds } from '../checks/ids.ts';
import type { CheckPolicy } from './check-policy.ts';
import { evaluateMailboxes, evaluateTenant } from './evaluate.ts';
import type { DirectoryUser, MailboxSnapshot, MailRule, TenantSnapshot } from './snapshot.ts';

const policy: CheckPolicy = {
  provider: 'microsoft365',
  internalDomains: ['oakfieldprimary.sch.uk', 'brightpath-trust.org.uk'],
  forwarding: { external: 'blocked', internal: 'allowed', allowedExternalDomains: ['oakfield-pta.org.uk'] },
  deletionRulesBlocked: true,
  disclaimer: { required: true, phrase: 'intended only for the named recipient', exemptSenders: ['head@oakfieldprimary.sch.uk'] },
  attachmentMaxBytes: 2 * 1024 * 1024,
  retention: { months: 12, holdExemptions: ['bursar@oakfieldprimary.sch.uk'] },
  dormantDays: 90,
  exposedThreshold: 5,
  protectedAccounts: ['breakglass@oakfieldprimary.sch.uk'],
  modeFor: (c) => (c === 'forwarding.inbox-rule-external' ? 'approve' : 'report'),
  actionFor: (c) => (c === 'forwarding.inbox-rule-external' ? 'disable-inbox-rule' : null),
};
const all = new Set<CheckId>(checkIds);
const now = new Date('2026-11-23T09:00:00Z');

function user(email: string, extra: Partial<DirectoryUser> = {}): DirectoryUser {
  return { id: `id-${email}`, email, displayName: email.split('@')[0] ?? email, aliases: [], employeeId: null, enabled: true, kind: 'user', isAdmin: false, lastSignInAt: '2026-11-20T08:00:00Z', signInSource: 'sign-in-activity', createdAt: '2020-01-01T00:00:00Z', ...extra };
}
function mailbox(email: string, extra: Partial<MailboxSnapshot> = {}): MailboxSnapshot {
  return { user: user(email), rules: [], mailboxForwarding: null, sendLimitBytes: null, signatures: null, sent: [], overdue: null, onHold: false, ...extra };
}
function rule(id: string, extra: Partial<MailRule>): MailRule {
  return { id, name: `Rule ${id}`, enabled: true, forwards: [], deletes: null, conditions: 'all mail', ...extra };
}
const run = (snapshots: MailboxSnapshot[]) => evaluateMailboxes(snapshots, policy, all, { now, currentStaffEmails: new Set() }).findings;

describe('forwarding rules', () => {
  it('flags only addresses outside the school, trust and allowed domains', () => {
    const findings = run([
      mailbox('a@oakfieldprimary.sch.uk', {
        rules: [
          rule('trust', { forwards: [{ address: 'x@brightpath-trust.org.uk', via: 'forward' }] }),
          rule('pta', { forwards: [{ address: 'chair@oakfield-pta.org.uk', via: 'forward' }] }),
          rule('gmail', { forwards: [{ address: 'Me@Gmail.com', via: 'redirect' }, { address: 'b@oakfieldprimary.sch.uk', via: 'redirect' }] }),
          rule('off', { enabled: false, forwards: [{ address: 'me@gmail.com', via: 'forward' }] }),
        ],
      }),
    ]).filter((f) => f.checkId === 'forwarding.inbox-rule-external');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.subject.item).toBe('gmail');
    expect(findings[0]?.evidence.externalAddresses).toEqual(['me@gmail.com']);
    expect(findings[0]?.remediation).toEqual({ available: true, action: 'disable-inbox-rule', mode: 'approve' });
  });

  it('treats sub-domains and look-alikes as outside, and ignores the smtp: prefix', () => {
    const external = (address: string) => run([mailbox('a@oakfieldprimary.sch.uk', { mailboxForwarding: { address, keepsCopy: true } })]).filter((f) => f.checkId === 'forwarding.mailbox-external');
    expect(external('x@staff.oakfieldprimary.sch.uk')).toHaveLength(1);
    expect(external('x@mybrightpath-trust.org.uk')).toHaveLength(1);
    expect(external('smtp:X@Brightpath-Trust.org.uk')).toEqual([]);
  });
});

describe('deletion, attachments, recipients, retention', () => {
  it('flags delete and move-to-Deleted-Items rules but not ordinary moves', () => {
    const findings = run([
      mailbox('a@oakfieldprimary.sch.uk', { rules: [rule('d', { deletes: 'move-to-deleted-items' }), rule('p', { deletes: 'permanent-delete' }), rule('m', {})] }),
    ]).filter((f) => f.checkId === 'deletion.inbox-rule');
    expect(findings.map((f) => [f.subject.item, f.severity])).toEqual([
      ['d', 'medium'],
      ['p', 'high'],
    ]);
  });

  it('compares attachment totals strictly above the limit', () => {
    const limit = 2 * 1024 * 1024;
    const sent = [
      { id: 'at', sentAt: '2026-11-22T10:00:00Z', visibleRecipients: [], attachmentCount: 1, attachmentBytes: limit, largestAttachmentBytes: limit },
      { id: 'over', sentAt: '2026-11-22T10:00:00Z', visibleRecipients: [], attachmentCount: 2, attachmentBytes: limit + 1, largestAttachmentBytes: limit },
    ];
    const findings = run([mailbox('a@oakfieldprimary.sch.uk', { sent })]).filter((f) => f.checkId === 'attachments.oversize');
    expect(findings.map((f) => f.subject.item)).toEqual(['over']);
  });

  it('counts only external To/Cc recipients and keeps their addresses out of the evidence', () => {
    const external = Array.from({ length: 6 }, (_, i) => `parent${i}@example.com`);
    const sent = [
      { id: 'six', sentAt: '2026-11-22T10:00:00Z', visibleRecipients: [...external, 'x@oakfieldprimary.sch.uk'], attachmentCount: 0, attachmentBytes: 0, largestAttachmentBytes: 0 },
      { id: 'five', sentAt: '2026-11-22T10:00:00Z', visibleRecipients: external.slice(0, 5), attachmentCount: 0, attachmentBytes: 0, largestAttachmentBytes: 0 },
    ];
    const findings = run([mailbox('a@oakfieldprimary.sch.uk', { sent })]).filter((f) => f.checkId === 'recipients.exposed');
    expect(findings.map((f) => f.subject.item)).toEqual(['six']);
    expect(JSON.stringify(findings[0]?.evidence)).not.toContain('parent0');
  });

  it('reports held and exempt mailboxes as exemptions, not findings', () => {
    const overdue = { count: 40, cutoff: '2025-11-23T09:00:00Z' };
    const verdict = evaluateMailboxes(
      [mailbox('a@oakfieldprimary.sch.uk', { overdue }), mailbox('held@oakfieldprimary.sch.uk', { overdue, onHold: true }), mailbox('bursar@oakfieldprimary.sch.uk', { overdue })],
      policy,
      all,
      { now, currentStaffEmails: new Set() },
    );
    expect(verdict.findings.filter((f) => f.checkId === 'retention.overdue').map((f) => f.subject.email)).toEqual(['a@oakfieldprimary.sch.uk']);
    expect(verdict.retentionExemptions.map((e) => [e.email, e.reason])).toEqual([
      ['held@oakfieldprimary.sch.uk', 'hold'],
      ['bursar@oakfieldprimary.sch.uk', 'profile-exemption'],
    ]);
  });
});

describe('dormant accounts', () => {
  it('skips shared mailboxes, disabled, protected accounts and current staff', () => {
    const old = { lastSignInAt: '2026-01-01T00:00:00Z' };
    const snapshots = [
      { ...mailbox('a@oakfieldprimary.sch.uk'), user: user('a@oakfieldprimary.sch.uk', old) },
      { ...mailbox('office@oakfieldprimary.sch.uk'), user: user('office@oakfieldprimary.sch.uk', { ...old, kind: 'shared' }) },
      { ...mailbox('gone@oakfieldprimary.sch.uk'), user: user('gone@oakfieldprimary.sch.uk', { ...old, enabled: false }) },
      { ...mailbox('leave@oakfieldprimary.sch.uk'), user: user('leave@oakfieldprimary.sch.uk', old) },
      { ...mailbox('breakglass@oakfieldprimary.sch.uk'), user: user('breakglass@oakfieldprimary.sch.uk', old) },
    ];
    const findings = evaluateMailboxes(snapshots, policy, new Set(['accounts.dormant']), { now, currentStaffEmails: new Set(['leave@oakfieldprimary.sch.uk']) }).findings;
    expect(findings.map((f) => f.subject.email)).toEqual(['a@oakfieldprimary.sch.uk']);
  });
});

describe('signature disclaimers', () => {
  it('ignores case and whitespace and exempts the headteacher', () => {
    const phrase = 'This email is  INTENDED only for the\nnamed recipient.';
    const findings = run([
      mailbox('a@oakfieldprimary.sch.uk', { signatures: [{ address: 'a@oakfieldprimary.sch.uk', text: `<p>${phrase}</p>` }] }),
      mailbox('b@oakfieldprimary.sch.uk', { signatures: [{ address: 'b@oakfieldprimary.sch.uk', text: 'Kind regards' }] }),
      mailbox('head@oakfieldprimary.sch.uk', { signatures: [{ address: 'head@oakfieldprimary.sch.uk', text: '' }] }),
    ]).filter((f) => f.checkId === 'disclaimer.missing');
    expect(findings.map((f) => f.subject.email)).toEqual(['b@oakfieldprimary.sch.uk']);
  });
});

describe('tenant checks', () => {
  const base: TenantSnapshot = {
    disclaimer: { kind: 'transport-rules', rules: [] },
    autoForwarding: { readable: true, mode: 'off', policyName: 'Default', remoteDomainsAllowing: ['*'] },
    retention: { readable: true, policies: [{ name: 'Mail 12m', months: 12, action: 'DeleteAndAllowRecovery', appliesToAll: true }] },
  };
  const users = [user('head@oakfieldprimary.sch.uk'), user('a@oakfieldprimary.sch.uk')];
  const disclaimerRule = { id: 'r1', name: 'Disclaimer', enabled: true, enforced: true, appliesToExternal: true, text: 'This email is intended only for the named recipient.', exceptFrom: ['head@oakfieldprimary.sch.uk'] };

  it('passes a working rule with exactly the exempt senders', () => {
    expect(evaluateTenant({ ...base, disclaimer: { kind: 'transport-rules', rules: [disclaimerRule] } }, users, policy, all, 't')).toEqual([]);
  });

  it('explains a rule in test mode and wrong exceptions', () => {
    const testMode = evaluateTenant({ ...base, disclaimer: { kind: 'transport-rules', rules: [{ ...disclaimerRule, enforced: false }] } }, users, policy, all, 't');
    expect(testMode[0]?.summary).toContain('test mode');
    const wrong = evaluateTenant({ ...base, disclaimer: { kind: 'transport-rules', rules: [{ ...disclaimerRule, exceptFrom: ['a@oakfieldprimary.sch.uk'] }] } }, users, policy, all, 't');
    expect(wrong[0]?.evidence).toMatchObject({ uncovered: ['a@oakfieldprimary.sch.uk'], notExempted: ['head@oakfieldprimary.sch.uk'] });
  });

  it('does not count an archive tag as retention', () => {
    const archive = { readable: true as const, policies: [{ name: '2y archive', months: 12, action: 'MoveToArchive', appliesToAll: true }] };
    expect(evaluateTenant({ ...base, retention: archive }, users, policy, new Set(['retention.policy-missing']), 't').map((f) => f.checkId)).toEqual(['retention.policy-missing']);
  });

  it('flags auto-forwarding unless the outbound policy is Off, and a missing retention policy', () => {
    const findings = evaluateTenant({ ...base, disclaimer: { kind: 'transport-rules', rules: [disclaimerRule] }, autoForwarding: { readable: true, mode: 'on', policyName: 'Default', remoteDomainsAllowing: ['*'] }, retention: { readable: true, policies: [] } }, users, policy, all, 't');
    expect(findings.map((f) => f.checkId).sort()).toEqual(['forwarding.tenant-policy', 'retention.policy-missing']);
  });
});
