/** Connector cursors kept between runs (Graph delta links, sent-mail high-water marks). */
export async function getCursor(db: D1Database, connectionId: string, name: string): Promise<string | null> {
  const row = await db.prepare('SELECT value FROM connector_cursors WHERE connection_id = ?1 AND name = ?2').bind(connectionId, name).first<{ value: string }>();
  return row?.value ?? null;
}

export function setCursorStatement(db: D1Database, connectionId: string, name: string, value: string, now: Date): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO connector_cursors (connection_id, name, value, updated_at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (connection_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .bind(connectionId, name, value, now.toISOString());
}

export async function setCursor(db: D1Database, connectionId: string, name: string, value: string, now: Date): Promise<void> {
  await setCursorStatement(db, connectionId, name, value, now).run();
}
