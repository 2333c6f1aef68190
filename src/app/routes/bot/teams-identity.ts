import type { VerifiedStaff } from '../../../domain/acknowledgements/index.ts';
import { referenceFrom, tenantOf, type Activity } from '../../../../connectors/teams/index.ts';
import { staffByTenantUser, upsertConversationRef } from '../../../storage/conversation-refs.ts';

/**
 * Who sent a verified Teams activity: the school whose Microsoft 365 connection is the activity's
 * tenant, and the person in that school's directory with the sender's Entra object id.
 */
export async function teamsStaff(db: D1Database, activity: Activity): Promise<VerifiedStaff | null> {
  const tenantId = tenantOf(activity);
  const aad = activity.from.aadObjectId;
  if (!tenantId || !aad) return null;
  const staff = await staffByTenantUser(db, tenantId, aad);
  return staff ? { schoolId: staff.schoolId, email: staff.email, userKey: aad } : null;
}

/** Keeps where to reach the person fresh; only known staff are stored (a reference belongs to a school). */
export async function rememberTeamsReference(db: D1Database, who: VerifiedStaff | null, activity: Activity, now: Date): Promise<void> {
  const reference = referenceFrom(activity);
  if (!who || !reference) return;
  await upsertConversationRef(db, { schoolId: who.schoolId, channel: 'teams', userKey: who.userKey, email: who.email, reference }, now);
}
