import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { kindOf, parseByteSize } from './exchange-mailboxes.ts';
import { parseRetryAfter, retryDelayMs, defaultRetryPolicy } from './retry.ts';
import { toMailRule } from './rules.ts';
import { Semaphore } from './semaphore.ts';
import { ageDays, effectiveSpamPolicy } from './tenant.ts';

describe('small pieces', () => {
  it('reads Retry-After as seconds or an HTTP date, and backs off with full jitter without it', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(retryDelayMs(3, 1500, defaultRetryPolicy, () => 0.5)).toBe(1500);
    expect(retryDelayMs(3, null, defaultRetryPolicy, () => 0.999)).toBeLessThan(defaultRetryPolicy.baseDelayMs * 4);
    expect(retryDelayMs(30, null, defaultRetryPolicy, () => 0.999)).toBeLessThanOrEqual(defaultRetryPolicy.maxDelayMs);
  });

  it('parses report CSV with a BOM, quotes and CRLF', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"']]);
  });

  it('reads Exchange sizes, kinds, retention ages and the effective outbound policy', () => {
    expect(parseByteSize('35 MB (36,700,160 bytes)')).toBe(36_700_160);
    expect(parseByteSize('Unlimited')).toBeNull();
    expect(parseByteSize('2 MB')).toBe(2_097_152);
    expect(kindOf('SharedMailbox')).toBe('shared');
    expect(kindOf('RoomMailbox')).toBe('room');
    expect(ageDays('730.00:00:00')).toBe(730);
    expect(effectiveSpamPolicy([{ Identity: 'Default', IsDefault: true, AutoForwardingMode: 'Off' }, { Identity: 'Office', AutoForwardingMode: 'On' }])?.Identity).toBe('Office');
  });

  it('counts only moves to Deleted Items as deletion', () => {
    const rule = (moveToFolder: string) => toMailRule({ id: 'r', displayName: 'x', isEnabled: true, conditions: { fromAddresses: [{ emailAddress: { address: 'a@b.c' } }] }, actions: { moveToFolder } }, 'DELETED-ID');
    expect(rule('deleted-id').deletes).toBe('move-to-deleted-items');
    expect(rule('deleteditems').deletes).toBe('move-to-deleted-items');
    expect(rule('NEWSLETTERS').deletes).toBeNull();
    expect(rule('x').conditions).toBe('from: a@b.c');
  });

  it('semaphore never lets more than its limit hold at once', async () => {
    const s = new Semaphore(2);
    let holding = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        s.run(async () => {
          peak = Math.max(peak, ++holding);
          await Promise.resolve();
          holding--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });
});
