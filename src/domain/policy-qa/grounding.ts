/**
 * Checks generated wording against the policy text it was given. A model can drift from the quote
 * in ways that matter to staff: a different limit, a made-up address, a link to somewhere else. Any
 * such token that the policy text does not contain is enough to keep the verbatim extract instead.
 */

/** Two plain sentences fit comfortably; anything longer is the model adding its own material. */
export const MAX_WORDING_CHARS = 400;

export type GroundingProblem = 'empty' | 'too_long' | 'unsupported_number' | 'unsupported_email' | 'unsupported_link';

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', ninety: '90', hundred: '100', thousand: '1000',
};
const NUMBER_WORD = new RegExp(`\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi');
// "2 MB", "£1,500", "17:00", "4.2": the digits are what must match, whatever surrounds them.
const DIGITS = /\d+(?:[.,:]\d+)*/g;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>()"']+/gi;
// Bare host names ("portal.example.sch.uk"); "e.g." and "4.2" are not, the last label has two letters or more.
const HOST = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi;

/** Numbers as values: "1,500" and "1500" are the same amount, "three" and "3" the same count. */
function numbersIn(text: string): Set<string> {
  const digits = (text.match(DIGITS) ?? []).map((d) => d.replace(/,(?=\d{3}\b)/g, ''));
  const words = (text.match(NUMBER_WORD) ?? []).map((w) => NUMBER_WORDS[w.toLowerCase()]!);
  return new Set([...digits, ...words]);
}

const tokens = (text: string, pattern: RegExp): string[] => (text.match(pattern) ?? []).map((t) => t.replace(/[.,;:!?)\]]+$/, '').toLowerCase());

/** Why `wording` may not stand in for the policy text `source`, or null when it may. */
export function groundingProblem(wording: string, source: string): GroundingProblem | null {
  const text = wording.trim();
  if (!text) return 'empty';
  if (text.length > MAX_WORDING_CHARS) return 'too_long';
  const known = numbersIn(source);
  if ([...numbersIn(text)].some((n) => !known.has(n))) return 'unsupported_number';
  const haystack = source.toLowerCase();
  if (tokens(text, EMAIL).some((e) => !haystack.includes(e))) return 'unsupported_email';
  if ([...tokens(text, URL_LIKE), ...tokens(text.replace(EMAIL, ' '), HOST)].some((u) => !haystack.includes(u))) return 'unsupported_link';
  return null;
}
