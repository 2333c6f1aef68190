import { decodeEntities } from './entities.ts';
import { bodyBlock, clauseNumberAt, numberedHeading } from './heading-number.ts';
import { htmlToBlocks } from './html.ts';
import { dashTableAt, gridTableAt } from './pandoc-tables.ts';
import { tableBlocks, type TableRow } from './table-rows.ts';
import type { Block } from './types.ts';
import { joinWrapped } from './wrap.ts';

/**
 * An HTML tag: a known element's name, bare or with attributes ("<aside>", "<span class=…>"). A
 * template's placeholder ("<school name>", "<the same day>") is text and stays.
 */
const HTML_TAG = /<\/?(?:aside|details|summary|div|span|br|p|b|i|u|em|strong|a|img|sup|sub|font|small|mark|hr|center|section|figure|figcaption|ins|del|s|kbd|code)(?:\s+[^<>=]+=[^<>]*)?\s*\/?>/gi;
/**
 * A backslash escape ("\[Academy name\]", "5\.6", "dpo\@…", as pandoc writes any punctuation that
 * could be read as markup) stands for the character itself. It is set aside first, as a private-use
 * character, so an escaped "*" or "[" is never taken for emphasis or a link, and restored last.
 */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const ESCAPE_BASE = 0xe000;
const hideEscapes = (text: string): string => text.replace(ESCAPED, (_, c: string) => String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)));
const restoreEscapes = (text: string): string => text.replace(/[\ue021-\ue07e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE));
/** Pandoc's attributes on a heading or span ("{#purpose .unnumbered}", "[must]{.underline}"). */
const ATTRIBUTES = /\s*\{(?:\s*(?:[#.][\w:-]+|[\w-]+=(?:"[^"]*"|[^\s}]+)))+\s*\}/g;
// Markdown pasted from Word or a CMS keeps entity references ("&nbsp;" on a spacer line, "&amp;").
const markup = (text: string): string =>
  decodeEntities(text)
    .replace(/\[([^\]]*)\]\{[^}]*\}/g, '$1')
    .replace(ATTRIBUTES, '')
    // A footnote's marker ("…Office.[^1]"): the note itself is read after the paragraph (footnotesOf).
    .replace(/\[\^[^\]\s]+\]/g, '')
    // A hard line break pandoc marks with a backslash at the end of the line.
    .replace(/\\$/, '')
    // An image (a logo, "alt_text" where a converter left no description) is not policy text.
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S.*?\S|\S)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    // An asterisk emphasises inside a word too ("e*mail*"); an underscore does not ("file_name_v2").
    .replace(/\*(\S[^*]*?\S|\S)\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    // Inline HTML a Notion or CMS export leaves in ("<br>", "<span …>"): markup, not text.
    .replace(HTML_TAG, ' ');
const inline = (text: string): string => restoreEscapes(markup(hideEscapes(text)));
/** A line that is only HTML tags: Notion's "<aside>" around a callout, "</details>". */
const TAGS_ONLY = new RegExp(`^\\s*(?:${HTML_TAG.source}\\s*)+$`, 'i');
/** A block quote's markers: Notion exports a callout as "> 💡 Tip: …" lines, with a lone ">" between paragraphs. */
const QUOTE = /^\s{0,3}(?:>\s?)+/;

const HTML_COMMENT = /<!--[\s\S]*?-->/g;
/** The alerts Docs to Markdown writes into its output ("gd2md-html alert: inline image link here…"). */
const CONVERTER_ALERT = /gd2md-html|#gdcalert|>>>>>/;

/** A footnote's text ("[^1]: UK GDPR, Article 33…"): read after the paragraph that refers to it. */
const FOOTNOTE = /^\[\^([^\]\s]+)\]:\s*(.*)$/;
const FOOTNOTE_MARK = /\[\^([^\]\s]+)\]/g;
/**
 * MkDocs Material's boxes: an admonition (`!!! warning "Never share your password"`, collapsible
 * `??? note "…"`) or a content tab (`=== "iPad"`), whose indented lines are its content. The title says
 * what the content is about, as a table row's left-hand cell does, so it becomes the content's label.
 */
