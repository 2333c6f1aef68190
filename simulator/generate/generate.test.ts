import { describe, expect, it } from 'vitest';
import { checkIds } from '../../src/domain/checks/ids.ts';
import { fixtureSchema } from '../fixture/schema.ts';
import { buildPlan, generateFixture, generateHrFeed, hrFeedColumns, shareCount } from './index.ts';

const googleChecks = checkIds.filter((c) => !['attachments.limit-config', 'forwarding.tenant-policy', 'retention.policy-missing'].includes(c));

describe('generateFixture', () => {
  it('is byte-identical for the same options and differs for another seed', () => {
    const a = JSON.stringify(generateFixture({ mailboxes: 60, seed: 11 }));
    const b = JSON.stringify(generateFixture({ mailboxes: 60, seed: 11, providers: ['google-workspace', 'microsoft365'] }));
    const c = JSON.stringify(generateFixture({ mailboxes: 60, seed: 12 }));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(generateHrFeed({ mailboxes: 60, seed: 11 })).toBe(generateHrFeed({ mailboxes: 60, seed: 11 }));
  });

  it('parses with the fixture schema and pins now, realism and the school', () => {
    const raw = generateFixture({ mailboxes: 25, seed: 3, realism: { throttleRate: 0.1 } });
    const f = fixtureSchema.parse(raw);
    expect(f.now).toBe('2026-11-23T09:00:00.000Z');
    expect(f.realism).toMatchObject({ throttleRate: 0.1, seed: 3 });
    expect(f.school).toEqual({ name: 'Oakfield Primary School', domains: ['oakfieldprimary.sch.uk', 'brightpath-trust.org.uk'] });
    expect(f.microsoft?.users).toHaveLength(25);
    expect(f.google?.users).toHaveLength(25);
    expect(f.microsoft?.apps[0]).toMatchObject({ clientSecret: 'sim-client-secret' });
    expect(f.microsoft?.apps[0]?.certificate?.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(f.google?.serviceAccounts[0]?.publicKeyPem).toContain('BEGIN PUBLIC KEY');
  });

  it('renders only the providers asked for, and lists only their findings', () => {
    const ms = fixtureSchema.parse(generateFixture({ mailboxes: 30, seed: 4, providers: ['microsoft365'] }));
    expect(ms.google).toBeUndefined();
    expect(new Set(ms.expected?.map((e) => e.provider))).toEqual(new Set(['microsoft365']));
    const g = fixtureSchema.parse(generateFixture({ mailboxes: 30, seed: 4, providers: ['google-workspace'] }));
    expect(g.microsoft).toBeUndefined();
    expect(new Set(g.expected?.map((e) => e.provider))).toEqual(new Set(['google-workspace']));
  });

  it('uses the certificate and service account it is given', () => {
    const f = fixtureSchema.parse(
      generateFixture({
        mailboxes: 20,
        seed: 1,
        certificate: { publicKeyPem: 'PEM-A', thumbprintSha256: 'thumb' },
        serviceAccount: { clientEmail: 'sa@example.iam.gserviceaccount.com', publicKeyPem: 'PEM-B', privateKeyId: 'k1' },
      }),
    );
    expect(f.microsoft?.apps[0]?.certificate).toEqual({ publicKeyPem: 'PEM-A', thumbprintSha256: 'thumb' });
    expect(f.google?.serviceAccounts).toEqual([{ clientEmail: 'sa@example.iam.gserviceaccount.com', publicKeyPem: 'PEM-B', privateKeyId: 'k1' }]);
  });

  it('refuses a school too small for its tricky cases', () => {
    expect(() => generateFixture({ mailboxes: 19, seed: 1 })).toThrow(RangeError);
    expect(() => generateFixture({ mailboxes: 20.5, seed: 1 })).toThrow(RangeError);
  });

  for (const seed of [1, 2, 3, 4, 5, 99]) {
    it(`has at least one positive for every check at N=20 (seed ${seed})`, () => {
      const f = generateFixture({ mailboxes: 20, seed });
      const seen = (provider: string) => new Set(f.expected?.filter((e) => e.provider === provider).map((e) => e.checkId));
      expect([...seen('microsoft365')].sort()).toEqual([...checkIds].sort());
      expect([...seen('google-workspace')].sort()).toEqual([...googleChecks].sort());
    });
  }

  it('keeps the documented shares at N=2000', () => {
    const f = generateFixture({ mailboxes: 2000, seed: 2026 });
    const people = 2000 - 5;
    const count = (checkId: string, provider = 'microsoft365') => f.expected?.filter((e) => e.checkId === checkId && e.provider === provider).length ?? 0;
    const within = (checkId: string, share: number, provider?: string) => {
      const actual = count(checkId, provider) / people;
      expect(Math.abs(actual - share), `${checkId}: ${actual}`).toBeLessThan(0.005);
    };
    within('forwarding.inbox-rule-external', 0.03);
    within('forwarding.mailbox-external', 0.02);
    within('deletion.inbox-rule', 0.02);
    within('attachments.oversize', 0.04);
    within('recipients.exposed', 0.05);
    within('retention.overdue', 0.2);
    within('accounts.dormant', 0.03);
    within('accounts.leaver-active', 0.01);
    within('attachments.limit-config', 0.12);
    within('disclaimer.missing', 0.08, 'google-workspace');
    expect(shareCount('overdueMail', people)).toBe(399);
    const plan = buildPlan({ mailboxes: 2000, seed: 2026 });
    const disabled = plan.accounts.filter((a) => !a.enabled).length / people;
    expect(Math.abs(disabled - 0.03)).toBeLessThan(0.005);
  });

  it('gives every account, rule, filter, folder and message a unique id', () => {
    const f = fixtureSchema.parse(generateFixture({ mailboxes: 800, seed: 8 }));
    const unique = (xs: string[]) => expect(new Set(xs).size).toBe(xs.length);
    const ms = f.microsoft?.users ?? [];
    const g = f.google?.users ?? [];
    unique(ms.map((u) => u.id));
    unique(ms.map((u) => u.userPrincipalName.toLowerCase()));
    unique(ms.flatMap((u) => (u.employeeId ? [u.employeeId] : [])));
    unique(ms.flatMap((u) => u.mailbox?.inboxRules.map((r) => r.id) ?? []));
    unique(ms.flatMap((u) => u.mailbox?.messages.map((m) => m.id) ?? []));
    unique(ms.flatMap((u) => u.mailbox?.folders.map((x) => x.id) ?? []));
    unique(g.map((u) => u.id));
    unique(g.map((u) => u.primaryEmail.toLowerCase()));
    unique(g.flatMap((u) => u.gmail.filters.map((x) => x.id)));
    unique(g.flatMap((u) => u.gmail.messages.map((m) => m.id)));
    for (const u of ms) {
      const folders = new Set(u.mailbox?.folders.map((x) => x.id));
      for (const m of u.mailbox?.messages ?? []) expect(folders.has(m.folderId)).toBe(true);
      for (const b of u.mailbox?.bulk ?? []) expect(folders.has(b.folderId)).toBe(true);
    }
    expect(ms.map((u) => u.userPrincipalName)).toEqual(g.map((u) => u.primaryEmail));
  });

  it('writes an HR feed with the agreed columns and dd/mm/yyyy dates', () => {
    const csv = generateHrFeed({ mailboxes: 40, seed: 9 });
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe(hrFeedColumns.join(','));
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const cells = row.split(',');
      expect(cells).toHaveLength(7);
      expect(cells[0]).toMatch(/^E\d{4}$/);
      expect(cells[4]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(cells[5]).toMatch(/^(\d{2}\/\d{2}\/\d{4})?$/);
      expect(['Active', 'Leaving', 'Left']).toContain(cells[6]);
    }
    expect(rows.some((r) => r.endsWith(',Left'))).toBe(true);
  });

  it('stays compact at 5,000 mailboxes', () => {
    const json = JSON.stringify(generateFixture({ mailboxes: 5000, seed: 5 }));
    // Old mail is `bulk` counts: about 3.5 KB per mailbox for both providers together.
    expect(json.length).toBeLessThan(5000 * 4500);
    expect(json.length).toBeGreaterThan(5000 * 1000);
  }, 120_000);
});
