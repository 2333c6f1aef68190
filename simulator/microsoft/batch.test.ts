import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test/support/simulator.ts';
import { msFixture, userId } from './test-fixture.ts';
import { graph, secretToken } from './test-client.ts';

interface SubResponse { id: string; status: number; headers: Record<string, string>; body?: { value?: unknown[]; error?: { code: string } } }

const env = useSimulator(msFixture({ users: 3 }));

async function batch(token: string, requests: { id: string; method: string; url: string; body?: unknown; dependsOn?: string[] }[]): Promise<{ status: number; responses: SubResponse[] }> {
  const res = await graph(token, '/$batch', { method: 'POST', body: JSON.stringify({ requests }) });
  const body = await res.json<{ responses?: SubResponse[] }>();
  return { status: res.status, responses: body.responses ?? [] };
}

const rulesRequest = (n: number, user = userId(1)) => ({ id: String(n), method: 'GET', url: `/users/${user}/mailFolders/inbox/messageRules` });

describe('POST /v1.0/$batch', () => {
  it('refuses more than 20 requests with 400', async () => {
    env.reset();
    const token = await secretToken();
    const result = await batch(token, Array.from({ length: 21 }, (_, i) => rulesRequest(i, userId(100 + (i % 3)))));
    expect(result.status).toBe(400);
  });

  it('runs sub-requests concurrently: a 5th request for one mailbox gets 429 with Retry-After', async () => {
    env.reset(msFixture({ users: 3, realism: { mailboxConcurrency: 4, retryAfterSeconds: 7 } }));
    const token = await secretToken();
    const requests = [...Array.from({ length: 5 }, (_, i) => rulesRequest(i)), rulesRequest(5, userId(5))];
    const result = await batch(token, requests);
    expect(result.status).toBe(200);
    const byId = new Map(result.responses.map((r) => [r.id, r]));
    expect(result.responses.filter((r) => r.status === 200)).toHaveLength(5);
    expect(byId.get('4')).toMatchObject({ status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'ApplicationThrottled' } } });
    expect(byId.get('5')?.status).toBe(200);
    const recorded = env.sim.ctx.recorder.requests;
    expect(recorded.filter((r) => r.inBatch)).toHaveLength(6);
    expect(recorded.filter((r) => r.inBatch && r.status === 429)).toEqual([expect.objectContaining({ mailbox: 'user1@oakfield.sch.uk' })]);
    expect(recorded.filter((r) => !r.inBatch && r.url === '/v1.0/$batch')).toHaveLength(1);
  });

  it('runs dependsOn requests after their dependency and answers each with its own status', async () => {
    env.reset();
    const token = await secretToken();
    const result = await batch(token, [
      { id: 'patch', method: 'PATCH', url: `/users/${userId(1)}/mailFolders/inbox/messageRules/rule-1`, body: { isEnabled: false } },
      { id: 'read', method: 'GET', url: `/users/${userId(1)}/mailFolders/inbox/messageRules/rule-1`, dependsOn: ['patch'] },
      { id: 'missing', method: 'GET', url: '/users/nobody@oakfield.sch.uk' },
    ]);
    const byId = new Map(result.responses.map((r) => [r.id, r]));
    expect(byId.get('patch')?.status).toBe(200);
    expect(byId.get('read')).toMatchObject({ status: 200, body: { isEnabled: false } });
    expect(byId.get('missing')?.status).toBe(404);
  });
});

describe('random throttling', () => {
  async function statuses(seed: number, throttleRate: number): Promise<number[]> {
    env.reset(msFixture({ realism: { seed, throttleRate, retryAfterSeconds: 2 } }));
    const token = await secretToken();
    const out: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await graph(token, `/users/${userId(1)}`);
      if (res.status === 429) expect(res.headers.get('retry-after')).toBe('2');
      out.push(res.status);
    }
    return out;
  }

  it('is reproducible for a seed and follows the configured rate', async () => {
    const first = await statuses(42, 0.3);
    const again = await statuses(42, 0.3);
    const other = await statuses(43, 0.3);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const throttled = first.filter((s) => s === 429).length;
    expect(throttled).toBeGreaterThan(3);
    expect(throttled).toBeLessThan(25);
    expect(new Set(first)).toEqual(new Set([200, 429]));
    expect((await statuses(42, 0)).every((s) => s === 200)).toBe(true);
  });
});
