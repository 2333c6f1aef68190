import { describe, expect, it } from 'vitest';
import { joinWrapped } from './wrap.ts';

describe('joinWrapped', () => {
  it('mends a word split by the line break but keeps the hyphen of a compound', () => {
    expect(joinWrapped(['Staff have read-', 'only access to the archive and must not trans-', 'fer it.'])).toBe(
      'Staff have read-only access to the archive and must not transfer it.',
    );
    expect(joinWrapped(['a school-', 'based account and a non-', 'business use'])).toBe('a school-based account and a non-business use');
  });

  it('mends an email or web address the line broke inside, keeping its own hyphen', () => {
    expect(joinWrapped(['Mrs Hirst 2104 dataprotection@hartleyvale.org.', 'uk Reporting a data breach'])).toBe('Mrs Hirst 2104 dataprotection@hartleyvale.org.uk Reporting a data breach');
    expect(joinWrapped(['Email office@stcuthberts-', 'thornbury.org.uk with the text'])).toBe('Email office@stcuthberts-thornbury.org.uk with the text');
    expect(joinWrapped(['See www.oakfield.', 'sch.uk/policies for more.'])).toBe('See www.oakfield.sch.uk/policies for more.');
    // A sentence that ends with an address still ends there.
    expect(joinWrapped(['Write to office@oakfield.sch.uk.', 'Then ring the office.'])).toBe('Write to office@oakfield.sch.uk. Then ring the office.');
  });
});
