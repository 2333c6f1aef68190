import type { SimContext } from '../core/context.ts';
import type { MsUser } from '../fixture/microsoft.ts';
import { isGone } from './state.ts';

/** Finds a user by object id or UPN (case-insensitive), as `/users/{id|userPrincipalName}` does. */
export function findUser(ctx: SimContext, ref: string): MsUser | undefined {
  const key = decodeURIComponent(ref).toLowerCase();
  return ctx.fixture.microsoft?.users.find((u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
}

/** Users the directory still lists: not deleted mid-run. */
export function liveUsers(ctx: SimContext): MsUser[] {
  return (ctx.fixture.microsoft?.users ?? []).filter((u) => !isGone(ctx, u));
}

export function defaultDomain(ctx: SimContext): string {
  return ctx.fixture.microsoft?.domains[0] ?? ctx.fixture.school.domains[0] ?? 'example.org';
}
