import type { SeenEvents } from './seen-events.ts';

/**
 * SeenEvents on D1 table hr_webhook_events. One statement: the primary key (school_id, event_id)
 * makes the insert the check, so two deliveries racing each other cannot both win.
 */
export function d1SeenEvents(db: D1Database): SeenEvents {
  return {
    async remember(schoolId, eventId, at) {
      const result = await db
        .prepare('INSERT INTO hr_webhook_events (school_id, event_id, received_at) VALUES (?1, ?2, ?3) ON CONFLICT (school_id, event_id) DO NOTHING')
        .bind(schoolId, eventId, at.toISOString())
        .run();
      return result.meta.changes > 0;
    },
  };
}
