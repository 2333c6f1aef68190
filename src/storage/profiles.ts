import type { ParsedProfile } from '../domain/profile/parse.ts';
import { policyProfileSchema, type PolicyProfile } from '../domain/profile/schema.ts';
import { readJson } from './json.ts';

export interface StoredProfile {
  id: string;
  schoolId: string;
  version: number;
  contentHash: string;
  sourceText: string;
  profile: PolicyProfile;
  createdBy: string;
  createdAt: string;
}

interface ProfileRow {
  id: string;
  school_id: string;
  version: number;
  content_hash: string;
  source_text: string;
  profile_json: string;
  created_by: string;
  created_at: string;
}

const toStored = (row: ProfileRow): StoredProfile => ({
  id: row.id,
  schoolId: row.school_id,
  version: row.version,
  contentHash: row.content_hash,
  sourceText: row.source_text,
  profile: readJson(policyProfileSchema, row.profile_json, 'policy_profiles.profile_json'),
  createdBy: row.created_by,
  createdAt: row.created_at,
});

/**
 * Stores a validated profile as the school's active one. The same content (by hash) is not a new
 * version: re-uploading an unchanged file just re-activates it.
 */
export async function saveProfileVersion(
  db: D1Database,
  input: { schoolId: string; parsed: ParsedProfile; sourceText: string; createdBy: string },
  now: Date,
): Promise<{ profile: StoredProfile; created: boolean }> {
  const existing = await db
    .prepare('SELECT * FROM policy_profiles WHERE school_id = ?1 AND content_hash = ?2')
    .bind(input.schoolId, input.parsed.contentHash)
    .first<ProfileRow>();
  if (existing) {
    await db.prepare('UPDATE schools SET active_profile_id = ?2 WHERE id = ?1').bind(input.schoolId, existing.id).run();
    return { profile: toStored(existing), created: false };
  }
  const id = crypto.randomUUID();
  const at = now.toISOString();
  // Version numbering and activation in one transaction, so two uploads cannot take the same number.
  await db.batch([
    db
      .prepare(
        `INSERT INTO policy_profiles (id, school_id, version, content_hash, source_text, profile_json, created_by, created_at)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(version), 0) + 1 FROM policy_profiles WHERE school_id = ?2), ?3, ?4, ?5, ?6, ?7)`,
      )
      .bind(id, input.schoolId, input.parsed.contentHash, input.sourceText, JSON.stringify(input.parsed.profile), input.createdBy, at),
    db.prepare('UPDATE schools SET active_profile_id = ?2, updated_at = ?3 WHERE id = ?1').bind(input.schoolId, id, at),
  ]);
  const row = await db.prepare('SELECT * FROM policy_profiles WHERE id = ?1').bind(id).first<ProfileRow>();
  if (!row) throw new Error('profile vanished after insert');
  return { profile: toStored(row), created: true };
}

export async function getProfile(db: D1Database, id: string): Promise<StoredProfile | null> {
  const row = await db.prepare('SELECT * FROM policy_profiles WHERE id = ?1').bind(id).first<ProfileRow>();
  return row ? toStored(row) : null;
}

export async function getActiveProfile(db: D1Database, schoolId: string): Promise<StoredProfile | null> {
  const row = await db
    .prepare('SELECT p.* FROM policy_profiles p JOIN schools s ON s.active_profile_id = p.id WHERE s.id = ?1')
    .bind(schoolId)
    .first<ProfileRow>();
  return row ? toStored(row) : null;
}

export async function listProfileVersions(db: D1Database, schoolId: string): Promise<Omit<StoredProfile, 'sourceText' | 'profile'>[]> {
  const { results } = await db
    .prepare('SELECT id, school_id, version, content_hash, created_by, created_at FROM policy_profiles WHERE school_id = ?1 ORDER BY version DESC')
    .bind(schoolId)
    .all<Omit<ProfileRow, 'source_text' | 'profile_json'>>();
  return results.map((r) => ({ id: r.id, schoolId: r.school_id, version: r.version, contentHash: r.content_hash, createdBy: r.created_by, createdAt: r.created_at }));
}
