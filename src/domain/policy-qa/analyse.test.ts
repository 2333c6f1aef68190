import { describe, expect, it } from 'vitest';
import { analyseQuestion } from './analyse.ts';
import { stem } from './stem.ts';

describe('reading a question', () => {
  it('keeps "termly", "weekly" and their like apart from "term" and "week"', () => {
    expect(stem('termly')).toBe('termly');
    expect(stem('weekly')).toBe('weekly');
    expect(stem('terms')).toBe('term');
    const units = analyseQuestion('can I take my school laptop home over half term?').units;
    expect(units.flatMap((u) => u.alts)).not.toContain('#frequency');
  });

  it('reads "over half term" as when it happens and "take my school laptop home" as about the school laptop', () => {
    const units = analyseQuestion('can I take my school laptop home over half term?').units;
    expect(units.find((u) => u.alts.includes('#school-holiday'))?.optional).toBe(true);
    expect(units.find((u) => u.alts.includes('#school-device'))?.optional).toBeUndefined();
    expect(units.filter((u) => !u.optional).map((u) => u.alts)).toEqual([['#school-device']]);
  });
});
