import { z } from 'zod';
import type { GroupMember } from '../../src/domain/ports/tenant-connector.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import type { MsContext } from './context.ts';

/** Least privilege for both calls: finding the group and listing its transitive members. */
export const GROUP_MEMBER_READ = 'GroupMember.Read.All';

const groupSchema = z.object({ id: z.string().min(1), mail: z.string().nullable().optional() }).passthrough();
const memberSchema = z
  .object({ id: z.string().min(1), mail: z.string().nullable().optional(), userPrincipalName: z.string().nullable().optional(), accountEnabled: z.boolean().nullable().optional() })
  .passthrough();

/** OData string literal: a quote inside is doubled. */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The group by its mail address, then `transitiveMembers` cast to users: nested groups are
 * flattened by Graph, and devices or contacts in the group are left out by the cast itself.
 */
export async function readGroupMembers(ctx: MsContext, groupEmail: string): Promise<Result<GroupMember[]>> {
  const address = groupEmail.trim().toLowerCase();
  const groups = await ctx.graph.getAll(`/groups?$filter=${encodeURIComponent(`mail eq ${literal(address)}`)}&$select=id,mail`, groupSchema, {
    what: `find the group ${address}`,
    permission: GROUP_MEMBER_READ,
  });
  if (!groups.ok) return groups;
  const group = groups.value.items[0];
  if (!group) return err('not_found', `Microsoft 365 has no group with the address ${address}`);
  const members = await ctx.graph.getAll(
    `/groups/${encodeURIComponent(group.id)}/transitiveMembers/microsoft.graph.user?$select=id,mail,userPrincipalName,accountEnabled&$top=999`,
    memberSchema,
    { what: `list the members of ${address}`, permission: GROUP_MEMBER_READ },
  );
  if (!members.ok) return members;
  return ok(
    members.value.items.flatMap((m) => {
      const email = (m.mail ?? m.userPrincipalName ?? '').toLowerCase();
      return email ? [{ id: m.id, email, enabled: m.accountEnabled !== false }] : [];
    }),
  );
}
