import type { VerifiedStaff } from '../acknowledgements/acknowledge.ts';
import { getActiveProfile } from '../../storage/profiles.ts';

export type SbmChannel = 'teams' | 'slack';
export type SbmRole = 'sbm' | 'admin';

/** Comma- or space-separated addresses (env SBM_ADMIN_EMAILS), lower-cased. */
export const parseEmailList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/[\s,]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.includes('@'));

/**
 * May this person press the School Business Manager's buttons? Decided only from who the channel
 * verified (Teams token → tenant + Entra object id → directory; Slack signature → verified email),
 * never from anything the card carries. Allowed: a conversation reference marked sbm/admin for this
 * school, the SBM named in the school's active profile, or an address in the configured admin list.
 */
export async function sbmRole(db: D1Database, who: VerifiedStaff, channel: SbmChannel, adminEmails: readonly string[]): Promise<SbmRole | null> {
  const email = who.email.toLowerCase();
  if (adminEmails.includes(email)) return 'admin';
  const ref = await db
    .prepare('SELECT role FROM conversation_refs WHERE channel = ?1 AND user_key = ?2 AND school_id = ?3')
    .bind(channel, who.userKey, who.schoolId)
    .first<{ role: string }>();
  if (ref?.role === 'admin' || ref?.role === 'sbm') return ref.role;
  const profile = await getActiveProfile(db, who.schoolId);
  if (profile?.profile.school.contacts.sbm.email.toLowerCase() === email) return 'sbm';
  return null;
}
