/**
 * Slack event ids already taken (D1 table bot_seen_events). The insert is the check, so two
 * deliveries of the same event racing each other cannot both win.
 */
export async function firstDelivery(db: D1Database, eventId: string, now: Date): Promise<boolean> {
  const result = await db
    .prepare("INSERT INTO bot_seen_events (channel, event_id, received_at) VALUES ('slack', ?1, ?2) ON CONFLICT (channel, event_id) DO NOTHING")
    .bind(eventId, now.toISOString())
    .run();
  return result.meta.changes > 0;
}

/** Slack stops retrying an event within hours; ids older than `before` can go. */
export async function pruneSeenEvents(db: D1Database, before: Date): Promise<void> {
  await db.prepare('DELETE FROM bot_seen_events WHERE received_at < ?1').bind(before.toISOString()).run();
}
