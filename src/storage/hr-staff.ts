/** Addresses the HR feed says belong to current staff or starters (a dormant account of theirs is not a zombie). */
export async function currentStaffEmails(db: D1Database, schoolId: string): Promise<Set<string>> {
  const { results } = await db
    .prepare("SELECT lower(email) AS email FROM hr_staff WHERE school_id = ?1 AND status IN ('current', 'starter') AND email IS NOT NULL")
    .bind(schoolId)
    .all<{ email: string }>();
  return new Set(results.map((r) => r.email));
}

export interface HrStaffRow {
  employeeId: string;
  email: string | null;
  displayName: string | null;
  status: 'current' | 'starter' | 'leaver';
  startDate: string | null;
  leaveDate: string | null;
  leaveAt: string | null;
}

/**
 * Upserts everyone an import mentions in one statement (a 2,000-row roster is still one query);
 * people it does not mention are left as they were.
 */
export function upsertStaffStatement(
  db: D1Database,
  schoolId: string,
  rows: readonly { employeeId: string; email: string | null; displayName: string | null; status: HrStaffRow['status']; startDate: string | null; leaveDate: string | null; leaveAt: string | null }[],
  importId: string,
  now: Date,
): D1PreparedStatement {
  const payload = rows.map((r) => ({ employeeId: r.employeeId, email: r.email?.toLowerCase() ?? null, displayName: r.displayName, status: r.status, startDate: r.startDate, leaveDate: r.leaveDate, leaveAt: r.leaveAt }));
  return db
    .prepare(
      `INSERT INTO hr_staff (school_id, employee_id, email, display_name, status, start_date, leave_at, leave_date, last_import_id, updated_at)
       SELECT ?1, json_extract(value, '$.employeeId'), json_extract(value, '$.email'), json_extract(value, '$.displayName'), json_extract(value, '$.status'),
         json_extract(value, '$.startDate'), json_extract(value, '$.leaveAt'), json_extract(value, '$.leaveDate'), ?3, ?4
       FROM json_each(?2) WHERE true
       ON CONFLICT (school_id, employee_id) DO UPDATE SET email = excluded.email, display_name = excluded.display_name, status = excluded.status,
         start_date = excluded.start_date, leave_at = excluded.leave_at, leave_date = excluded.leave_date, last_import_id = excluded.last_import_id,
         updated_at = excluded.updated_at`,
    )
    .bind(schoolId, JSON.stringify(payload), importId, now.toISOString());
}

export async function listHrStaff(db: D1Database, schoolId: string): Promise<HrStaffRow[]> {
  const { results } = await db
    .prepare('SELECT employee_id, email, display_name, status, start_date, leave_date, leave_at FROM hr_staff WHERE school_id = ?1 ORDER BY employee_id')
    .bind(schoolId)
    .all<{ employee_id: string; email: string | null; display_name: string | null; status: HrStaffRow['status']; start_date: string | null; leave_date: string | null; leave_at: string | null }>();
  return results.map((r) => ({ employeeId: r.employee_id, email: r.email, displayName: r.display_name, status: r.status, startDate: r.start_date, leaveDate: r.leave_date, leaveAt: r.leave_at }));
}
