import type { VerifiedStaff } from '../../../domain/acknowledgements/index.ts';
import { slackUserKey, type SlackApi } from '../../../../connectors/slack/index.ts';
import { getConversationRef, staffByEmail, upsertConversationRef } from '../../../storage/conversation-refs.ts';

/** A cached email is re-read from Slack after this long (people change address; accounts are reused). */
const EMAIL_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Who sent a verified Slack request: their workspace email (users.info, cached in conversation_refs)
 * matched to exactly one school's directory.
 */
export async function slackStaff(db: D1Database, api: SlackApi, teamId: string, userId: string, now: Date): Promise<VerifiedStaff | null> {
  const userKey = slackUserKey(teamId, userId);
  const cached = await getConversationRef(db, 'slack', userKey);
  let email = cached?.email && now.getTime() - Date.parse(cached.updatedAt) < EMAIL_TTL_MS ? cached.email : null;
  const fresh = !email;
  if (!email) {
    const looked = await api.userEmail(userId);
    if (!looked.ok) throw new Error(`users.info failed: ${looked.error.message}`);
    email = looked.value;
  }
  if (!email) return null;
  const staff = await staffByEmail(db, email);
  if (!staff) return null;
  // The reference itself never changes for Slack; it is rewritten when the email was re-read, so
  // updated_at says how old the cached email is.
  if (fresh) await upsertConversationRef(db, { schoolId: staff.schoolId, channel: 'slack', userKey, email: staff.email, reference: { teamId, userId } }, now);
  return { schoolId: staff.schoolId, email: staff.email, userKey };
}
