import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { kindOf, parseByteSize } from './exchange-mailboxes.ts';
import { toMailRule } from './rules.ts';
import { ageDays, effectiveSpamPolicy } from './tenant.ts';

describe('small pieces', () => {
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
});
