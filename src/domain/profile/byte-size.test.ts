import { describe, expect, it } from 'vitest';
import { formatByteSize, parseByteSize } from './byte-size.ts';

describe('parseByteSize', () => {
  it.each([
    ['2 MB', 2_097_152],
    ['10MB', 10_485_760],
    ['500 KB', 512_000],
    ['2Mb', 2_097_152],
    ['1.5 mb', 1_572_864],
    ['1 GB', 1_073_741_824],
    ['3 MiB', 3_145_728],
    ['2048', 2048],
    [' 64 kb ', 65_536],
    [4096, 4096],
  ] as const)('reads %j as %d bytes (binary units)', (input, bytes) => {
    expect(parseByteSize(input)).toBe(bytes);
  });

  it.each(['2 XB', 'MB', '', 'two MB', '-2 MB', '0 MB', '2 MB 3', '1e3'])('rejects %j', (input) => {
    expect(parseByteSize(input)).toBeUndefined();
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects the number %d', (input) => {
    expect(parseByteSize(input)).toBeUndefined();
  });
});

describe('formatByteSize', () => {
  it.each([
    [2_097_152, '2 MB'],
    [1_572_864, '1.5 MB'],
    [512_000, '500 KB'],
    [1_073_741_824, '1 GB'],
    [1000, '1000 bytes'],
  ])('writes %d as %s', (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text);
    expect(parseByteSize(text.replace(' bytes', ''))).toBe(bytes);
  });
});
