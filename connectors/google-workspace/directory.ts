import { admin } from '@googleapis/admin';
import { domainOf } from '../../src/domain/audit/addresses.ts';
import type { DirectoryUser } from '../../src/domain/audit/snapshot.ts';
import type { DirectoryPage } from '../../src/domain/ports/tenant-connector.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { apiFetch, NO_RETRY, rootUrl, viaClient, type ApiAuth } from './api-client.ts';
import type { GoogleContext } from './context.ts';
import { SCOPE } from './scopes.ts';
import { usersPageSchema, type WireUser } from './wire.ts';

/** The Directory API reports "never signed in" as the epoch. */
const NEVER = Date.UTC(1971, 0, 1);

function signIn(lastLoginTime: string | undefined): string | null {
  if (!lastLoginTime) return null;
  const at = Date.parse(lastLoginTime);
  return Number.isNaN(at) || at < NEVER ? null : new Date(at).toISOString();
}

export function toDirectoryUser(u: WireUser): DirectoryUser {
  const created = u.creationTime ? Date.parse(u.creationTime) : NaN;
  return {
    id: u.id,
    email: u.primaryEmail.toLowerCase(),
    displayName: u.name?.fullName ?? ([u.name?.givenName, u.name?.familyName].filter(Boolean).join(' ') || u.primaryEmail),
    aliases: [...(u.aliases ?? []), ...(u.nonEditableAliases ?? [])].map((a) => a.toLowerCase()),
    employeeId: u.externalIds?.find((x) => x.type === 'organization')?.value ?? null,
    enabled: u.suspended !== true && u.archived !== true,
    // Google has no shared or room mailboxes: a "shared" address is an ordinary account or a group.
    kind: 'user',
    isAdmin: u.isAdmin === true,
    lastSignInAt: signIn(u.lastLoginTime),
    signInSource: 'last-login-time',
    createdAt: Number.isNaN(created) ? null : new Date(created).toISOString(),
  };
}

/**
 * Users list, 500 per page, acting as the configured admin. Google has no delta query, so every
 * read is full. The tenant's own domains (primary, secondary and alias domains) come from the
 * addresses users hold (`nonEditableAliases` carries alias-domain addresses), which needs no scope
 * beyond the users read.
 */
export async function readDirectory(ctx: GoogleContext): Promise<Result<DirectoryPage>> {
  const directory = (auth: ApiAuth) =>
    admin({ version: 'directory_v1', auth, rootUrl: rootUrl(ctx.config.endpoints.admin), fetchImplementation: apiFetch(ctx.core) });
  const changed: DirectoryUser[] = [];
  const domains = new Set<string>([ctx.config.domain.toLowerCase()]);
  let pageToken: string | undefined;
  do {
    const query = { customer: ctx.config.customerId, projection: 'full', maxResults: 500, orderBy: 'email', ...(pageToken ? { pageToken } : {}) };
    const page = await viaClient(
      ctx.core,
      { service: 'Directory', subject: ctx.config.adminSubject, scope: SCOPE.directoryRead, what: 'list the users in the Google Workspace directory' },
      (auth) => directory(auth).users.list(query, NO_RETRY),
    );
    if (!page.ok) return page;
    const parsed = usersPageSchema.safeParse(page.value.body);
    if (!parsed.success) return err('upstream_failed', 'the Directory API answered users.list in an unexpected shape');
    for (const u of parsed.data.users) {
      changed.push(toDirectoryUser(u));
      for (const address of [u.primaryEmail, ...(u.aliases ?? []), ...(u.nonEditableAliases ?? [])]) {
        const domain = domainOf(address);
        if (domain) domains.add(domain);
      }
    }
    pageToken = parsed.data.nextPageToken;
  } while (pageToken);
  return ok({ changed, removed: [], cursor: null, full: true, domains: [...domains].sort() });
}