const BOX = /^\s*(?:(?:!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+[\w-]+)*\s*(?:"([^"]*)")?|===\+?\s+"([^"]*)")\s*$/;
/** MkDocs' abbreviation definitions ("*[DSL]: Designated Safeguarding Lead") and snippet includes ("--8<-- …"). */
const SITE_MARKUP = /^\s*(?:\*\[[^\]]+\]:|-{2}8<-{2})/;

/** A Markdown file's footnotes by id, and its lines without them (a note's indented lines are part of it). */
function footnotesOf(lines: string[]): { notes: Map<string, string>; rest: string[] } {
  const notes = new Map<string, string>();
  const rest: string[] = [];
  let open: string | undefined;
  for (const line of lines) {
    const note = FOOTNOTE.exec(line);
    if (note) {
      open = note[1]!;
      notes.set(open, note[2]!);
    } else if (open !== undefined && /^(\s{4}|\t)\S/.test(line)) {
      notes.set(open, `${notes.get(open)!} ${line.trim()}`);
    } else {
      if (line.trim() !== '') open = undefined;
      rest.push(line);
    }
  }
  return { notes, rest };
}

/**
 * A YAML block at the very top ("---" / "title: …" / "---"), as pandoc and static-site tools write the
 * document's properties: its title is the document's, the rest is not policy text.
 */
