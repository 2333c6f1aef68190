import { z } from 'zod';
import { readJson } from './json.ts';

export const audienceSchema = z.union([z.literal('all-staff'), z.literal('starters'), z.strictObject({ group: z.string() })]);
export type Audience = z.infer<typeof audienceSchema>;
export type AckChannel = 'teams' | 'slack' | 'dashboard';

/** The last reading of a group audience's members (null until the first one). */
export const audienceStatusSchema = z.strictObject({
  readAt: z.iso.datetime(),
  /** People in the group when it was read (enabled accounts, one per person). */
  members: z.number().int().nonnegative(),
  /** Why the members could not be (fully) used, in words for the SBM; null when all went well. */
  problem: z.string().nullable(),
});
export type AudienceStatus = z.infer<typeof audienceStatusSchema>;

export interface Campaign {
  id: string;
  schoolId: string;
  documentId: string;
  versionId: string;
  audience: Audience;
  dueAt: string;
  annual: boolean;
  status: 'active' | 'closed';
  createdAt: string;
  audienceStatus: AudienceStatus | null;
}

export interface Acknowledgement {
  id: string;
  schoolId: string;
  versionId: string;
  campaignId: string | null;
  userKey: string;
  email: string;
  channel: AckChannel;
  contentHash: string;
  acknowledgedAt: string;
}

interface CampaignRow {
  id: string;
  school_id: string;
  document_id: string;
  version_id: string;
  audience_json: string;
  due_at: string;
  annual: number;
  status: Campaign['status'];
  created_at: string;
  audience_status_json: string | null;
}

interface AckRow {
  id: string;
  school_id: string;
  version_id: string;
  campaign_id: string | null;
  user_key: string;
  email: string;
  channel: AckChannel;
  content_hash: string;
  acknowledged_at: string;
}

const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  schoolId: r.school_id,
  documentId: r.document_id,
  versionId: r.version_id,
  audience: readJson(audienceSchema, r.audience_json, 'ack_campaigns.audience_json'),
  dueAt: r.due_at,
  annual: r.annual === 1,
  status: r.status,
  createdAt: r.created_at,
  audienceStatus: r.audience_status_json === null ? null : readJson(audienceStatusSchema, r.audience_status_json, 'ack_campaigns.audience_status_json'),
});

const toAck = (r: AckRow): Acknowledgement => ({
  id: r.id,
  schoolId: r.school_id,
  versionId: r.version_id,
  campaignId: r.campaign_id,
  userKey: r.user_key,
  email: r.email,
  channel: r.channel,
  contentHash: r.content_hash,
  acknowledgedAt: r.acknowledged_at,
});

export async function createCampaign(db: D1Database, input: Omit<Campaign, 'id' | 'status' | 'createdAt' | 'audienceStatus'>, now: Date): Promise<Campaign> {
  const id = crypto.randomUUID();
  const at = now.toISOString();
  await db
    .prepare(
      `INSERT INTO ack_campaigns (id, school_id, document_id, version_id, audience_json, due_at, annual, status, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active', ?8)`,
    )
    .bind(id, input.schoolId, input.documentId, input.versionId, JSON.stringify(input.audience), input.dueAt, input.annual ? 1 : 0, at)
    .run();
  return { ...input, id, status: 'active', createdAt: at, audienceStatus: null };
}

export async function getCampaign(db: D1Database, id: string): Promise<Campaign | null> {
  const row = await db.prepare('SELECT * FROM ack_campaigns WHERE id = ?1').bind(id).first<CampaignRow>();
  return row ? toCampaign(row) : null;
}

export async function listCampaigns(db: D1Database, schoolId: string, status?: Campaign['status']): Promise<Campaign[]> {
  const { results } = await db
    .prepare('SELECT * FROM ack_campaigns WHERE school_id = ?1 AND (?2 IS NULL OR status = ?2) ORDER BY created_at')
    .bind(schoolId, status ?? null)
    .all<CampaignRow>();
  return results.map(toCampaign);
}

export async function closeCampaign(db: D1Database, id: string): Promise<void> {
  await db.prepare("UPDATE ack_campaigns SET status = 'closed' WHERE id = ?1").bind(id).run();
}

/** Schools with an active annual campaign started at or before `cutoff`: the only ones whose campaigns time changes. */
export async function listSchoolsWithRenewalDue(db: D1Database, cutoff: Date): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT DISTINCT school_id FROM ack_campaigns WHERE status = 'active' AND annual = 1 AND created_at <= ?1 ORDER BY school_id")
    .bind(cutoff.toISOString())
    .all<{ school_id: string }>();
  return results.map((r) => r.school_id);
}

