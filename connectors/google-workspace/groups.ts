import { admin } from '@googleapis/admin';
import { z } from 'zod';
import type { GroupMember } from '../../src/domain/ports/tenant-connector.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { apiFetch, NO_RETRY, rootUrl, viaClient, type ApiAuth } from './api-client.ts';
import type { GoogleContext } from './context.ts';
import { SCOPE } from './scopes.ts';

const membersPageSchema = z
  .object({
    members: z
      .array(z.object({ id: z.string().min(1).optional(), email: z.string().optional(), type: z.string().optional(), status: z.string().optional() }).passthrough())
      .default([]),
    nextPageToken: z.string().optional(),
  })
  .passthrough();

/**
 * members.list with `includeDerivedMembership`, so members of nested groups come back too (the
 * nested groups themselves are listed as type GROUP and left out, as are customers and external
 * addresses without an id in this domain). 200 is the API's page maximum.
 */
export async function readGroupMembers(ctx: GoogleContext, groupEmail: string): Promise<Result<GroupMember[]>> {
  const groupKey = groupEmail.trim().toLowerCase();
  const directory = (auth: ApiAuth) =>
    admin({ version: 'directory_v1', auth, rootUrl: rootUrl(ctx.config.endpoints.admin), fetchImplementation: apiFetch(ctx.core) });
  const found: GroupMember[] = [];
  let pageToken: string | undefined;
  do {
    const query = { groupKey, includeDerivedMembership: true, maxResults: 200, ...(pageToken ? { pageToken } : {}) };
    const page = await viaClient(
      ctx.core,
      { service: 'Directory', subject: ctx.config.adminSubject, scope: SCOPE.groupMembersRead, what: `the group ${groupKey}` },
      (auth) => directory(auth).members.list(query, NO_RETRY),
    );
    if (!page.ok) return page.error.code === 'not_found' ? err('not_found', `Google Workspace has no group with the address ${groupKey}`) : page;
    const parsed = membersPageSchema.safeParse(page.value.body);
    if (!parsed.success) return err('upstream_failed', 'the Directory API answered members.list in an unexpected shape');
    for (const m of parsed.data.members) {
      if (m.type !== 'USER' || !m.id || !m.email) continue;
      found.push({ id: m.id, email: m.email.toLowerCase(), enabled: m.status !== 'SUSPENDED' });
    }
    pageToken = parsed.data.nextPageToken;
  } while (pageToken);
  // A person in two nested groups is listed once per path.
  return ok([...new Map(found.map((m) => [m.id, m])).values()]);
}
