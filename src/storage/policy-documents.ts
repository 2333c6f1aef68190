import { z } from 'zod';
import type { PolicyDocType, PolicySection } from '../domain/policy-docs/index.ts';
import { policyDocTypes } from '../domain/policy-docs/index.ts';
import { readJson } from './json.ts';

const paragraphSchema = z.object({
  kind: z.enum(['para', 'bullet', 'row']),
  text: z.string(),
  number: z.string().optional(),
  label: z.string().optional(),
  leadIn: z.string().optional(),
});
const sectionSchema = z.object({
  id: z.string(),
  number: z.string().optional(),
  heading: z.string(),
  path: z.array(z.string()),
  text: z.string(),
  paragraphs: z.array(paragraphSchema),
});
const sectionsSchema = z.array(sectionSchema);

export interface PolicyDocumentVersion {
  documentId: string;
  schoolId: string;
  slug: string;
  title: string;
  versionId: string;
  version: number;
  contentHash: string;
  sourceType: PolicyDocType;
  sections: PolicySection[];
  createdAt: string;
}

interface VersionRow {
  document_id: string;
  school_id: string;
  slug: string;
  title: string;
  version_id: string;
  version: number;
  content_hash: string;
  source_type: PolicyDocType;
  sections_json: string;
  created_at: string;
}

const SELECT_VERSION = `SELECT d.id AS document_id, d.school_id, d.slug, d.title, v.id AS version_id, v.version, v.content_hash,
  v.source_type, v.sections_json, v.created_at FROM policy_document_versions v JOIN policy_documents d ON d.id = v.document_id`;

const toVersion = (r: VersionRow): PolicyDocumentVersion => ({
  documentId: r.document_id,
  schoolId: r.school_id,
  slug: r.slug,
  title: r.title,
  versionId: r.version_id,
  version: r.version,
  contentHash: r.content_hash,
  sourceType: z.enum(policyDocTypes).parse(r.source_type),
  sections: readJson(sectionsSchema, r.sections_json, 'policy_document_versions.sections_json'),
  createdAt: r.created_at,
});

/**
 * Stores an ingested policy. The same content (by hash) is not a new version; changed content is,
 * and becomes current — which is what makes acknowledgement campaigns ask again.
 */
export async function savePolicyDocument(
  db: D1Database,
  input: { schoolId: string; slug: string; title: string; contentHash: string; sourceType: PolicyDocType; sections: PolicySection[] },
  now: Date,
): Promise<{ version: PolicyDocumentVersion; created: boolean }> {
  const at = now.toISOString();
  await db
    .prepare('INSERT INTO policy_documents (id, school_id, slug, title, created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (school_id, slug) DO UPDATE SET title = excluded.title')
    .bind(crypto.randomUUID(), input.schoolId, input.slug, input.title, at)
    .run();
  const doc = await db.prepare('SELECT id FROM policy_documents WHERE school_id = ?1 AND slug = ?2').bind(input.schoolId, input.slug).first<{ id: string }>();
  if (!doc) throw new Error('policy document vanished after upsert');
  const existing = await db.prepare(`${SELECT_VERSION} WHERE v.document_id = ?1 AND v.content_hash = ?2`).bind(doc.id, input.contentHash).first<VersionRow>();
  if (existing) {
    await db.prepare('UPDATE policy_documents SET current_version_id = ?2 WHERE id = ?1').bind(doc.id, existing.version_id).run();
    return { version: toVersion(existing), created: false };
  }
  const versionId = crypto.randomUUID();
  await db.batch([
    db
      .prepare(
        `INSERT INTO policy_document_versions (id, document_id, version, content_hash, source_type, sections_json, created_at)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(version), 0) + 1 FROM policy_document_versions WHERE document_id = ?2), ?3, ?4, ?5, ?6)`,
      )
      .bind(versionId, doc.id, input.contentHash, input.sourceType, JSON.stringify(sectionsSchema.parse(input.sections)), at),
    db.prepare('UPDATE policy_documents SET current_version_id = ?2 WHERE id = ?1').bind(doc.id, versionId),
  ]);
  const version = await getPolicyVersion(db, versionId);
  if (!version) throw new Error('policy version vanished after insert');
  return { version, created: true };
}

export async function getPolicyVersion(db: D1Database, versionId: string): Promise<PolicyDocumentVersion | null> {
  const row = await db.prepare(`${SELECT_VERSION} WHERE v.id = ?1`).bind(versionId).first<VersionRow>();
  return row ? toVersion(row) : null;
}

/** The current version of every policy document of a school (what the bot answers from). */
export async function listCurrentPolicyVersions(db: D1Database, schoolId: string): Promise<PolicyDocumentVersion[]> {
  const { results } = await db.prepare(`${SELECT_VERSION} WHERE d.school_id = ?1 AND d.current_version_id = v.id ORDER BY d.slug`).bind(schoolId).all<VersionRow>();
  return results.map(toVersion);
}

export async function getCurrentPolicyVersion(db: D1Database, schoolId: string, slug: string): Promise<PolicyDocumentVersion | null> {
  const row = await db.prepare(`${SELECT_VERSION} WHERE d.school_id = ?1 AND d.slug = ?2 AND d.current_version_id = v.id`).bind(schoolId, slug).first<VersionRow>();
  return row ? toVersion(row) : null;
}