/** Active campaigns addressed to a group, across schools (the nightly membership refresh). */
export async function listActiveGroupCampaigns(db: D1Database): Promise<Campaign[]> {
  const { results } = await db
    .prepare("SELECT * FROM ack_campaigns WHERE status = 'active' AND json_extract(audience_json, '$.group') IS NOT NULL ORDER BY created_at")
    .all<CampaignRow>();
  return results.map(toCampaign);
}

export async function recordAudienceStatus(db: D1Database, campaignId: string, status: AudienceStatus): Promise<void> {
  await db.prepare('UPDATE ack_campaigns SET audience_status_json = ?2 WHERE id = ?1').bind(campaignId, JSON.stringify(audienceStatusSchema.parse(status))).run();
}

/** Who a campaign asks, and whether each has met it (the same rule as the status report). */
export async function listCampaignAssignees(db: D1Database, campaignId: string): Promise<{ userKey: string; email: string; acknowledged: boolean }[]> {
  const { results } = await db
    .prepare(
      `SELECT a.user_key, a.email, EXISTS (SELECT 1 FROM acknowledgements k WHERE ${meets('a.user_key', 'a.email')}) AS acknowledged
       FROM ack_assignments a JOIN ack_campaigns c ON c.id = a.campaign_id WHERE a.campaign_id = ?1 ORDER BY a.email`,
    )
    .bind(campaignId)
    .all<{ user_key: string; email: string; acknowledged: number }>();
  return results.map((r) => ({ userKey: r.user_key, email: r.email, acknowledged: r.acknowledged === 1 }));
}

/** Takes people off a campaign (left its group). Acknowledgements already given stay as evidence. */
export async function removeAssignments(db: D1Database, campaignId: string, userKeys: readonly string[]): Promise<void> {
  const statements = userKeys.map((key) => db.prepare('DELETE FROM ack_assignments WHERE campaign_id = ?1 AND user_key = ?2').bind(campaignId, key));
  for (let i = 0; i < statements.length; i += 100) await db.batch(statements.slice(i, i + 100));
}

/** Assigns people to a campaign; someone already assigned keeps their original date. */
export async function addAssignments(db: D1Database, campaignId: string, people: { userKey: string; email: string }[], now: Date): Promise<void> {
  const at = now.toISOString();
  const statements = people.map((p) =>
    db
      .prepare('INSERT INTO ack_assignments (campaign_id, user_key, email, assigned_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (campaign_id, user_key) DO NOTHING')
      .bind(campaignId, p.userKey, p.email.toLowerCase(), at),
  );
  for (let i = 0; i < statements.length; i += 100) await db.batch(statements.slice(i, i + 100));
}

/**
 * When an acknowledgement (k) by a person meets a campaign (c): it is of the campaign's version and,
 * for an annual campaign, was given since the campaign started, so last year's agreement to the same
 * text does not count. The one rule for both recording a click and reporting who is outstanding.
 */
const meets = (userKey: string, email: string): string =>
  `k.version_id = c.version_id AND (k.user_key = ${userKey} OR k.email = ${email}) AND (c.annual = 0 OR k.acknowledged_at >= c.created_at)`;

/**
 * Records an acknowledgement for a campaign once. A second click (or a retry) returns the first
 * record: the evidence keeps the original time. A person who already agreed to this version under
 * another identity (Teams, then Slack), in a way that meets the campaign, gets that record back too.
 */
export async function recordAcknowledgement(
  db: D1Database,
  input: Omit<Acknowledgement, 'id' | 'acknowledgedAt' | 'email' | 'campaignId'> & { email: string; campaignId: string },
  now: Date,
): Promise<{ ack: Acknowledgement; created: boolean }> {
  const email = input.email.toLowerCase();
  const prior = await findAcknowledgement(db, input.campaignId, input.userKey, email);
  if (prior) return { ack: prior, created: false };
  const res = await db
    .prepare(
      `INSERT INTO acknowledgements (id, school_id, version_id, campaign_id, user_key, email, channel, content_hash, acknowledged_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (version_id, user_key, campaign_id) DO NOTHING`,
    )
    .bind(crypto.randomUUID(), input.schoolId, input.versionId, input.campaignId, input.userKey, email, input.channel, input.contentHash, now.toISOString())
    .run();
  const ack = await findAcknowledgement(db, input.campaignId, input.userKey, email);
  if (!ack) throw new Error('acknowledgement vanished after insert');
  return { ack, created: res.meta.changes === 1 };
}

/** The person's first acknowledgement that meets the campaign. */
export async function findAcknowledgement(db: D1Database, campaignId: string, userKey: string, email: string): Promise<Acknowledgement | null> {
  const row = await db
    .prepare(`SELECT k.* FROM acknowledgements k JOIN ack_campaigns c ON c.id = ?1 WHERE ${meets('?2', '?3')} ORDER BY k.acknowledged_at LIMIT 1`)
    .bind(campaignId, userKey, email.toLowerCase())
    .first<AckRow>();
  return row ? toAck(row) : null;
}

