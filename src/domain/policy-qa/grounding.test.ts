import { describe, expect, it } from 'vitest';
import { groundingProblem, MAX_WORDING_CHARS } from './grounding.ts';

const source =
  '[2.1 Attachments] Attachments must be no larger than 3 MB. Files over 1,500 pages go on the shared drive at https://drive.brook.sch.uk/staff; ask office@brook.sch.uk. Three copies are kept.';

describe('grounding guard', () => {
  it('accepts wording whose numbers, addresses and links are all in the policy text', () => {
    expect(groundingProblem('No: keep attachments to 3 MB or less and use https://drive.brook.sch.uk/staff for bigger files.', source)).toBeNull();
    // The same amount written another way is the same amount.
    expect(groundingProblem('Files over 1500 pages go on the shared drive; 3 copies are kept.', source)).toBeNull();
    expect(groundingProblem('Section 2.1 says to ask Office@Brook.sch.uk.', source)).toBeNull();
  });

  it('refuses empty and over-long wording', () => {
    expect(groundingProblem('  ', source)).toBe('empty');
    expect(groundingProblem('Keep attachments small. '.repeat(20), source)).toBe('too_long');
    expect(groundingProblem('a'.repeat(MAX_WORDING_CHARS), source)).toBeNull();
    expect(groundingProblem('a'.repeat(MAX_WORDING_CHARS + 1), source)).toBe('too_long');
  });

  it('refuses a number, amount or count the policy does not state', () => {
    expect(groundingProblem('Attachments can be up to 5 MB.', source)).toBe('unsupported_number');
    expect(groundingProblem('Attachments can be up to 3.5 MB.', source)).toBe('unsupported_number');
    expect(groundingProblem('Two copies are kept.', source)).toBe('unsupported_number');
    expect(groundingProblem('It costs £20 to replace a laptop.', source)).toBe('unsupported_number');
  });

  it('refuses an email address, link or host name the policy does not give', () => {
    expect(groundingProblem('Ask it@brook.sch.uk.', source)).toBe('unsupported_email');
    expect(groundingProblem('Use https://wetransfer.com instead.', source)).toBe('unsupported_link');
    expect(groundingProblem('Use https://drive.brook.sch.uk/public instead.', source)).toBe('unsupported_link');
    expect(groundingProblem('Use wetransfer.com for bigger files.', source)).toBe('unsupported_link');
  });
});
