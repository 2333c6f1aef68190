import { z } from 'zod';

export const schoolSchema = z.object({
  id: z.string(),
  name: z.string(),
  trust: z.string().nullable(),
  activeProfileId: z.string().nullable(),
  notifyChannel: z.enum(['teams', 'slack', 'none']),
  createdAt: z.string(),
});
export type School = z.infer<typeof schoolSchema>;

interface SchoolRow {
  id: string;
  name: string;
  trust: string | null;
  active_profile_id: string | null;
  notify_channel: string;
  created_at: string;
}

const toSchool = (row: SchoolRow): School =>
  schoolSchema.parse({ id: row.id, name: row.name, trust: row.trust, activeProfileId: row.active_profile_id, notifyChannel: row.notify_channel, createdAt: row.created_at });

export async function createSchool(db: D1Database, input: { id: string; name: string; trust?: string | null; notifyChannel?: School['notifyChannel'] }, now: Date): Promise<School> {
  const at = now.toISOString();
  await db
    .prepare('INSERT INTO schools (id, name, trust, notify_channel, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)')
    .bind(input.id, input.name, input.trust ?? null, input.notifyChannel ?? 'teams', at)
    .run();
  return { id: input.id, name: input.name, trust: input.trust ?? null, activeProfileId: null, notifyChannel: input.notifyChannel ?? 'teams', createdAt: at };
}

export async function getSchool(db: D1Database, id: string): Promise<School | null> {
  const row = await db.prepare('SELECT * FROM schools WHERE id = ?1').bind(id).first<SchoolRow>();
  return row ? toSchool(row) : null;
}

export async function listSchools(db: D1Database): Promise<School[]> {
  const { results } = await db.prepare('SELECT * FROM schools ORDER BY name').all<SchoolRow>();
  return results.map(toSchool);
}
