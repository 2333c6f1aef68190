export interface SbmRecipient {
  userKey: string;
  email: string | null;
  reference: unknown;
}

/**
 * Who gets a school's Monday card in its bot channel: conversation references marked sbm or admin,
 * the SBM named in the active profile and the configured admins — each only once they have talked
 * to the bot (a reference is where to reach them). Newest reference per person.
 */
export async function sbmRecipients(db: D1Database, schoolId: string, channel: 'teams' | 'slack', adminEmails: readonly string[]): Promise<SbmRecipient[]> {
  const { results } = await db
    .prepare(
      `SELECT r.user_key, r.email, r.reference_json FROM conversation_refs r
       LEFT JOIN schools s ON s.id = r.school_id LEFT JOIN policy_profiles p ON p.id = s.active_profile_id
       WHERE r.school_id = ?1 AND r.channel = ?2 AND (
         r.role IN ('sbm', 'admin')
         OR r.email IN (SELECT value FROM json_each(?3))
         OR (r.email IS NOT NULL AND r.email = lower(json_extract(p.profile_json, '$.school.contacts.sbm.email'))))
       ORDER BY r.updated_at DESC`,
    )
    .bind(schoolId, channel, JSON.stringify(adminEmails))
    .all<{ user_key: string; email: string | null; reference_json: string }>();
  const seen = new Set<string>();
  const out: SbmRecipient[] = [];
  for (const r of results) {
    const key = r.email ?? r.user_key;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ userKey: r.user_key, email: r.email, reference: JSON.parse(r.reference_json) as unknown });
  }
  return out;
}