export interface AssignmentStatus {
  campaignId: string;
  versionId: string;
  documentSlug: string;
  documentTitle: string;
  version: number;
  contentHash: string;
  audience: Audience;
  campaignDueAt: string;
  userKey: string;
  email: string;
  assignedAt: string;
  lastRemindedAt: string | null;
  acknowledgedAt: string | null;
  ackChannel: AckChannel | null;
}

interface StatusRow {
  campaign_id: string;
  version_id: string;
  slug: string;
  title: string;
  version: number;
  content_hash: string;
  audience_json: string;
  due_at: string;
  user_key: string;
  email: string;
  assigned_at: string;
  last_reminded_at: string | null;
  acknowledged_at: string | null;
  ack_channel: AckChannel | null;
}

const STATUS_SQL = `SELECT a.campaign_id, c.version_id, d.slug, d.title, v.version, v.content_hash, c.audience_json, c.due_at,
    a.user_key, a.email, a.assigned_at, a.last_reminded_at,
    (SELECT MIN(k.acknowledged_at) FROM acknowledgements k WHERE ${meets('a.user_key', 'a.email')}) AS acknowledged_at,
    (SELECT k.channel FROM acknowledgements k WHERE ${meets('a.user_key', 'a.email')} ORDER BY k.acknowledged_at LIMIT 1) AS ack_channel
  FROM ack_assignments a JOIN ack_campaigns c ON c.id = a.campaign_id
  JOIN policy_document_versions v ON v.id = c.version_id JOIN policy_documents d ON d.id = c.document_id`;

const toStatus = (r: StatusRow): AssignmentStatus => ({
  campaignId: r.campaign_id,
  versionId: r.version_id,
  documentSlug: r.slug,
  documentTitle: r.title,
  version: r.version,
  contentHash: r.content_hash,
  audience: readJson(audienceSchema, r.audience_json, 'ack_campaigns.audience_json'),
  campaignDueAt: r.due_at,
  userKey: r.user_key,
  email: r.email,
  assignedAt: r.assigned_at,
  lastRemindedAt: r.last_reminded_at,
  acknowledgedAt: r.acknowledged_at,
  ackChannel: r.ack_channel,
});

/** One person's assignments in active campaigns, newest first. */
export async function assignmentsForPerson(db: D1Database, schoolId: string, email: string): Promise<AssignmentStatus[]> {
  const { results } = await db
    .prepare(`${STATUS_SQL} WHERE c.school_id = ?1 AND c.status = 'active' AND a.email = ?2 ORDER BY a.assigned_at DESC`)
    .bind(schoolId, email.toLowerCase())
    .all<StatusRow>();
  return results.map(toStatus);
}

/** Every assignment of a school (active and closed campaigns), for the evidence export. */
export async function listAssignmentStatuses(db: D1Database, schoolId: string, options: { activeOnly?: boolean } = {}): Promise<AssignmentStatus[]> {
  const { results } = await db
    .prepare(`${STATUS_SQL} WHERE c.school_id = ?1 AND (?2 = 0 OR c.status = 'active') ORDER BY d.slug, v.version, a.email`)
    .bind(schoolId, options.activeOnly ? 1 : 0)
    .all<StatusRow>();
  return results.map(toStatus);
}

export async function listAcknowledgements(db: D1Database, schoolId: string): Promise<(Acknowledgement & { documentSlug: string; documentTitle: string; version: number })[]> {
  const { results } = await db
    .prepare(
      `SELECT k.*, d.slug, d.title, v.version FROM acknowledgements k JOIN policy_document_versions v ON v.id = k.version_id
       JOIN policy_documents d ON d.id = v.document_id WHERE k.school_id = ?1 ORDER BY d.slug, v.version, k.acknowledged_at`,
    )
    .bind(schoolId)
    .all<AckRow & { slug: string; title: string; version: number }>();
  return results.map((r) => ({ ...toAck(r), documentSlug: r.slug, documentTitle: r.title, version: r.version }));
}

export async function markReminded(db: D1Database, campaignId: string, userKey: string, now: Date): Promise<void> {
  await db.prepare('UPDATE ack_assignments SET last_reminded_at = ?3 WHERE campaign_id = ?1 AND user_key = ?2').bind(campaignId, userKey, now.toISOString()).run();
}

/** Everyone with a user mailbox in the school's directories: the "all-staff" audience. */
export async function listSchoolStaff(db: D1Database, schoolId: string): Promise<{ userKey: string; email: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT u.user_id, u.email FROM directory_users u JOIN connections c ON c.id = u.connection_id
       WHERE c.school_id = ?1 AND u.deleted = 0 AND u.enabled = 1 AND u.mailbox_kind = 'user' ORDER BY u.email`,
    )
    .bind(schoolId)
    .all<{ user_id: string; email: string }>();
  return results.map((r) => ({ userKey: r.user_id, email: r.email }));
}
