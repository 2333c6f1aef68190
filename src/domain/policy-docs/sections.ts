import { entryLike, isContentsTitle } from './clean-text.ts';
import type { Block, Paragraph, PolicySection } from './types.ts';

interface Open {
  level: number;
  number?: string;
  heading: string;
  /** The number is the enclosing section's, not the heading's own. */
  inherited?: true;
  section?: PolicySection;
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);

/** A list item that kept its letter or roman numeral but was read as a paragraph: "a) ", "(b) ", "iv. ". */
const LETTERED_ITEM = /^\(?(?:[a-z]|[ivx]{1,4})[).]\s/;
/** "The table below shows…", "as follows:", "Contacts:": a paragraph written to introduce what follows. */
const introducesTable = (text: string): boolean => /:\s*$|\b(table|below|following)\b/i.test(text);

/**
 * Folds a flat block stream into sections. Each heading opens a section whose path is the trail of
 * enclosing headings; body text before the first heading belongs to a section named after the
 * document. Sections left without any text (title pages, contents headings) are dropped.
 */
export function buildSections(blocks: Block[], title: string): PolicySection[] {
  const sections: PolicySection[] = [];
  const stack: Open[] = [];
  const used = new Map<string, number>();
  let current: PolicySection | undefined;
  const leadNumbers = new WeakMap<Paragraph, string>();
  /** The number of the clause whose words a list item was given as its lead-in. */
  const introducerNumbers = new WeakMap<Paragraph, string>();
  /**
   * What a table row, list item or paragraph takes from the paragraph before it: the clause that
   * introduces it and that clause's number ("4.4 Attachments:" over its items belong to clause 4.4, not
   * to the section around it), carried down a run of rows or items.
   */
  const introduced = (para: Paragraph, prev: Paragraph | undefined): { leadIn?: string | undefined; number?: string | undefined; by?: string | undefined } => {
    if (!prev) return {};
    // "…as follows:" and the older "…as follows:-" both introduce what comes next.
    const endsInColon = /:-?\s*$/.test(prev.text);
    const introduces = prev.kind === 'para' && endsInColon;
    if (para.kind === 'row') {
      // A table belongs to the clause that introduces it ("5.1 The table below sets out how long
      // messages are kept"), and each row is read with that clause's words.
      if (prev.kind === 'row') return { leadIn: prev.leadIn, number: leadNumbers.get(prev) };
      return prev.kind === 'para' ? { leadIn: introducesTable(prev.text) ? prev.text : undefined, number: prev.number } : {};
    }
    if (para.kind === 'bullet') {
      // A run of items keeps its lead-in, unless an item numbers a clause beside the one introducing
      // them ("- 3.2 …" after the items of "- 3.1 … as follows:"), not one of its own ("5.8.2" under 5.8).
      const by = introducerNumbers.get(prev);
      const sibling = para.number !== undefined && by !== undefined && !para.number.startsWith(`${by}.`);
      if (prev.kind === 'bullet' && prev.leadIn !== undefined && !sibling) return { leadIn: prev.leadIn, number: leadNumbers.get(prev), by };
      // A numbered clause set out as a list item ("- 3.1 Employees … should be advised as follows:-")
      // over its own items ("- (ii) That they…"): the items are clause 3.1's, not section 3's.
      if (prev.kind === 'bullet' && prev.number !== undefined && endsInColon) return { leadIn: prev.text, number: prev.number, by: prev.number };
      return introduces ? { leadIn: prev.text, number: prev.number, by: prev.number } : {};
    }
    // "10.6 … The member of staff must:" over "a) tell their line manager…", "b) …": items read as
    // paragraphs (lettered, or a list whose bullets were lost) belong to clause 10.6, as its bullets do.
    if (prev.kind === 'para' && leadNumbers.has(prev) && (LETTERED_ITEM.test(para.text) || /[;:]\s*$/.test(prev.text))) return { number: leadNumbers.get(prev) };
    return introduces ? { number: prev.number } : {};
  };

  const open = (heading: string, number: string | undefined): PolicySection => {
    const base = `s-${slug(`${number ?? ''} ${heading}`) || 'section'}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const section: PolicySection = {
      id: n === 1 ? base : `${base}-${n}`,
      heading,
      path: stack.map((s) => s.heading),
      text: '',
      paragraphs: [],
    };
    if (number) section.number = number;
    sections.push(section);
    return section;
  };

  /**
   * A summary box under its own sub-heading ("### Rules at a glance", then a plain list) can be
   * followed by the section's numbered clauses ("3.1", "3.2"…). Those clauses belong to section 3, not
   * to the box, so the box closes. A sub-heading whose first words are themselves a clause ("### School
   * laptops", then "7.1") groups its clauses and keeps them.
   */
  const resumed = (clause: string): PolicySection | undefined => {
    const top = stack.at(-1);
    if (!top?.inherited || !current || top.section !== current) return undefined;
    const parentAt = stack.findLastIndex((s) => !s.inherited && s.number !== undefined && clause.startsWith(`${s.number}.`));
    if (parentAt < 0 || top.number !== stack[parentAt]!.number) return undefined;
    if (!current.paragraphs.some((p) => p.number === undefined)) return undefined;
    stack.length = parentAt + 1;
    return stack[parentAt]!.section;
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      while (stack.length > 0 && stack.at(-1)!.level >= block.level) stack.pop();
      // An unnumbered sub-heading ("### Rules at a glance" under "## 3. Using school email") is cited
      // with the number of the section it sits in, so that "Rules at a glance" in section 3 and in
      // section 6 can be told apart.
      const number = block.number ?? stack.findLast((s) => s.number)?.number;
      const entry: Open = { level: block.level, heading: block.text };
      if (number) entry.number = number;
      if (number && !block.number) entry.inherited = true;
      stack.push(entry);
      current = entry.section = open(block.text, number);
      continue;
    }
    if (!current) {
      stack.push({ level: 0, heading: title });
      current = open(title, undefined);
    }
    if (block.number) current = resumed(block.number) ?? current;
    const para: Paragraph = { kind: block.kind, text: block.text };
    if (block.number) para.number = block.number;
    if (block.label) para.label = block.label;
    if (block.columns) para.columns = block.columns;
    const from = introduced(para, current.paragraphs.at(-1));
    if (from.leadIn) para.leadIn = from.leadIn;
    if (from.by) introducerNumbers.set(para, from.by);
    if (from.number && !para.number) {
      para.number = from.number;
      leadNumbers.set(para, from.number);
    }
    current.paragraphs.push(para);
  }
  // A contents list ("Contents": "4. Your school email account", …) names sections; it says nothing.
  for (const s of sections) if (isContentsTitle(s.heading) && s.paragraphs.every((p) => entryLike(p.text))) s.paragraphs = [];
  for (const s of sections) s.text = s.paragraphs.map((p) => p.text).join('\n');
  return sections.filter((s) => s.paragraphs.length > 0);
}
