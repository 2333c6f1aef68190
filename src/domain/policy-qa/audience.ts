import type { Passage } from './types.ts';

/**
 * Staff policies often carry the pupils' rules and the parents' home–school agreement as appendices
 * ("I will only open email attachments from people my teacher has approved", "I/we will support the
 * school's policy…"), and copied-out text rarely keeps those appendices' headings. Those passages are
 * not rules for staff: "I sent a report to the wrong parent" must not be answered from the parents'
 * slip. A passage is in a pupil's or parent's voice when it says so itself, or when it sits in an
 * unbroken run of first-person lines of its section ("I will…") where one line says so.
 */
const VOICE = [
  /\bmy (class )?teachers?\b/i,
  /\bmy (parents?|carers?|parent\/ ?carer|mum|dad)\b/i,
  /\bI\/we\b/i,
  /\b(my|our|my\/our) (son|daughter|child|children|child\/ren)\b/i,
  /\bmy son['’]s\b/i,
  /\bfor KS\d (children|pupils)\b/i,
];
const AUDIENCE_HEADING = /\b(dear parent|as (a|the) parents?\b|parent\s*\/\s*carer|(pupils?|children|students?|learners?)['’]? (acceptable use|agreement|rules|e-?safety rules)|(acceptable use|agreement|rules)[^.]{0,20}\b(pupils?|children|students?|learners?|parents?)\b|home[- ]school agreement)/i;
const FIRST_PERSON = /^\s*(I|I\/we|we)\b|\bI (will|understand|agree|know|have)\b/i;

export function pupilOrParentVoice(passages: readonly Passage[]): boolean[] {
  const marked = passages.map((p) => VOICE.some((re) => re.test(p.text)) || AUDIENCE_HEADING.test([p.heading, p.label ?? '', p.leadIn ?? ''].join(' ')));
  const firstPerson = passages.map((p) => FIRST_PERSON.test(p.text));
  // Spread a mark across its run of first-person lines in the same section.
  let start = 0;
  for (let i = 0; i <= passages.length; i += 1) {
    const breaks = i === passages.length || !firstPerson[i] || passages[i]!.sectionId !== passages[start]!.sectionId;
    if (!breaks) continue;
    if (i > start && marked.slice(start, i).some(Boolean)) marked.fill(true, start, i);
    start = firstPerson[i] ? i : i + 1;
  }
  return marked;
}

/**
 * "Can pupils use their phones?", "do parents have to sign?", "isn't there something parents sign
 * about that?": a question about their rules, or the agreement they signed.
 */
export const ASKS_ABOUT_PUPILS_OR_PARENTS =
  /\b(can|could|do|does|are|is|should|may|must|will|have|let)\s+(the\s+|my\s+|our\s+)?(pupils?|children|kids|students|parents?|carers?|year \d+s?)\b|\b(pupils?|children|kids|students|parents?|carers?)['’]?\s+(sign|signed|agree|agreed|agreement|aup|acceptable use)\b/i;
