import { z } from 'zod';
import type { DirectoryUser, MailboxFacts } from '../domain/audit/snapshot.ts';
import type { DirectoryPage } from '../domain/ports/tenant-connector.ts';
import { readJson } from './json.ts';

interface DirectoryRow {
  user_id: string;
  email: string;
  display_name: string | null;
  employee_id: string | null;
  aliases_json: string;
  enabled: number;
  mailbox_kind: DirectoryUser['kind'] | 'none';
  last_sign_in_at: string | null;
  sign_in_source: DirectoryUser['signInSource'];
  account_created_at: string | null;
  is_admin: number;
  mailbox_facts_json: string | null;
}

const aliasesSchema = z.array(z.string());

const mailboxFactsSchema = z
  .object({
    kind: z.enum(['user', 'shared', 'room']),
    forwarding: z.object({ address: z.string(), keepsCopy: z.boolean() }).nullable(),
    sendLimitBytes: z.number().nullable(),
    onHold: z.boolean(),
  })
  .nullable();

const toUser = (row: DirectoryRow): DirectoryUser => ({
  id: row.user_id,
  email: row.email,
  displayName: row.display_name ?? row.email,
  aliases: readJson(aliasesSchema, row.aliases_json, 'directory_users.aliases_json'),
  employeeId: row.employee_id,
  enabled: row.enabled === 1,
  kind: row.mailbox_kind === 'none' ? 'user' : row.mailbox_kind,
  isAdmin: row.is_admin === 1,
  lastSignInAt: row.last_sign_in_at,
  signInSource: row.sign_in_source,
  createdAt: row.account_created_at,
  // SQL NULL: not known this run (left out, so the connector reads them); JSON null: no mailbox.
  ...(row.mailbox_facts_json === null ? {} : { mailbox: readJson(mailboxFactsSchema, row.mailbox_facts_json, 'directory_users.mailbox_facts_json') }),
});

function upsertStatement(db: D1Database, connectionId: string, u: DirectoryUser, at: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO directory_users (connection_id, user_id, email, display_name, employee_id, aliases_json, enabled, mailbox_kind,
         last_sign_in_at, sign_in_source, account_created_at, is_admin, deleted, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, ?13)
       ON CONFLICT (connection_id, user_id) DO UPDATE SET email = excluded.email, display_name = excluded.display_name,
         employee_id = excluded.employee_id, aliases_json = excluded.aliases_json, enabled = excluded.enabled,
         mailbox_kind = excluded.mailbox_kind, last_sign_in_at = excluded.last_sign_in_at, sign_in_source = excluded.sign_in_source,
         account_created_at = excluded.account_created_at, is_admin = excluded.is_admin, deleted = 0, updated_at = excluded.updated_at`,
    )
    .bind(connectionId, u.id, u.email.toLowerCase(), u.displayName, u.employeeId, JSON.stringify(u.aliases), u.enabled ? 1 : 0, u.kind, u.lastSignInAt, u.signInSource, u.createdAt, u.isAdmin ? 1 : 0, at);
}

/**
 * Applies a directory read. A full read marks everyone it did not mention as deleted; a delta read
 * touches only what changed. Statements go in batches, each batch one D1 transaction.
 */
export async function applyDirectoryPage(db: D1Database, connectionId: string, page: DirectoryPage, now: Date, extra: D1PreparedStatement[] = []): Promise<void> {
  const at = now.toISOString();
  const statements = page.changed.map((u) => upsertStatement(db, connectionId, u, at));
  for (const id of page.removed) {
    statements.push(db.prepare('UPDATE directory_users SET deleted = 1, updated_at = ?3 WHERE connection_id = ?1 AND user_id = ?2').bind(connectionId, id, at));
  }
  if (page.full) {
    statements.push(db.prepare('UPDATE directory_users SET deleted = 1 WHERE connection_id = ?1 AND updated_at != ?2').bind(connectionId, at));
  }
  statements.push(...extra);
  for (let i = 0; i < statements.length; i += 100) await db.batch(statements.slice(i, i + 100));
  await db.batch(mailboxFactsStatements(db, connectionId, page.mailboxFacts));
}

/** Users per statement when storing mailbox facts: ~150 bytes each keeps one bound JSON well under D1's limits. */
const FACTS_PER_STATEMENT = 500;

/**
 * Replaces every user's mailbox facts in one transaction: all users first get "no mailbox", then the
 * map's users get theirs. Without a map (Exchange unreadable) all facts are forgotten, so batches ask
 * Exchange themselves rather than trust last night's settings.
 */
function mailboxFactsStatements(db: D1Database, connectionId: string, facts: Record<string, MailboxFacts> | undefined): D1PreparedStatement[] {
  const reset = db.prepare('UPDATE directory_users SET mailbox_facts_json = ?2 WHERE connection_id = ?1').bind(connectionId, facts ? 'null' : null);
  if (!facts) return [reset];
  const entries = Object.entries(facts);
  const statements = [reset];
  for (let i = 0; i < entries.length; i += FACTS_PER_STATEMENT) {
    const chunk = JSON.stringify(Object.fromEntries(entries.slice(i, i + FACTS_PER_STATEMENT)));
    statements.push(
      db
        .prepare(
          `UPDATE directory_users SET mailbox_facts_json = (SELECT j.value FROM json_each(?2) j WHERE j.key = directory_users.user_id),
             mailbox_kind = (SELECT json_extract(j.value, '$.kind') FROM json_each(?2) j WHERE j.key = directory_users.user_id)
           WHERE connection_id = ?1 AND user_id IN (SELECT key FROM json_each(?2))`,
        )
        .bind(connectionId, chunk),
    );
  }
  return statements;
}

export async function listDirectoryUsers(db: D1Database, connectionId: string, options: { ids?: string[] } = {}): Promise<DirectoryUser[]> {
  const stmt = options.ids
    ? db
        .prepare('SELECT * FROM directory_users WHERE connection_id = ?1 AND deleted = 0 AND user_id IN (SELECT value FROM json_each(?2)) ORDER BY email')
        .bind(connectionId, JSON.stringify(options.ids))
    : db.prepare('SELECT * FROM directory_users WHERE connection_id = ?1 AND deleted = 0 ORDER BY email').bind(connectionId);
  const { results } = await stmt.all<DirectoryRow>();
  return results.map(toUser);
}
