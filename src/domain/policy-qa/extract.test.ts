import { describe, expect, it } from 'vitest';
import { sentences } from './extract.ts';

describe('sentences of a passage', () => {
  it('does not end a sentence at an abbreviation ("ie. Malware", "Mrs. Patel")', () => {
    expect(sentences('Filtering blocks any email with a virus or script (ie. Malware) that could damage data. Spam is blocked too.')).toEqual([
      'Filtering blocks any email with a virus or script (ie. Malware) that could damage data.',
      'Spam is blocked too.',
    ]);
    expect(sentences('Ask Mrs. Patel in the office. She keeps the list.')).toEqual(['Ask Mrs. Patel in the office.', 'She keeps the list.']);
  });
});
