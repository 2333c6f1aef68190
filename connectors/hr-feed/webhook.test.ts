import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { d1SeenEvents, decodeHrWebhookEvent, parseHrWebhook, signWebhook, verifyWebhook } from './index.ts';
import type { HrWebhookInput } from './index.ts';

const now = new Date('2026-03-20T10:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const oldSecret = 'whsec_old_0123456789';
const newSecret = 'whsec_new_9876543210';
const body = (over: Record<string, unknown> = {}, employee: Record<string, unknown> = {}) =>
  JSON.stringify({
    eventId: crypto.randomUUID(),
    type: 'staff.leaver',
    occurredAt: '2026-03-20T09:59:00Z',
    employee: { employeeId: 'E100', email: 'Ann.Lee@School.org.uk', firstName: 'Ann', lastName: 'Lee', leaveDate: '2026-03-27', ...employee },
    ...over,
  });

describe('verifyWebhook', () => {
  it('accepts a correctly signed body and reports which secret matched', async () => {
    const raw = body();
    expect(await verifyWebhook(raw, await signWebhook(oldSecret, raw, t), [oldSecret], now)).toEqual({ ok: true, value: { timestamp: t, secretIndex: 0 } });
  });

  it('refuses a forged or altered body', async () => {
    const raw = body();
    const header = await signWebhook(oldSecret, raw, t);
    const altered = raw.replace('2026-03-27', '2026-03-21');
    expect(await verifyWebhook(altered, header, [oldSecret], now)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const forged = `t=${t},v1=${'ab'.repeat(32)}`;
    expect(await verifyWebhook(raw, forged, [oldSecret], now)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Webhook signature does not match' } });
  });

  it('refuses a body signed with the wrong secret', async () => {
    const raw = body();
    expect(await verifyWebhook(raw, await signWebhook('not-the-secret', raw, t), [oldSecret], now)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a re-signed timestamp: t is part of the signed text', async () => {
    const raw = body();
    const header = await signWebhook(oldSecret, raw, t - 3600);
    const moved = header.replace(`t=${t - 3600}`, `t=${t}`);
    expect(await verifyWebhook(raw, moved, [oldSecret], now)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses missing and malformed headers', async () => {
    const raw = body();
    const valid = await signWebhook(oldSecret, raw, t);
    for (const header of [null, undefined, '', 'garbage', `t=${t}`, valid.replace(/v1=/, 'v0='), `t=abc,${valid.split(',')[1]}`, `${valid},t=${t}`, valid.slice(0, -2)]) {
      expect(await verifyWebhook(raw, header, [oldSecret], now), String(header)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('5-minute window both ways: stale and future timestamps are invalid_input, the edges pass', async () => {
    const raw = body();
    for (const [at, code] of [[t - 301, 'invalid_input'], [t + 301, 'invalid_input'], [t - 300, null], [t + 300, null]] as const) {
      const result = await verifyWebhook(raw, await signWebhook(oldSecret, raw, at), [oldSecret], now);
      if (code === null) expect(result.ok, String(at - t)).toBe(true);
      else expect(result, String(at - t)).toMatchObject({ ok: false, error: { code, message: expect.stringContaining('timestamp outside the 5-minute window') as string } });
    }
  });

  it('rotation: both secrets work while two are active; the retired one stops working', async () => {
    const raw = body();
    const byOld = await signWebhook(oldSecret, raw, t);
    const byNew = await signWebhook(newSecret, raw, t);
    const rotating = [newSecret, oldSecret];
    expect(await verifyWebhook(raw, byNew, rotating, now)).toMatchObject({ ok: true, value: { secretIndex: 0 } });
    expect(await verifyWebhook(raw, byOld, rotating, now)).toMatchObject({ ok: true, value: { secretIndex: 1 } });
    // A sender mid-rotation may send both signatures in one header.
    const both = `${byOld},v1=${byNew.split('v1=')[1]}`;
    expect(await verifyWebhook(raw, both, [newSecret], now)).toMatchObject({ ok: true, value: { secretIndex: 0 } });
    expect(await verifyWebhook(raw, byOld, [newSecret], now)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('with no secret configured, nothing is accepted', async () => {
    const raw = body();
    const header = await signWebhook(oldSecret, raw, t);
    expect(await verifyWebhook(raw, header, [], now)).toMatchObject({ ok: false, error: { code: 'not_configured' } });
    expect(await verifyWebhook(raw, header, [''], now)).toMatchObject({ ok: false, error: { code: 'not_configured' } });
    await expect(signWebhook('', raw, t)).rejects.toThrow('secret is empty');
  });
});

describe('decodeHrWebhookEvent', () => {
  it('turns a leaver event into a staff record with its leave instant', () => {
    const result = decodeHrWebhookEvent(body({ eventId: 'evt-1' }), '16:00');
    expect(result).toEqual({
      ok: true,
      value: {
        eventId: 'evt-1',
        type: 'staff.leaver',
        occurredAt: '2026-03-20T09:59:00Z',
        record: {
          employeeId: 'E100',
          email: 'ann.lee@school.org.uk',
          firstName: 'Ann',
          lastName: 'Lee',
          displayName: 'Ann Lee',
          status: 'leaver',
          startDate: null,
          leaveDate: '2026-03-27',
          leaveAt: '2026-03-27T16:00:00.000Z',
          jobTitle: null,
          department: null,
          flagged: [],
          line: null,
        },
      },
    });
  });

  it('maps event types to statuses and refuses contradictions', () => {
    const statusOf = (over: Record<string, unknown>, employee: Record<string, unknown> = {}) => {
      const r = decodeHrWebhookEvent(body(over, employee));
      return r.ok ? r.value.record.status : r.error.message;
    };
    expect(statusOf({ type: 'staff.starter' }, { leaveDate: null, startDate: '2026-04-20' })).toBe('starter');
    expect(statusOf({ type: 'staff.rehired' }, { leaveDate: null })).toBe('current');
    expect(statusOf({ type: 'staff.updated' }, { status: 'Active', leaveDate: null })).toBe('current');
    expect(statusOf({ type: 'staff.leaver' }, { status: 'current' })).toContain("status 'current' contradicts the event type (leaver)");
    expect(statusOf({ type: 'staff.leaver' }, { leaveDate: undefined })).toContain('leaver without a leave date');
  });

  it('refuses unknown fields, bad types, non-JSON and UK-format dates', () => {
    const codeOf = (raw: string) => {
      const r = decodeHrWebhookEvent(raw);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(codeOf(body({}, { leavingDate: '2026-03-27' }))).toContain('Unrecognized key');
    expect(codeOf(body({ type: 'staff.fired' }))).toContain('type:');
    expect(codeOf(body({ occurredAt: 'yesterday' }))).toContain('occurredAt:');
    expect(codeOf(body({}, { employeeId: 100 }))).toContain('employee.employeeId:');
    expect(codeOf(body({}, { leaveDate: '27/03/2026' }))).toContain('this file is set to yyyy-mm-dd');
    expect(codeOf('{"eventId":')).toBe('Webhook body is not valid JSON');
  });
});

describe('parseHrWebhook with D1 replay protection', () => {
  const schoolId = `school-${crypto.randomUUID()}`;
  beforeAll(async () => {
    await env.DB.prepare("INSERT INTO schools (id, name, created_at, updated_at) VALUES (?1, 'Webhook Academy', ?2, ?2)").bind(schoolId, now.toISOString()).run();
  });

  const input = async (raw: string, secret = oldSecret): Promise<HrWebhookInput> => ({
    schoolId,
    rawBody: raw,
    signature: await signWebhook(secret, raw, t),
    secrets: [oldSecret],
    seen: d1SeenEvents(env.DB),
    now,
  });

  it('accepts an event once and refuses the replay as conflict', async () => {
    const raw = body();
    const first = await parseHrWebhook(await input(raw));
    expect(first.ok).toBe(true);
    const replay = await parseHrWebhook(await input(raw));
    expect(replay).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('does not use up an event id on a forged or invalid body', async () => {
    const eventId = crypto.randomUUID();
    expect(await parseHrWebhook(await input(body({ eventId }), 'forger'))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await parseHrWebhook(await input(body({ eventId }, { leaveDate: null })))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await parseHrWebhook(await input(body({ eventId })))).ok).toBe(true);
  });
});
