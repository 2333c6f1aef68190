/** Addresses the HR feed says belong to current staff or starters (a dormant account of theirs is not a zombie). */
export async function currentStaffEmails(db: D1Database, schoolId: string): Promise<Set<string>> {
  const { results } = await db
    .prepare("SELECT lower(email) AS email FROM hr_staff WHERE school_id = ?1 AND status IN ('current', 'starter') AND email IS NOT NULL")
    .bind(schoolId)
    .all<{ email: string }>();
  return new Set(results.map((r) => r.email));
}
