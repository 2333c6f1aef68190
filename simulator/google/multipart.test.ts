import { describe, expect, it } from 'vitest';
import { boundaryOf, buildMultipart, parseHttpRequest, parseMultipart } from './multipart.ts';

describe('multipart/mixed framing (RFC 2046)', () => {
  it('reads a quoted boundary and ignores preamble, epilogue and transport padding', () => {
    const boundary = boundaryOf('multipart/mixed; boundary="=_b 1"');
    expect(boundary).toBe('=_b 1');
    const raw = 'preamble\r\n--=_b 1  \r\nContent-ID: <a>\r\n\r\nGET /x HTTP/1.1\r\n\r\n--=_b 1\r\nContent-ID: <b>\r\n\r\nPOST /y\r\ncontent-type: application/json\r\n\r\n{"k":1}\r\n--=_b 1--\r\nepilogue';
    const parts = parseMultipart(raw, '=_b 1');
    expect(parts?.map((p) => p.headers.get('content-id'))).toEqual(['<a>', '<b>']);
    const post = parseHttpRequest(parts?.[1]?.body ?? '');
    expect(post).toMatchObject({ method: 'POST', target: '/y', body: '{"k":1}' });
    expect(post?.headers.get('content-type')).toBe('application/json');
  });

  it('accepts bare LF line ends and refuses a body without any delimiter', () => {
    const parts = parseMultipart('--b\nContent-ID: <1>\n\nGET /gmail/v1/users/me/settings/vacation\n\n--b--\n', 'b');
    expect(parts).toHaveLength(1);
    expect(parseHttpRequest(parts?.[0]?.body ?? '')).toMatchObject({ method: 'GET', target: '/gmail/v1/users/me/settings/vacation' });
    expect(parseMultipart('no parts here', 'b')).toBeNull();
    expect(boundaryOf('application/json')).toBeNull();
  });

  it('writes parts that it reads back identically', () => {
    const text = buildMultipart(
      [
        { headers: { 'Content-ID': '<response-1>' }, body: 'HTTP/1.1 204 No Content\r\n\r\n' },
        { headers: { 'Content-ID': '<response-2>' }, body: 'line one\r\nline two' },
      ],
      'out',
    );
    expect(text.endsWith('--out--\r\n')).toBe(true);
    expect(parseMultipart(text, 'out')?.map((p) => [p.headers.get('content-id'), p.body])).toEqual([
      ['<response-1>', 'HTTP/1.1 204 No Content\r\n\r\n'],
      ['<response-2>', 'line one\r\nline two'],
    ]);
  });
});
