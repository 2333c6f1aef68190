import { beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../app.ts';
import { scope } from './scopes.ts';
import { createSimulator, email, schoolFixture, serviceAccountKey, tokenFor } from './test-kit.ts';
import type { ServiceAccountKey } from './test-kit.ts';

const BATCH_URL = 'https://gmail.googleapis.com/batch/gmail/v1';

interface SubRequest {
  id: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}
interface SubResponse {
  contentId: string | null;
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Builds a Google batch body by hand, CRLF line ends, as the wire format requires. */
function batchBody(boundary: string, parts: SubRequest[]): string {
  const lines: string[] = [];
  for (const part of parts) {
    lines.push(`--${boundary}`, 'Content-Type: application/http', `Content-ID: <${part.id}>`, '');
    lines.push(`${part.method} ${part.path} HTTP/1.1`);
    for (const [name, value] of Object.entries(part.headers ?? {})) lines.push(`${name}: ${value}`);
    if (part.body !== undefined) lines.push('Content-Type: application/json', '', JSON.stringify(part.body));
    else lines.push('');
    lines.push('');
  }
  lines.push(`--${boundary}--`, '');
  return lines.join('\r\n');
}

/** An independent RFC 2046 reading of the answer: split on CRLF--boundary, then the embedded HTTP response. */
function parseBatchResponse(contentType: string, text: string): SubResponse[] {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  const close = text.indexOf(`\r\n--${boundary}--`);
  expect(close).toBeGreaterThan(0);
  const segments = `\r\n${text.slice(0, close)}`.split(`\r\n--${boundary}\r\n`).slice(1);
  return segments.map((segment) => {
    const [mimeHead = '', http = ''] = splitOnce(segment, '\r\n\r\n');
    const [responseHead = '', body = ''] = splitOnce(http, '\r\n\r\n');
    const [statusLine = '', ...headerLines] = responseHead.split('\r\n');
    const headers = new Map(headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const mime = new Map(mimeHead.split('\r\n').map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    expect(mime.get('content-type')).toBe('application/http');
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]);
    expect(Number(headers.get('content-length'))).toBe(new TextEncoder().encode(body).length);
    return { contentId: mime.get('content-id') ?? null, status, headers, body };
  });
}

function splitOnce(text: string, separator: string): [string, string] {
  const i = text.indexOf(separator);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + separator.length)];
}

async function sendBatch(sim: Simulator, token: string, parts: SubRequest[]): Promise<{ status: number; parts: SubResponse[] }> {
  const boundary = 'batch_tutela_test';
  const response = await sim.fetch(
    new Request(BATCH_URL, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/mixed; boundary=${boundary}` }, body: batchBody(boundary, parts) }),
  );
  if (response.status !== 200) return { status: response.status, parts: [] };
  return { status: 200, parts: parseBatchResponse(response.headers.get('content-type') ?? '', new TextDecoder().decode(await response.arrayBuffer())) };
}

describe('Gmail batch endpoint', () => {
  let key: ServiceAccountKey;
  beforeAll(async () => {
    key = await serviceAccountKey();
  });

  it('runs GET and POST parts, inherits the outer Authorization, and answers per part in order', async () => {
    const sim = createSimulator(schoolFixture(key.publicKeyPem));
    const token = await tokenFor(sim, key, email('teacher'), [scope.readonly, scope.modify]);
    const metadataOnly = await tokenFor(sim, key, email('teacher'), [scope.metadata]);
    sim.ctx.recorder.clear();
    const { status, parts } = await sendBatch(sim, token, [
      { id: 'get-1', method: 'GET', path: '/gmail/v1/users/me/messages/m-big-sent?format=metadata&metadataHeaders=To' },
      { id: 'fwd', method: 'GET', path: '/gmail/v1/users/me/settings/autoForwarding' },
      { id: 'modify', method: 'POST', path: '/gmail/v1/users/me/messages/batchModify', body: { ids: ['m-spam'], addLabelIds: ['TRASH'] } },
      { id: 'missing', method: 'GET', path: '/gmail/v1/users/me/messages/nope?format=minimal' },
      { id: 'own-auth', method: 'GET', path: 'https://gmail.googleapis.com/gmail/v1/users/me/messages?q=in%3Asent', headers: { Authorization: `Bearer ${metadataOnly}` } },
    ]);
    expect(status).toBe(200);
    expect(parts.map((p) => [p.contentId, p.status])).toEqual([
      ['<response-get-1>', 200],
      ['<response-fwd>', 200],
      ['<response-modify>', 204],
      ['<response-missing>', 404],
      ['<response-own-auth>', 403],
    ]);
    const first = JSON.parse(parts[0]?.body ?? '{}') as { id: string; payload: { headers: unknown[] } };
    expect(first.id).toBe('m-big-sent');
    expect(first.payload.headers).toEqual([{ name: 'To', value: 'parent@example.com' }]);
    expect(JSON.parse(parts[1]?.body ?? '{}')).toMatchObject({ enabled: true });
    expect(sim.ctx.fixture.google?.users.find((u) => u.id === 'u-teacher')?.gmail.messages.find((m) => m.id === 'm-spam')?.labelIds).toContain('TRASH');

    expect(sim.ctx.recorder.httpCount).toBe(1);
    const inBatch = sim.ctx.recorder.requests.filter((r) => r.inBatch);
    expect(inBatch.map((r) => r.status)).toEqual(expect.arrayContaining([200, 200, 204, 404, 403]));
    expect(inBatch.every((r) => r.mailbox === email('teacher') && r.provider === 'google-workspace')).toBe(true);
  });

  it('answers throttled parts 429 with Retry-After while the rest succeed', async () => {
    const sim = createSimulator(schoolFixture(key.publicKeyPem, { throttleRate: 0.5, seed: 7, retryAfterSeconds: 3 }));
    const token = await tokenFor(sim, key, email('teacher'), [scope.readonly]);
    const ids = Array.from({ length: 20 }, (_, i) => `u-teacher-bulk-${i}`);
    const { parts } = await sendBatch(sim, token, ids.map((id) => ({ id, method: 'GET', path: `/gmail/v1/users/me/messages/${id}?format=minimal` })));
    expect(parts).toHaveLength(20);
    const throttled = parts.filter((p) => p.status === 429);
    const answered = parts.filter((p) => p.status === 200);
    expect(throttled.length + answered.length).toBe(20);
    expect(throttled.length).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(0);
    for (const part of throttled) {
      expect(part.headers.get('retry-after')).toBe('3');
      expect(JSON.parse(part.body)).toMatchObject({ error: { code: 429, errors: [{ reason: 'rateLimitExceeded' }] } });
    }
    for (const part of answered) expect(`<response-${(JSON.parse(part.body) as { id: string }).id}>`).toBe(part.contentId);
    expect(sim.ctx.recorder.requests.filter((r) => r.inBatch && r.status === 429)).toHaveLength(throttled.length);
  });

  it('refuses more than 100 parts and a body that is not multipart', async () => {
    const sim = createSimulator(schoolFixture(key.publicKeyPem));
    const token = await tokenFor(sim, key, email('teacher'), [scope.readonly]);
    const many = Array.from({ length: 101 }, (_, i) => ({ id: `p${i}`, method: 'GET', path: '/gmail/v1/users/me/settings/vacation' }));
    expect((await sendBatch(sim, token, many)).status).toBe(400);
    const notMultipart = await sim.fetch(new Request(BATCH_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect(notMultipart.status).toBe(400);
  });
});
