/**
 * The demo school's policy facts, exactly as profiles/demo-school.yaml states them. The generator
 * builds violations against these numbers, so they live in one place.
 */
export const school = {
  name: 'Oakfield Primary School',
  domain: 'oakfieldprimary.sch.uk',
  trustDomain: 'brightpath-trust.org.uk',
  /** A domain alias of the tenant itself (not in the profile): internal because the tenant owns it. */
  aliasDomain: 'oakfield.sch.uk',
  allowedForwardingDomain: 'oakfield-pta.org.uk',
  disclaimerPhrase: 'intended only for the named recipient',
  headteacher: 'head@oakfieldprimary.sch.uk',
  bursar: 'bursar@oakfieldprimary.sch.uk',
  protectedAccounts: ['breakglass@oakfieldprimary.sch.uk', 'it-admin@oakfieldprimary.sch.uk'],
  sharedMailboxes: ['office@oakfieldprimary.sch.uk', 'admissions@oakfieldprimary.sch.uk', 'finance@oakfieldprimary.sch.uk'],
  attachmentLimitBytes: 2_097_152,
  retentionMonths: 12,
  dormantDays: 90,
  exposedRecipientsMax: 5,
  /** Sent-mail checks (oversize, exposed) look at messages sent in this many days before `now`. */
  auditWindowDays: 7,
} as const;

export const defaultNow = '2026-11-23T09:00:00Z';

/** Exchange Online's organisation default MaxSendSize (35 MB), what a null mailbox value means. */
export const exchangeDefaultMaxSendBytes = 36_700_160;

export const DAY_MS = 86_400_000;

/** The domains a correct audit treats as internal: the profile's two plus the tenant's own alias. */
export function isInternalAddress(address: string): boolean {
  const domain = domainOf(address);
  return domain === school.domain || domain === school.trustDomain || domain === school.aliasDomain;
}

/** Forwarding is allowed to internal domains and to the profile's allowed external domain. */
export function isForbiddenForwardTarget(address: string): boolean {
  return !isInternalAddress(address) && domainOf(address) !== school.allowedForwardingDomain;
}

export function domainOf(address: string): string {
  const bare = address.replace(/^smtp:/i, '');
  return bare.slice(bare.lastIndexOf('@') + 1).toLowerCase();
}

/** `now` minus whole calendar months, in UTC (12 months before 2026-11-23T09:00Z is 2025-11-23T09:00Z). */
export function monthsBefore(nowMs: number, months: number): number {
  const d = new Date(nowMs);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}
