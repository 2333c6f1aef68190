import { describe, expect, it } from 'vitest';
import { joinWrapped } from './wrap.ts';

describe('joinWrapped', () => {
  it('mends a word split by the line break but keeps the hyphen of a compound', () => {
    expect(joinWrapped(['Staff have read-', 'only access to the archive and must not trans-', 'fer it.'])).toBe(
      'Staff have read-only access to the archive and must not transfer it.',
    );
    expect(joinWrapped(['a school-', 'based account and a non-', 'business use'])).toBe('a school-based account and a non-business use');
  });
});
