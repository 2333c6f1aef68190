import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('GET /healthz', () => {
  it('answers with the D1 round-trip result and a request id', async () => {
    const res = await exports.default.fetch('http://localhost/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, service: 'tutela', schools: 0 });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps the request id a caller sent, so logs on both sides line up', async () => {
    const res = await exports.default.fetch('http://localhost/healthz', { headers: { 'x-request-id': 'req-from-caller' } });
    expect(res.headers.get('x-request-id')).toBe('req-from-caller');
  });

  it('answers unknown routes with the stable error shape', async () => {
    const res = await exports.default.fetch('http://localhost/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
