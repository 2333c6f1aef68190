export type BotChannel = 'teams' | 'slack';

export interface ConversationRef {
  id: string;
  schoolId: string;
  channel: BotChannel;
  userKey: string;
  email: string | null;
  role: 'staff' | 'sbm' | 'admin';
  /** Channel-specific; the connector validates it with its own schema when reading. */
  reference: unknown;
  updatedAt: string;
}

interface RefRow {
  id: string;
  school_id: string;
  channel: BotChannel;
  user_key: string;
  email: string | null;
  role: ConversationRef['role'];
  reference_json: string;
  updated_at: string;
}

const toRef = (r: RefRow): ConversationRef => ({
  id: r.id,
  schoolId: r.school_id,
  channel: r.channel,
  userKey: r.user_key,
  email: r.email,
  role: r.role,
  reference: JSON.parse(r.reference_json) as unknown,
  updatedAt: r.updated_at,
});

/** Stores or refreshes where a person can be reached; called on every authenticated inbound activity. */
export async function upsertConversationRef(
  db: D1Database,
  input: { schoolId: string; channel: BotChannel; userKey: string; email: string | null; reference: unknown },
  now: Date,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO conversation_refs (id, school_id, channel, user_key, email, reference_json, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (channel, user_key) DO UPDATE SET school_id = excluded.school_id,
         email = COALESCE(excluded.email, conversation_refs.email), reference_json = excluded.reference_json, updated_at = excluded.updated_at`,
    )
    .bind(crypto.randomUUID(), input.schoolId, input.channel, input.userKey, input.email?.toLowerCase() ?? null, JSON.stringify(input.reference), now.toISOString())
    .run();
}

export async function getConversationRef(db: D1Database, channel: BotChannel, userKey: string): Promise<ConversationRef | null> {
  const row = await db.prepare('SELECT * FROM conversation_refs WHERE channel = ?1 AND user_key = ?2').bind(channel, userKey).first<RefRow>();
  return row ? toRef(row) : null;
}

/** The most recently used reference for a person in one channel. */
export async function findConversationRefByEmail(db: D1Database, schoolId: string, channel: BotChannel, email: string): Promise<ConversationRef | null> {
  const row = await db
    .prepare('SELECT * FROM conversation_refs WHERE school_id = ?1 AND channel = ?2 AND email = ?3 ORDER BY updated_at DESC LIMIT 1')
    .bind(schoolId, channel, email.toLowerCase())
    .first<RefRow>();
  return row ? toRef(row) : null;
}

export interface StaffIdentity {
  schoolId: string;
  email: string;
  /** The directory's id for the person (Entra object id, Google user id). */
  directoryUserId: string;
}

/** Teams: the school whose Microsoft 365 connection is the sender's tenant, and the person in its directory. */
export async function staffByTenantUser(db: D1Database, tenantId: string, directoryUserId: string): Promise<StaffIdentity | null> {
  const { results } = await db
    .prepare(
      `SELECT c.school_id, u.email, u.user_id FROM connections c JOIN directory_users u ON u.connection_id = c.id
       WHERE c.provider = 'microsoft365' AND lower(c.tenant_ref) = lower(?1) AND u.user_id = ?2 AND u.deleted = 0 AND u.enabled = 1`,
    )
    .bind(tenantId, directoryUserId)
    .all<{ school_id: string; email: string; user_id: string }>();
  return onlyOne(results);
}

/** Slack: the person whose (verified) workspace email is in exactly one school's directory. */
export async function staffByEmail(db: D1Database, email: string): Promise<StaffIdentity | null> {
  const { results } = await db
    .prepare(
      `SELECT c.school_id, u.email, u.user_id FROM directory_users u JOIN connections c ON c.id = u.connection_id
       WHERE u.email = ?1 AND u.deleted = 0 AND u.enabled = 1`,
    )
    .bind(email.toLowerCase())
    .all<{ school_id: string; email: string; user_id: string }>();
  return onlyOne(results);
}

// Two schools claiming the same person is ambiguous: answering from either could leak the other's data.
function onlyOne(rows: { school_id: string; email: string; user_id: string }[]): StaffIdentity | null {
  const schools = new Set(rows.map((r) => r.school_id));
  const row = rows[0];
  if (!row || schools.size !== 1) return null;
  return { schoolId: row.school_id, email: row.email, directoryUserId: row.user_id };
}
