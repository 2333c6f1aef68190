import type { SimContext } from '../core/context.ts';
import type { GoogleDomain, GoogleUser } from '../fixture/google.ts';

/** The fixture's Google side; routes are only mounted usefully when it exists. */
export function domainOf(ctx: SimContext): GoogleDomain | undefined {
  return ctx.fixture.google;
}

/** Resolves a Directory `userKey` (unique id, primary email or alias), case-insensitively for emails. */
export function findUser(domain: GoogleDomain, key: string): GoogleUser | undefined {
  const k = key.toLowerCase();
  return domain.users.find((u) => u.id === key || u.primaryEmail.toLowerCase() === k || u.aliases.some((a) => a.toLowerCase() === k));
}

export function isGone(ctx: SimContext, user: GoogleUser): boolean {
  return ctx.gate.isDeleted(user.primaryEmail);
}

/**
 * Addresses a user gets automatically at the domain's alias domains (`local@alias`), which the
 * real API lists in `nonEditableAliases`. The fixture does not say which extra domains are aliases
 * and which are secondary domains, so every extra domain is treated as an alias of the primary
 * (added by the Google connector's helper so it can learn the tenant's own domains).
 */
function nonEditableAliases(user: GoogleUser, domain: GoogleDomain): { nonEditableAliases?: string[] } {
  const at = user.primaryEmail.lastIndexOf('@');
  const [primary, ...aliasDomains] = domain.domains;
  if (!primary || user.primaryEmail.slice(at + 1).toLowerCase() !== primary.toLowerCase() || aliasDomains.length === 0) return {};
  return { nonEditableAliases: aliasDomains.map((d) => `${user.primaryEmail.slice(0, at)}@${d}`) };
}

/** A user as `admin#directory#user` (projection basic and full look the same: no custom schemas). */
export function toDirectoryUser(user: GoogleUser, domain: GoogleDomain): Record<string, unknown> {
  return {
    kind: 'admin#directory#user',
    id: user.id,
    etag: `"sim-${user.id}"`,
    primaryEmail: user.primaryEmail,
    name: user.name,
    isAdmin: user.isAdmin,
    isDelegatedAdmin: false,
    lastLoginTime: user.lastLoginTime,
    creationTime: user.creationTime,
    agreedToTerms: true,
    suspended: user.suspended,
    ...(user.suspended ? { suspensionReason: 'ADMIN' } : {}),
    archived: false,
    changePasswordAtNextLogin: false,
    ipWhitelisted: false,
    emails: [{ address: user.primaryEmail, primary: true }, ...user.aliases.map((address) => ({ address }))],
    // The real API omits empty repeated fields rather than sending [].
    ...(user.aliases.length > 0 ? { aliases: user.aliases } : {}),
    ...nonEditableAliases(user, domain),
    ...(user.externalIds.length > 0 ? { externalIds: user.externalIds } : {}),
    customerId: domain.customerId,
    orgUnitPath: user.orgUnitPath,
    isMailboxSetup: true,
    isEnrolledIn2Sv: false,
    isEnforcedIn2Sv: false,
    includeInGlobalAddressList: true,
  };
}
