import type { PolicyDocument } from '../policy-docs/index.ts';
import type { Passage } from './types.ts';

const FAQ_QUESTION = /^\s*(?:Q|Question)\s*\d*\s*[:.)–-]\s*/i;
const FAQ_ANSWER = /^\s*(?:A|Answer)\s*[:.)–-]\s*/i;
const QUESTION = /\?["'’”)]?\s*$/;
const FAQ_HEADING = /\b(?:questions|quick answers|faqs?|q\s?&\s?a)\b/i;
/** A question longer than this is a clause that happens to end in one, not a heading-like question. */
const QUESTION_WORDS = 30;

/**
 * One passage per paragraph, bullet or table row; the section trail travels with it. In a policy's
 * "Frequently asked questions", an answer set apart from its question ("Q: Can I have my school email on
 * my phone?" / "A: Yes, in the Outlook app…") is one passage, labelled with the question as a table
 * row is with its left-hand cell: the question says what the answer is about, and the answer is cited.
 */
export function toPassages(docs: PolicyDocument[]): Passage[] {
  const passages: Passage[] = [];
  docs.forEach((doc, docIndex) => {
    for (const section of doc.sections) {
      const asks = (i: number): boolean => FAQ_QUESTION.test(section.paragraphs[i]?.text ?? '') && FAQ_ANSWER.test(section.paragraphs[i + 1]?.text ?? '');
      // "3.3 Can I set my school e-mail to forward to my home account?" over an unnumbered "No. Automatic
      // forwarding…": a numbered clause that asks, answered by the paragraph under it.
      // So is a question in a section of questions ("Quick answers", "FAQs"), numbered or not.
      const answers = FAQ_HEADING.test(section.heading);
      const numberedAsk = (i: number): boolean => {
        const [q, a] = [section.paragraphs[i], section.paragraphs[i + 1]];
        return (!!q?.number || answers) && q?.kind === 'para' && QUESTION.test(q.text) && q.text.split(/\s+/).length <= QUESTION_WORDS && a?.kind === 'para' && (answers || !a.number) && !QUESTION.test(a.text);
      };
      section.paragraphs.forEach((p, i) => {
        if (asks(i) || numberedAsk(i)) return;
        const passage: Passage = {
          id: `${docIndex}:${section.id}:${i}`,
          kind: p.kind,
          docIndex,
          sectionId: section.id,
          heading: section.heading,
          path: section.path,
          text: p.text,
        };
        const number = p.number ?? (numberedAsk(i - 1) ? section.paragraphs[i - 1]!.number : undefined) ?? section.number;
        if (number) passage.number = number;
        if (p.label) passage.label = p.label;
        if (asks(i - 1) || numberedAsk(i - 1)) passage.label = section.paragraphs[i - 1]!.text.replace(FAQ_QUESTION, '');
        // A bullet is read with its lead-in; a table row with the clause introducing the table and its
        // column labels ("Record Retention period").
        const context = [p.leadIn, p.columns?.join(' ')].filter(Boolean).join(' ');
        if (context) passage.leadIn = context;
        passages.push(passage);
      });
    }
  });
  return passages;
}

export function sectionLabel(p: Passage): string {
  const head = [p.number, p.heading].filter(Boolean).join(' ');
  return p.label ? `${head} — ${p.label}` : head;
}
