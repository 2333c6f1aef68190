import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fireCron } from '../integration/pipeline-support.ts';

describe('Slack event ids kept against retries', () => {
  it('are pruned by the hourly cron once a week old, and recent ones stay', async () => {
    const at = new Date('2026-12-01T10:05:00Z');
    const insert = (id: string, receivedAt: Date) =>
      env.DB.prepare("INSERT INTO bot_seen_events (channel, event_id, received_at) VALUES ('slack', ?1, ?2)").bind(id, receivedAt.toISOString()).run();
    await insert('Ev-old', new Date(at.getTime() - 8 * 24 * 3600 * 1000));
    await insert('Ev-recent', new Date(at.getTime() - 2 * 3600 * 1000));
    await fireCron('5 * * * *', at);
    const left = await env.DB.prepare("SELECT event_id FROM bot_seen_events WHERE event_id LIKE 'Ev-%' ORDER BY event_id").all<{ event_id: string }>();
    expect(left.results.map((r) => r.event_id)).toEqual(['Ev-recent']);
  });
});
