import type { FixtureInput } from '../fixture/schema.ts';
import type { Realism } from '../fixture/realism.ts';
import type { msUserSchema } from '../fixture/microsoft.ts';
import type { z } from 'zod';

type UserInput = z.input<typeof msUserSchema>;

export const TENANT_ID = '6a1f0000-0000-4000-8000-00000000c0de';
export const SECRET_APP = { clientId: 'app-secret', clientSecret: 's3cret-value' };
export const CERT_APP_ID = 'app-cert';
export const DOMAIN = 'oakfield.sch.uk';

const user = (n: number, extra: Partial<UserInput> = {}): UserInput => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  userPrincipalName: `user${n}@${DOMAIN}`,
  mail: `user${n}@${DOMAIN}`,
  displayName: `User ${n}`,
  createdDateTime: `2024-0${(n % 9) + 1}-01T09:00:00Z`,
  proxyAddresses: [`SMTP:user${n}@${DOMAIN}`, `smtp:u${n}@staff.${DOMAIN}`],
  employeeId: `E${n}`,
  assignedLicenses: ['94763226-9b3c-4e75-a931-5c89701abe66'],
  signInActivity: { lastSignInDateTime: '2026-10-01T08:00:00Z' },
  mailbox: {},
  ...extra,
});

/** A small school tenant for the Microsoft simulator tests; `users` extra users are plain staff. */
export function msFixture(options: { realism?: Partial<Realism>; users?: number; certificate?: { publicKeyPem: string; thumbprintSha256: string }; premium?: boolean } = {}): FixtureInput {
  const extraUsers = Array.from({ length: options.users ?? 0 }, (_, i) => user(100 + i));
  return {
    fixtureVersion: 1,
    school: { name: 'Oakfield Primary', domains: [DOMAIN] },
    now: '2026-11-20T12:00:00Z',
    realism: { mailboxConcurrency: 4, ...options.realism },
    microsoft: {
      tenantId: TENANT_ID,
      domains: [DOMAIN],
      premiumSignInActivity: options.premium ?? true,
      apps: [SECRET_APP, ...(options.certificate ? [{ clientId: CERT_APP_ID, certificate: options.certificate }] : [])],
      users: [
        user(1, {
          jobTitle: 'Teacher',
          mailbox: {
            forwardingSmtpAddress: 'smtp:someone@gmail.com',
            deliverToMailboxAndForward: true,
            inboxRules: [
              { id: 'rule-1', displayName: 'Forward everything', actions: { forwardTo: [{ emailAddress: { address: 'me@gmail.com' } }] } },
              { id: 'rule-2', displayName: 'Bin newsletters', conditions: { senderContains: ['news'] }, actions: { delete: true } },
            ],
            messages: [
              { id: 'm-1', folderId: 'sentitems', subject: 'Report', from: `user1@${DOMAIN}`, toRecipients: ['parent@example.org'], sentDateTime: '2026-11-01T10:00:00Z', receivedDateTime: '2026-11-01T10:00:00Z', attachments: [{ name: 'report.pdf', size: 3_000_000 }] },
              { id: 'm-2', folderId: 'sentitems', subject: 'Hello', from: `user1@${DOMAIN}`, toRecipients: ['a@example.org'], sentDateTime: '2026-10-01T10:00:00Z', receivedDateTime: '2026-10-01T10:00:00Z' },
              { id: 'm-3', folderId: 'inbox', subject: 'Welcome', from: 'head@example.org', toRecipients: [`user1@${DOMAIN}`], sentDateTime: '2026-09-01T10:00:00Z', receivedDateTime: '2026-09-01T10:00:00Z' },
            ],
            bulk: [{ folderId: 'inbox', receivedDateTime: '2024-01-10T10:00:00Z', count: 25 }],
          },
        }),
        user(2, { accountEnabled: false, employeeId: 'LEAVER-2', signInActivity: null }),
        user(3, { userType: 'Guest', mail: null, userPrincipalName: `guest_example.org#EXT#@${DOMAIN}`, proxyAddresses: [], mailbox: null, assignedLicenses: [] }),
        user(4, { mailbox: { type: 'SharedMailbox' }, assignedLicenses: [], signInActivity: null }),
        user(5, { createdDateTime: '2025-09-01T09:00:00Z' }),
        ...extraUsers,
      ],
      transportRules: [
        { Guid: '11111111-1111-4111-8111-111111111111', Name: 'School disclaimer', FromScope: 'InOrganization', SentToScope: 'NotInOrganization', ApplyHtmlDisclaimerText: '<p>Confidential</p>', ApplyHtmlDisclaimerLocation: 'Append', ApplyHtmlDisclaimerFallbackAction: 'Wrap' },
      ],
      retentionPolicies: [{ Name: 'Default MRM Policy', IsDefault: true, RetentionPolicyTagLinks: ['1 Year Delete'] }],
      retentionPolicyTags: [{ Name: '1 Year Delete', AgeLimitForRetention: 365 }],
      activeUserReport: [{ userPrincipalName: `user2@${DOMAIN}`, lastActivityDate: '2026-03-01' }],
    },
  };
}

export const userId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
