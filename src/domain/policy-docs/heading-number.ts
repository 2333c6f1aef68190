/** Emoji a heading opens with ("📧 3. Using school email", as Notion and intranet pages write them). */
const LEADING_EMOJI = /^(?:[\p{Extended_Pictographic}\p{Regional_Indicator}\uFE0F\u200D]+\s*)+/u;

/** Splits "4.2 Email" / "4.2. Email" / "Section 4 – Email" into number and heading text; a leading emoji is dropped. */
export function numberedHeading(text: string): { text: string; number?: string } {
  const clean = text.replace(/\s+/g, ' ').trim().replace(LEADING_EMOJI, '');
  const m = /^(?:section\s+)?(\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s*[:\-–—]?\s+(\S.*)$/i.exec(clean);
  return m ? { number: m[1]!, text: m[2]! } : { text: clean };
}

/** "4.2" or "10.3.1." standing alone: a clause's number, not words. */
export const isClauseNumber = (text: string): boolean => /^\d{1,2}(?:\.\d{1,2}){0,3}\.?$/.test(text.trim());

// An appendix's clauses may carry its letter ("B.5 Personal phones are kept in the staffroom").
const clauseAtStart = /^(\d{1,2}(?:\.\d{1,2}){1,3}|[A-Z]\.\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?=\S)/;
/** The clause number a paragraph opens with ("6.1 Lock your screen" → "6.1"), if it has one. */
export const clauseNumberAt = (text: string): string | undefined => clauseAtStart.exec(text.trim())?.[1];

/** A body paragraph that opens with "6.1 " carries that clause number separately from its text. */
export function bodyBlock(kind: 'para' | 'bullet' | 'row', text: string): { kind: 'para' | 'bullet' | 'row'; text: string; number?: string } {
  const clause = kind === 'row' ? null : clauseAtStart.exec(text);
  return clause ? { kind, text: text.slice(clause[0].length), number: clause[1]! } : { kind, text };
}
