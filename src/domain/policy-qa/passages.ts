import type { PolicyDocument } from '../policy-docs/index.ts';
import type { Passage } from './types.ts';

/** One passage per paragraph, bullet or table row; the section trail travels with it. */
export function toPassages(docs: PolicyDocument[]): Passage[] {
  const passages: Passage[] = [];
  docs.forEach((doc, docIndex) => {
    for (const section of doc.sections) {
      section.paragraphs.forEach((p, i) => {
        const passage: Passage = {
          id: `${docIndex}:${section.id}:${i}`,
          kind: p.kind,
          docIndex,
          sectionId: section.id,
          heading: section.heading,
          path: section.path,
          text: p.text,
        };
        const number = p.number ?? section.number;
        if (number) passage.number = number;
        if (p.label) passage.label = p.label;
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
