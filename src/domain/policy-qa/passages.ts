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
      const faqPage = FAQ_HEADING.test(section.heading);
      // Paragraph i is a question the paragraph after it answers: "Q: …" over "A: …"; a numbered clause
      // that asks ("3.3 Can I set my school e-mail to forward…?") over an unnumbered "No. Automatic
      // forwarding…"; or any question over its answer on a page of questions ("Quick answers", "FAQs").
      const asks = (i: number): boolean => {
        const [q, a] = [section.paragraphs[i], section.paragraphs[i + 1]];
        if (!q || !a) return false;
        if (FAQ_QUESTION.test(q.text) && FAQ_ANSWER.test(a.text)) return true;
        return (!!q.number || faqPage) && q.kind === 'para' && QUESTION.test(q.text) && q.text.split(/\s+/).length <= QUESTION_WORDS && a.kind === 'para' && (faqPage || !a.number) && !QUESTION.test(a.text);
      };
      section.paragraphs.forEach((p, i) => {
        if (asks(i)) return;
        const passage: Passage = {
          id: `${docIndex}:${section.id}:${i}`,
          kind: p.kind,
          docIndex,
          sectionId: section.id,
          heading: section.heading,
          path: section.path,
          text: p.text,
        };
        const question = asks(i - 1) ? section.paragraphs[i - 1]! : undefined;
        const number = p.number ?? question?.number ?? section.number;
        if (number) passage.number = number;
        if (p.label) passage.label = p.label;
        if (question) passage.label = question.text.replace(FAQ_QUESTION, '');
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
