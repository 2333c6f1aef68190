import type { Passage } from './types.ts';

/** Beyond this the whole procedure no longer reads at a glance in a chat card; the best step is cited alone. */
const MAX_PROCEDURE_CHARS = 600;

export interface Procedure {
  /** The clause introducing the steps ("If you have sent an email to the wrong person:"). */
  lead: Passage;
  steps: Passage[];
}

/**
 * Told of something that has happened ("I've just sent a report to the wrong mum, what do I do?"), a
 * member of staff needs every step, not the one that matched best ("write down what was sent"). When
 * the best passage is a step of a list, or the clause that introduces one, the answer is the clause
 * with all its steps, if they are short enough to read at a glance.
 */
export function procedureAt(passages: readonly Passage[], at: number): Procedure | undefined {
  const best = passages[at];
  if (!best) return undefined;
  let leadAt = at;
  if (best.kind === 'bullet') {
    while (leadAt > 0 && passages[leadAt]!.kind === 'bullet' && passages[leadAt]!.leadIn === best.leadIn) leadAt -= 1;
  }
  const lead = passages[leadAt]!;
  if (lead.kind !== 'para' || lead.sectionId !== best.sectionId) return undefined;
  const steps: Passage[] = [];
  for (let i = leadAt + 1; i < passages.length && passages[i]!.kind === 'bullet' && passages[i]!.leadIn === lead.text; i++) steps.push(passages[i]!);
  if (steps.length < 2 || (best.kind === 'bullet' && !steps.includes(best))) return undefined;
  const length = [lead, ...steps].reduce((sum, p) => sum + p.text.length + 1, 0);
  return length <= MAX_PROCEDURE_CHARS ? { lead, steps } : undefined;
}

/** The procedure as the answer reads in a chat: the clause, then one step per line. */
export const procedureAnswer = (p: Procedure): string => [p.lead.text, ...p.steps.map((s) => `• ${s.text}`)].join('\n');