function frontMatter(source: string): { title?: string; body: string } {
  const block = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (!block || !/^[\w-]+:/m.test(block[1]!)) return { body: source };
  const title = /^title:\s*(?:(["'])(.*)\1|(.*))\s*$/m.exec(block[1]!);
  const text = (title?.[2] ?? title?.[3] ?? '').trim();
  return { ...(text ? { title: text } : {}), body: source.slice(block[0].length) };
}

const fieldLine = /^[A-Z][A-Za-z ]{1,40}:\s+\S/;

/** Markdown to blocks: ATX headings, lists, pipe tables; inline emphasis and links reduced to text. */
export function markdownToBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let para: { kind: 'para' | 'bullet'; parts: string[] } | undefined;
  // The list item just ended, while nothing else has followed it: an indented paragraph after it is
  // more of the item (Notion writes a toggle's content that way, under its title).
  let item: { para: NonNullable<typeof para>; at: number } | undefined;
  let inFence = false;
  // The title of the MkDocs admonition or tab whose indented content is being read.
  let box: string | undefined;
  let table: TableRow[] = [];
  const endTable = (): void => {
    blocks.push(...tableBlocks(table));
    table = [];
  };
  const { title, body } = frontMatter(source.replace(/\r\n?/g, '\n'));
  if (title) blocks.push({ kind: 'heading', level: 1, text: inline(title) });
  const { notes, rest: lines } = footnotesOf(body.replace(HTML_COMMENT, '').split('\n').filter((l) => !CONVERTER_ALERT.test(l) && !SITE_MARKUP.test(l)));
  // A paragraph's notes wait for the list or table that follows it ("…we monitor:") to end.
  let waiting: Block[] = [];
  // The number of the last paragraph read, which a list after it belongs to.
  let clause: string | undefined;
  const release = (): void => {
    blocks.push(...waiting);
    waiting = [];
  };
  const flush = (): void => {
    if (!para) return;
    if (para.kind !== 'bullet') release();
    const block: Block = bodyBlock(para.kind, joinWrapped(para.parts.map(inline)));
    if (box) block.label = box;
    if (block.text) blocks.push(block);
    if (block.kind === 'para') clause = block.number;
    item = para.kind === 'bullet' && block.text ? { para, at: blocks.length - 1 } : undefined;
    // A note follows the paragraph that refers to it, as a paragraph of its own in the same clause.
    for (const [, id] of para.parts.join(' ').matchAll(FOOTNOTE_MARK)) {
      const note = notes.get(id!);
      if (note === undefined) continue;
      notes.delete(id!);
      const text = inline(note);
      if (!text) continue;
      // A note on a list item belongs to the clause that introduced the list.
      const number = block.number ?? (para.kind === 'bullet' ? clause : undefined);
      waiting.push({ kind: 'para', text, ...(number ? { number } : {}) });
    }
    para = undefined;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i]!;
    const drawn = inFence ? undefined : (gridTableAt(lines, i) ?? dashTableAt(lines, i));
    if (drawn) {
      flush();
      endTable();
      blocks.push(...tableBlocks(drawn.rows.map((r) => ({ ...r, cells: r.cells.map(inline) }))));
      i = drawn.end - 1;
      continue;
    }
    // A table written as HTML (Docs to Markdown's default) is read as the HTML reader reads one.
    if (!inFence && /^\s*<table\b/i.test(raw)) {
      let end = i;
      while (end < lines.length && !/<\/table>/i.test(lines[end]!)) end += 1;
      if (end < lines.length) {
        flush();
        endTable();
        blocks.push(...htmlToBlocks(lines.slice(i, end + 1).join('\n')).blocks);
        i = end;
        continue;
      }
    }
    const line = inFence ? raw.trimEnd() : raw.trimEnd().replace(QUOTE, '').replace(TAGS_ONLY, '');
    // A box's content is indented under it; the first line back at the margin ends it.
    if (box !== undefined && line.trim() !== '' && !/^(\s{2,}|\t)/.test(line)) {
      flush();
      box = undefined;
    }
    const boxed = inFence ? undefined : BOX.exec(line);
    if (boxed) {
      flush();
      endTable();
      // Untitled, an admonition is named by its type ("!!! note" → "Note"); a tab always has a title.
      const type = boxed[1] ?? '';
      const named = boxed[2] ?? boxed[3];
      box = (named !== undefined ? inline(named).trim() : type.charAt(0).toUpperCase() + type.slice(1)) || undefined;
      item = undefined;
      release();
      continue;
    }
    const tableLine = /^\s*\|/.test(line);
    if (!tableLine) endTable();
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      flush();
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!inFence && heading) {
      flush();
      release();
      clause = undefined;
      blocks.push({ kind: 'heading', level: heading[1]!.length, ...numberedHeading(inline(heading[2]!)) });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    // "Title" underlined with === or --- is a heading (setext); a rule on its own line is a divider.
    const rule = /^\s{0,3}(?:(=+)|([-*_])(?:\s*\2){2,})\s*$/.exec(line);
    if (!inFence && rule && (rule[1] || rule[2] === '-') && para?.kind === 'para') {
      const text = joinWrapped(para.parts.map(inline));
      para = undefined;
      blocks.push({ kind: 'heading', level: rule[1] ? 1 : 2, ...numberedHeading(text) });
      continue;
    }
    if (!inFence && rule && !rule[1]) {
      flush();
      continue;
    }
    if (tableLine) {
      flush();
      const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => inline(c.trim()));
      // The row above a |---| line is the header ("Topic | Rule").
      const separator = cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '');
      const above = table.at(-1);
      if (separator && above) above.header = true;
      else if (!separator) table.push({ cells });
      continue;
    }
    const bullet = /^\s*(?:[-*+•]|\d{1,2}[.)])\s+(.*)$/.exec(line);
    if (bullet && !clauseNumberAt(line)) {
      flush();
      para = { kind: 'bullet', parts: [bullet[1]!] };
      continue;
    }
    if (!para && item && item.at === blocks.length - 1 && /^(\s{2,}|\t)/.test(line)) {
      blocks.pop();
      para = item.para;
      para.parts.push(line.trim());
      continue;
    }
    // "Policy contact: …" style metadata lines are facts of their own, not a wrapped paragraph.
    if (fieldLine.test(line.trim())) flush();
    if (!para) para = { kind: 'para', parts: [] };
    para.parts.push(line.trim());
    if (fieldLine.test(line.trim())) flush();
  }
  flush();
  endTable();
  release();
  // A note no paragraph refers to is read where a reader finds it, at the end.
  for (const note of notes.values()) if (inline(note)) blocks.push({ kind: 'para', text: inline(note) });
  return blocks;
}
