import { HEADING_HINT } from './clean-text.ts';

/** What one line of plain text looks like on its own, before paragraphs are assembled. */
export type LineShape =
  | { t: 'clause-number'; number: string }
  | { t: 'numbered'; number: string; text: string; hint: boolean }
  | { t: 'named-heading'; number?: string; text: string }
  | { t: 'bullet'; text: string; number?: string }
  | { t: 'text'; text: string; hint: boolean; indented: boolean; number?: string };

// Besides the Unicode glyphs, the private-use code points a Symbol or Wingdings bullet comes out as when
// Word's text is copied or a PDF is read without the font's mapping ("\uf0b7", "\uf0a7", "\uf0d8"…).
const bulletMarker = /^(?:[·❖•\-*‣▪■►◦–—∙●○➢✓✔\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0fc\uf06e\uf0e0]|o(?=\s))\s*/;
/** The text after a bullet typed by hand ("•<TAB>install software…"), or undefined when it has none. */
export function afterTypedBullet(text: string): string | undefined {
  const marker = bulletMarker.exec(text);
  return marker && /\s$/.test(marker[0]) && marker[0].length < text.length ? text.slice(marker[0].length) : undefined;
}
const romanOrLetterItem = /^\((?:[ivx]{1,5}|[a-z])\)\s+/i;
const numbered = /^(\d{1,2}(?:\.\d{1,2}){0,3})([.)])?\s+(\S.*)$/;
const clauseOnly = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?$/;
const DATED = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b)/i;
const namedHeading = /^(section|appendix|annex|part|schedule)\s+(\d{1,2}|[A-Z]|[IVX]{1,4})\b\s*[:.\-–]?\s*(.*)$/i;

/**
 * `plainNumbersAreClauses`: the document numbers its clauses "1)" … "53)" (or "1." …) straight through its
 * sections, so such a number is the clause's own, not a list item's.
 */
export function shapeOf(rawLine: string, plainNumbersAreClauses = false): LineShape {
  const hint = rawLine.includes(HEADING_HINT);
  const indented = /^[ \t]/.test(rawLine);
  let line = rawLine.replaceAll(HEADING_HINT, '').trim();
  const clause = clauseOnly.exec(line);
  if (clause) return { t: 'clause-number', number: clause[1]! };
  const named = namedHeading.exec(line);
  // "Section 11 updated for Intune; retention table revised" is a sentence that starts with a section's name.
  if (named && wordCount(line) <= 14 && !/[.;,]$/.test(line) && !/;/.test(line) && !/^[a-z]/.test(named[3]!)) {
    const isSection = named[1]!.toLowerCase() === 'section';
    return isSection ? { t: 'named-heading', number: named[2]!, text: named[3] || line } : { t: 'named-heading', text: line };
  }
  let bullet = false;
  while (bulletMarker.test(line) && !/^-\d/.test(line)) {
    const next = line.replace(bulletMarker, '');
    if (next === line || next === '') break;
    line = next;
    bullet = true;
  }
  if (romanOrLetterItem.test(line)) {
    line = line.replace(romanOrLetterItem, '');
    bullet = true;
  }
  const num = numbered.exec(line);
  // "3.1  Jan 2024  MFA added": a version history's row, not clause 3.1.
  if (num && !bullet && DATED.test(num[3]!)) return { t: 'text', text: line, hint, indented };
  if (num) {
    const number = num[1]!;
    const text = num[3]!;
    if (!bullet && looksLikeHeading(text)) return { t: 'numbered', number, text, hint };
    // "2.1 The use of …" is a clause; "1. I will …" is just a list item; "10 rules for …" is prose.
    if (number.includes('.')) return bullet ? { t: 'bullet', text, number } : { t: 'text', text, hint, indented, number };
    if (num[2]) return plainNumbersAreClauses ? { t: 'text', text, hint, indented, number } : { t: 'bullet', text };
  }
  if (bullet) return { t: 'bullet', text: line };
  return { t: 'text', text: line, hint, indented };
}

/**
 * Whether "N)" or "N." numbers run straight through the document (1) … 53)) rather than restarting in
 * each list: then they number its clauses. Headings numbered the same way count towards the run.
 */
export function numbersClausesThroughout(lines: readonly string[]): boolean {
  const numbers = lines.flatMap((l) => {
    const m = /^\s*(\d{1,2})[.)]\s+\S/.exec(l);
    return m ? [Number(m[1])] : [];
  });
  return numbers.length >= MIN_CLAUSES && numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);
}
const MIN_CLAUSES = 10;

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Short, capitalised, no sentence ending: how a heading reads once its numbering is removed. */
export function looksLikeHeading(text: string, maxWords = 12): boolean {
  if (!/^[A-Z0-9“"‘']/.test(text)) return false;
  if (wordCount(text) > maxWords || text.length > 100) return false;
  if (/[.;,!?]["'’”)]?$/.test(text)) return false;
  if (/:$/.test(text) && wordCount(text) > 2) return false;
  // "Don't accept friend requests from pupils on social media": a rule set out on its own line, which
  // a heading never words as an order.
  if (RULE_OPENING.test(text)) return false;
  return /[a-z]{2,}/i.test(text);
}
const RULE_OPENING = /^(don['’]t|do not|never|you (must|should|may not|must not))\s+\w+\s+\w+/i;

export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^a-z]/gi, '');
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^A-Z]/g, '').length;
  return upper / letters.length >= 0.85 && wordCount(text) <= 12;
}
