import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { d1SeenEvents } from './seen-events-d1.ts';

const at = new Date('2026-03-20T10:00:00Z');
const schoolA = `school-a-${crypto.randomUUID()}`;
const schoolB = `school-b-${crypto.randomUUID()}`;

describe('d1SeenEvents', () => {
  beforeAll(async () => {
    const insert = env.DB.prepare("INSERT INTO schools (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)");
    await env.DB.batch([insert.bind(schoolA, 'A', at.toISOString()), insert.bind(schoolB, 'B', at.toISOString())]);
  });

  it('remembers an event id once: the second remember() is false', async () => {
    const seen = d1SeenEvents(env.DB);
    const eventId = crypto.randomUUID();
    expect(await seen.remember(schoolA, eventId, at)).toBe(true);
    expect(await seen.remember(schoolA, eventId, new Date(at.getTime() + 60_000))).toBe(false);
    const row = await env.DB.prepare('SELECT received_at FROM hr_webhook_events WHERE school_id = ?1 AND event_id = ?2').bind(schoolA, eventId).first<{ received_at: string }>();
    expect(row?.received_at).toBe(at.toISOString());
  });

  it('keeps event ids per school', async () => {
    const seen = d1SeenEvents(env.DB);
    const eventId = crypto.randomUUID();
    expect(await seen.remember(schoolA, eventId, at)).toBe(true);
    expect(await seen.remember(schoolB, eventId, at)).toBe(true);
  });

  it('lets exactly one of two racing deliveries win', async () => {
    const seen = d1SeenEvents(env.DB);
    const eventId = crypto.randomUUID();
    const results = await Promise.all([seen.remember(schoolA, eventId, at), seen.remember(schoolA, eventId, at), seen.remember(schoolA, eventId, at)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
