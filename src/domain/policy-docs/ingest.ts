import { err, ok, type Result } from '../result.ts';
import { sha256Hex } from '../content-hash.ts';
import { docxToBlocks } from './docx.ts';
import { htmlToBlocks } from './html.ts';
import { markdownToBlocks } from './markdown.ts';
import { pdfToBlocks } from './pdf.ts';
import { buildSections } from './sections.ts';
import { textToBlocks } from './text-blocks.ts';
import type { Block, IngestInput, PolicyDocument } from './types.ts';

/** Turns a policy file into titled, numbered sections ready to be indexed for questions. */
export async function ingest(input: IngestInput): Promise<Result<PolicyDocument>> {
  const converted = await toBlocks(input);
  if (!converted.ok) return converted;
  const { blocks, title: found } = converted.value;
  const title = input.title?.trim() || found || titleInFrontMatter(blocks) || 'Policy';
  const sections = buildSections(blocks, title);
  if (sections.length === 0) return err('invalid_input', 'The document has no readable policy text.');
  const normalised = blocks.map((b) => b.text.replace(/\s+/g, ' ').trim()).join('\n');
  const doc: PolicyDocument = { title, sections, contentHash: await sha256Hex(normalised) };
  const contact = findContact(blocks);
  if (contact) doc.contact = contact;
  return ok(doc);
}

async function toBlocks(input: IngestInput): Promise<Result<{ blocks: Block[]; title?: string }>> {
  switch (input.type) {
    case 'md':
      return ok({ blocks: markdownToBlocks(asText(input.bytes)) });
    case 'txt':
      return ok({ blocks: textToBlocks(asText(input.bytes)) });
    case 'html':
      return ok(htmlToBlocks(asText(input.bytes)));
    case 'docx':
      if (typeof input.bytes === 'string') return err('invalid_input', 'A .docx document must be given as bytes.');
      return docxToBlocks(input.bytes);
    case 'pdf':
      if (typeof input.bytes === 'string') return err('invalid_input', 'A PDF document must be given as bytes.');
      return pdfToBlocks(input.bytes);
  }
}

/**
 * UTF-8 first; older Word exports are often Windows-1252. Notepad's "Unicode" is UTF-16 with a byte
 * order mark, which would otherwise read as letters with a NUL between each.
 */
function asText(bytes: Uint8Array | string): string {
  if (typeof bytes === 'string') return bytes;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** What a policy calls itself: "Staff Email Policy", "Code of Conduct", "Acceptable Use Agreement". */
const NAMES_A_DOCUMENT = /\b(polic(y|ies)|code|agreement|procedures?|guidance|guidelines|standards?|rules|protocol)\b/i;
const FRONT_MATTER_BLOCKS = 12;
const UNFINISHED = /(?:\b(?:and|of|for|the|on|in|to|with)|[&,–-])$/i;

/**
 * Without a title in the file's metadata, the document is named by the first line of its front matter
 * that says what kind of document it is ("STAFF EMAIL, DATA AND ACCEPTABLE USE POLICY"), rather than the
 * trust's or school's name above it; failing that, by its first heading. A title that large type
 * wrapped onto a second heading line ("Staff Email and Online Safety" / "Policy") is read whole.
 */
function titleInFrontMatter(blocks: Block[]): string | undefined {
  const end = blocks.findIndex((b) => (b.kind === 'heading' && b.number) || (b.kind === 'para' && b.text.length > 200));
  const front = blocks.slice(0, Math.min(end < 0 ? blocks.length : end, FRONT_MATTER_BLOCKS));
  const line = (b: Block | undefined): string | undefined =>
    b && (b.kind === 'heading' || b.kind === 'para') && !b.number && b.text.length <= 120 && !/[.:]$/.test(b.text) ? b.text : undefined;
  for (const [i, b] of front.entries()) {
    const prev = front[i - 1];
    const wrapped = b.kind === 'heading' && prev?.kind === 'heading' ? `${prev.text} ${b.text}` : undefined;
    // "Staff Email and" / "Data Protection Policy": a line that cannot end a title runs on into the next.
    const runsOn = prev !== undefined && UNFINISHED.test(prev.text);
    const candidates = [line(b), wrapped && line({ ...b, text: wrapped })];
    for (const text of runsOn ? candidates.reverse() : candidates) {
      if (text && NAMES_A_DOCUMENT.test(text) && text.split(/\s+/).length >= 3) return text;
    }
  }
  return blocks.find((b) => b.kind === 'heading')?.text;
}

function findContact(blocks: Block[]): string | undefined {
  for (const b of blocks) {
    const m = /^(?:(?:policy\s+)?contact(?:\s+person)?|(?:questions|queries)\s+about\s+this\s+policy)\s*:\s*(.+)$/i.exec(b.text);
    if (m) return m[1]!.trim();
  }
  return undefined;
}
