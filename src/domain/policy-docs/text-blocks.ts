import { alignedTable } from './aligned-table.ts';
import { cleanText, endsSentence, entryKey, readContents } from './clean-text.ts';
import { isAllCaps, looksLikeHeading, numbersClausesThroughout, shapeOf, wordCount, type LineShape } from './classify-line.ts';
import { findTableRuns, groupLines, tableRows, type LineGroup } from './flat-table.ts';
import { isFormLabel } from './form-fields.ts';
import { cellPerLineRows, gridRows, isGrid, spacedCellRows, spacedGrid, splitTabbedRuns } from './grid-table.ts';
import type { Block } from './types.ts';
import { joinWrapped, RUNS_ON } from './wrap.ts';

interface Line {
  shape: LineShape;
  first: boolean;
  last: boolean;
}

export interface TextOptions {
  /**
   * Headings carry HEADING_HINT (a PDF's larger type): other unnumbered lines are then never taken for
   * headings, however short, so a spaced-out list stays a list.
   */
  markedHeadings?: boolean;
}

/** Plain text (typed, pasted, or extracted from a PDF) to structural blocks. */
export function textToBlocks(raw: string, options: TextOptions = {}): Block[] {
  const { text, entries } = readContents(raw);
  const lines = cleanText(text).split('\n');
  const groups = splitTabbedRuns(groupLines(lines));
  const runs = findTableRuns(groups);
  const builder = new BlockBuilder(wrapWidth(lines), options.markedHeadings ?? false, entries, numbersClausesThroughout(lines), sentenceOpeners(lines));
  let g = 0;
  while (g < groups.length) {
    const table = tableAt(groups, g, runs);
    if (table) {
      builder.flush();
      for (const row of table.rows) builder.push(row);
      g = table.end;
      continue;
    }
    const group = groups[g]!;
    group.lines.forEach((text, i) => {
      if (text.trim() === '') return;
      builder.line({ shape: builder.shape(text), first: i === 0, last: i === group.lines.length - 1 }, group.lines[i + 1]);
    });
    builder.endGroup();
    g += 1;
  }
  builder.flush();
  return builder.blocks;
}

/**
 * A table starting at group `g`, in whichever form plain text kept it: columns flattened into pairs
 * of lines, tabbed rows set apart by blank lines, fixed-width columns, one cell per line, or tabbed
 * rows. Returns its rows and the group after it.
 */
function tableAt(groups: LineGroup[], g: number, runs: Array<[number, number]>): { rows: Block[]; end: number } | undefined {
  const run = runs.find(([from]) => from === g);
  if (run) return { rows: tableRows(groups.slice(run[0], run[1])), end: run[1] };
  const spaced = spacedGrid(groups, g) ?? spacedCellRows(groups, g);
  if (spaced) return spaced;
  const group = groups[g]!;
  // A tabbed grid that is a contents page has no rows, but is still consumed.
  const rows = alignedTable(group) ?? cellPerLineRows(group) ?? (isGrid(group) ? gridRows(group) : undefined);
  return rows && { rows, end: g + 1 };
}

const minorWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', '&', '/']);
/** Inside running text only Title Case lines are taken as headings; "Always use your own passwords" is a list item. */
function titleLike(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => !minorWords.has(w.toLowerCase()));
  if (words.length <= 2) return true;
  return words.filter((w) => /^[A-Z0-9(“"‘']/.test(w)).length / words.length >= 0.6;
}
const MODAL = /\b(must|may|might|should|shall|will|would|can|could)\b/i;
/** "The member of staff may also wish to take advice from their union": a sentence, though it lost its full stop. */
const sentenceWithoutStop = (text: string): boolean => !titleLike(text) && wordCount(text) >= 8 && MODAL.test(text);
const lastText = (block: Block | undefined): string | undefined => (block?.kind === 'para' ? block.text : undefined);

/**
 * How a new rule opens ("Do not…", "Never…", "Staff must…"): after a line without a full stop it starts
 * a new item of a list whose bullets were lost, not the rest of the previous sentence.
 */
const NEW_RULE = /^(Do not|Don['’]t|Never|Always|Ensure|Make sure|Please|Remember|Avoid|Only|Staff (must|should|may|will|are)|You (must|should|may|will|are)|All (staff|users|pupils)|It is)\b/;

/** A sub-clause lettered after its clause's number ("6a)", "35e)") or on its own ("c)"). */
const SUB_CLAUSE = /^(?:\d{1,2})?[a-z]\)\s/;

const SECTION_ONLY = /^(\d{1,2})[.)]$/;

/**
 * Words the document writes in lower case inside its sentences ("on", "staff", "the"), lower-cased: one
 * of them capitalised at the start of a line opens a sentence, where a name's word ("Learning" in "The
 * Nene Valley Learning Trust") may just be the rest of a line that wrapped.
 */
function sentenceOpeners(lines: string[]): Set<string> {
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  for (const line of lines) {
    const words = line.trim().split(/\s+/);
    for (let i = 1; i < words.length; i += 1) {
      if (/[.!?:;"”)]$/.test(words[i - 1]!)) continue;
      const word = /^[A-Za-z]+$/.exec(words[i]!)?.[0];
      if (!word) continue;
      const counts = /^[a-z]/.test(word) ? lower : upper;
      counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
    }
  }
  return new Set([...lower].filter(([word, n]) => n >= 3 && n >= 1.5 * (upper.get(word) ?? 0) && word !== 'i').map(([word]) => word));
}

/** A line this close to the wrap width was broken by the wrapping, not by the writer. */
const FULL_LINE = 0.85;

/**
 * The width a hard-wrapped document (typed with line breaks, or extracted from a PDF) was wrapped at,
 * or undefined when lines are whole paragraphs. Wrapped text has most of its longer lines within a few
 * characters of one width; paragraphs typed on one line each vary widely.
 */
function wrapWidth(lines: string[]): number | undefined {
  // A line holding a tab is a table row or a clause laid out beside its number, never wrapped prose.
  const lengths = lines
    .filter((l) => !l.trim().includes('\t'))
    .map((l) => l.trim().length)
    .filter((n) => n >= 40)
    .sort((a, b) => a - b);
  if (lengths.length < 20) return undefined;
  const width = lengths[Math.floor(lengths.length * 0.9)]!;
  const nearWidth = lengths.filter((n) => n >= width * FULL_LINE && n <= width * 1.05).length;
  return nearWidth / lengths.length >= 0.5 ? width : undefined;
}

class BlockBuilder {
  private readonly wrappedAt: number | undefined;

  private readonly markedHeadings: boolean;

  constructor(wrappedAt: number | undefined, markedHeadings: boolean, contents: Set<string>, plainNumbersAreClauses: boolean, openers: Set<string>) {
    this.wrappedAt = wrappedAt;
    this.openers = openers;
    this.markedHeadings = markedHeadings;
    this.contents = contents;
    this.plainNumbersAreClauses = plainNumbersAreClauses;
  }

  /** "7) MFA is switched on…" is clause 7 in a document numbered 1) … 53) throughout, else a list item. */
  private readonly plainNumbersAreClauses: boolean;

  shape(line: string): LineShape {
    return shapeOf(line, this.plainNumbersAreClauses);
  }

  /** Words that, capitalised at a line's start, open a sentence (sentenceOpeners). */
  private readonly openers: Set<string>;

  /** Entries of the document's contents page: a heading listed there is a section of its own. */
  private readonly contents: Set<string>;

  blocks: Block[] = [];
  private open: { kind: 'para' | 'bullet'; parts: string[]; number?: string } | undefined;
  private pendingNumber: string | undefined;
  /** A section's number set on the line above its heading. */
  private pendingSection: string | undefined;
  private lastNumberedLevel = 0;
  /** Numbered top-level headings are written in capitals ("10.  WHEN YOU LEAVE THE TRUST"). */
  private capitalSections = false;
  /** Set while short unmarked lines follow "…include:" — they are list items, not headings. */
  private inImplicitList = false;

  push(block: Block): void {
    this.blocks.push(block);
  }

  endGroup(): void {
    this.inImplicitList = false;
  }

  flush(): void {
    if (!this.open) return;
    const text = joinWrapped(this.open.parts);
    if (text) {
      const block: Block = { kind: this.open.kind, text };
      if (this.open.number) block.number = this.open.number;
      this.blocks.push(block);
    }
    this.open = undefined;
  }

  private heading(level: number, text: string, number?: string, listed = false): void {
    this.flush();
    this.inImplicitList = false;
    const prev = this.blocks.at(-1);
    // Headings with nothing between them nest: "Email Use Policy" then "All users".
    if (number === undefined && !listed && prev?.kind === 'heading' && prev.number === undefined && level <= prev.level) {
      level = Math.min(prev.level + 1, 4);
    }
    const block: Block = { kind: 'heading', level, text: text.replace(/:$/, '').trim() };
    if (number) block.number = number;
    this.blocks.push(block);
  }

  private continues(text: string, first: boolean): boolean {
    if (!this.open) return false;
    const prev = this.open.parts.at(-1) ?? '';
    // "35e) Do not use your personal phone…" starts a sub-clause, even after a full line.
    if (SUB_CLAUSE.test(text)) return false;
    if (/[a-z]-$/i.test(prev)) return true;
    // In hard-wrapped text a full line runs on into the next, even when it happens to end a sentence
    // ("…approve new apps." / "The DSL is…") or the next starts with a name ("…folder on" / "SharePoint").
    if (!first && this.wrappedAt !== undefined && prev.length >= this.wrappedAt * FULL_LINE) return true;
    if (endsSentence(prev)) return false;
    // A paragraph a page break cut ("…by email, telephone or" / "Teams. If somebody asks…") goes on.
    // A heading or a table's caption there ("Table 1: How long email is kept") is set into the page.
    if (first) return /^[a-z]/.test(text) || (RUNS_ON.test(prev) && !/[-–(/]$/.test(prev) && !looksLikeHeading(text));
    // With headings marked, an unfinished sentence always runs on ("…Policy owner: School Business" /
    // "Manager"): the next line cannot be a heading.
    if (this.markedHeadings) return true;
    // Typed a paragraph to a line, one that lost its full stop ("…should not be used on a school network")
    // is followed by a new sentence ("On termination of employment…"), not by the rest of its own.
    const opener = /^([A-Z][a-z]*)\b/.exec(text)?.[1];
    if (this.wrappedAt === undefined && opener && this.openers.has(opener.toLowerCase()) && !RUNS_ON.test(prev)) return false;
    return /^[a-z(]/.test(text) || (this.open.parts.length > 0 && wordCount(prev) >= 8 && !looksLikeHeading(text) && !NEW_RULE.test(text));
  }

  line(line: Line, nextRaw: string | undefined): void {
    const { shape, first, last } = line;
    switch (shape.t) {
      case 'clause-number':
        this.flush();
        this.pendingNumber = shape.number;
        return;
      case 'numbered': {
        // "5.3 Occasional, brief personal use of email is allowed" wrapped onto "provided that…" reads
        // like a heading on its own; the next line running on from it shows it is a clause.
        // Where headings are set larger (a PDF), a numbered line in body type is a clause, however short.
        // Unless the contents page lists it: a model policy's "4. Email and parents" shaded across the
        // top of its table is a heading in body type.
        if ((this.markedHeadings && !shape.hint && !this.listed(shape.text, first, last)) || this.runsOn(`${shape.number} ${shape.text}`, nextRaw)) {
          this.flush();
          this.open = { kind: 'para', parts: [shape.text], number: shape.number };
          this.pendingNumber = undefined;
          return;
        }
        const level = shape.number.split('.').length;
        this.lastNumberedLevel = level;
        if (level === 1) this.capitalSections = isAllCaps(shape.text);
        this.heading(level, shape.text, shape.number);
        return;
      }
      case 'named-heading':
        this.lastNumberedLevel = 1;
        this.heading(1, shape.text, shape.number);
        return;
      case 'bullet':
        this.flush();
        this.open = { kind: 'bullet', parts: [shape.text] };
        if (shape.number) this.open.number = shape.number;
        return;
      case 'text':
        break;
    }
    const text = shape.text;
    // "2." over "Roles and responsibilities": Word's plain-text export sets a numbered heading's number
    // on a line of its own.
    const section = SECTION_ONLY.exec(text);
    const next = section && nextRaw !== undefined ? this.shape(nextRaw) : undefined;
    if (section && next?.t === 'text' && !next.number && looksLikeHeading(next.text)) {
      this.flush();
      this.pendingSection = section[1];
      return;
    }
    if (this.pendingSection) {
      const number = this.pendingSection;
      this.pendingSection = undefined;
      this.lastNumberedLevel = 1;
      this.capitalSections = isAllCaps(text);
      this.heading(1, text, number);
      return;
    }
    if (shape.indented && this.open?.kind === 'bullet' && !endsSentence(this.open.parts.at(-1) ?? '')) {
      this.open.parts.push(text);
      return;
    }
    // In text not wrapped at a fixed width each line is a paragraph: after "…including:" each is an item
    // of the list, though its bullet was lost ("supply and agency staff" under "teaching staff").
    const listItem = this.inImplicitList && this.wrappedAt === undefined && this.open?.kind === 'bullet';
    if (!shape.number && !listItem && this.continues(text, first)) {
      this.open!.parts.push(text);
      return;
    }
    const listed = this.listed(text, first, last);
    if (!this.pendingNumber && !shape.number && (listed || this.isHeading(text, shape.hint, first, last, nextRaw))) {
      // A capitals heading among capitals sections is one more of them ("THE TRUST EMAIL DISCLAIMER"
      // after "10.  WHEN YOU LEAVE THE TRUST"), not a part of the one before; so is a heading the
      // contents page lists on a line of its own ("Who to Contact" after section 14).
      const level = listed || (isAllCaps(text) && (this.lastNumberedLevel === 0 || this.capitalSections)) ? 1 : this.lastNumberedLevel + 1;
      this.heading(level, text, undefined, listed);
      return;
    }
    this.flush();
    const number = shape.number ?? this.pendingNumber;
    // A clause with its own number ("6.5 Before you send, check:") ends the list before it.
    if (number) this.inImplicitList = false;
    // A long line is an item too where each line is a paragraph (text not wrapped at a fixed width).
    const kind = this.inImplicitList && (wordCount(text) <= 14 || this.wrappedAt === undefined) ? 'bullet' : 'para';
    this.open = { kind, parts: [text] };
    if (number) this.open.number = number;
    this.pendingNumber = undefined;
    // A form's blank to fill in ("Name of pupil:") introduces no list.
    if (/:$/.test(text) && !isFormLabel(text)) this.inImplicitList = true;
  }

  /** A line standing alone that the contents page names: a section's heading. */
  private listed(text: string, first: boolean, last: boolean): boolean {
    return first && last && this.contents.has(entryKey(text));
  }

  /** The next line of the same paragraph carries on this one's sentence. */
  private runsOn(text: string, nextRaw: string | undefined): boolean {
    if (nextRaw === undefined || nextRaw.trim() === '') return false;
    const next = this.shape(nextRaw);
    if (next.t !== 'text' || next.number) return false;
    return /^[a-z(]/.test(next.text) || (this.wrappedAt !== undefined && text.length >= this.wrappedAt * FULL_LINE);
  }

  private isHeading(text: string, hint: boolean, first: boolean, last: boolean, nextRaw: string | undefined): boolean {
    if (hint) return wordCount(text) <= 15;
    if (this.markedHeadings) return isAllCaps(text) && !/[.;,]$/.test(text);
    if (this.inImplicitList || isFormLabel(text)) return false;
    if (isAllCaps(text) && !/[.;,]$/.test(text)) return true;
    if (/https?:|www\.|@/.test(text)) return false;
    if (!looksLikeHeading(text, first && last ? 14 : 10) || text.length > 100) return false;
    // A flowchart's "Yes" and "No", and a sentence that lost its full stop ("The member of staff may
    // also wish to take advice from their union"), stand alone without being headings.
    if (/^\W*(yes|no|or|and)\W*$/i.test(text) || (first && last && sentenceWithoutStop(text))) return false;
    const prev = this.open?.parts.at(-1) ?? lastText(this.blocks.at(-1));
    // After such a sentence, as after one with its full stop, what follows starts afresh.
    const afterBreak = prev === undefined || endsSentence(prev) || sentenceWithoutStop(prev) || this.blocks.at(-1)?.kind !== 'para';
    if (first && last) return afterBreak;
    if (!(first || afterBreak) || nextRaw === undefined) return false;
    const next = this.shape(nextRaw);
    // A short line opening a paragraph group, over a numbered clause, heads it however it is cased
    // ("Personal email and forwarding" over "3.1 You must not…").
    if (first && next.t === 'text' && next.number) return true;
    if (!titleLike(text)) return false;
    if (next.t === 'bullet') return true;
    return next.t === 'text' && wordCount(next.text) >= 12;
  }
}
