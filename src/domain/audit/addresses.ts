/**
 * Address helpers shared by the checks. Domains match exactly: a sub-domain or look-alike
 * (staff.school.uk, myschool.uk) is outside unless the profile or the tenant lists it.
 */

export function domainOf(address: string): string {
  const bare = address.trim().replace(/^smtp:/i, '');
  const at = bare.lastIndexOf('@');
  return at === -1 ? '' : bare.slice(at + 1).toLowerCase();
}

export function inDomains(address: string, domains: readonly string[]): boolean {
  const d = domainOf(address);
  if (!d) return false;
  return domains.some((allowed) => d === allowed.toLowerCase());
}

export const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export const listIncludes = (list: readonly string[], address: string): boolean => list.some((x) => sameAddress(x, address));

/** Where a forward goes, as the policy sees it. */
export function forwardTarget(
  address: string,
  policy: { internalDomains: string[]; forwarding: { allowedExternalDomains: string[] } },
): 'internal' | 'allowed-external' | 'external' {
  if (inDomains(address, policy.internalDomains)) return 'internal';
  if (inDomains(address, policy.forwarding.allowedExternalDomains)) return 'allowed-external';
  return 'external';
}

/** Collapses whitespace and case so a disclaimer phrase matches however it was typed or wrapped in HTML. */
export function normaliseText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
