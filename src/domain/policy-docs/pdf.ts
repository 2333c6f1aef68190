import { err, ok, type Result } from '../result.ts';
import { HEADING_HINT } from './clean-text.ts';
import { bodySize, pageText, type TextRun } from './pdf-layout.ts';
import { textToBlocks } from './text-blocks.ts';
import type { Block } from './types.ts';

/** From this many lines set as headings on, the PDF's type sizes are trusted to mark every heading. */
const MARKED_HEADINGS = 3;

/** A PDF policy's text (see pdfToText) read into blocks by the plain-text path. */
export async function pdfToBlocks(bytes: Uint8Array): Promise<Result<{ blocks: Block[] }>> {
  const text = await pdfToText(bytes);
  if (!text.ok) return text;
  const marked = text.value.split(HEADING_HINT).length - 1 >= MARKED_HEADINGS;
  return ok({ blocks: textToBlocks(text.value, { markedHeadings: marked }) });
}

/**
 * PDF text via unpdf (a serverless build of PDF.js that runs in workerd and Node), laid out from the
 * runs' positions (pdf-layout.ts) so table cells stay apart. Pages are joined with form feeds so
 * running headers and footers can be recognised by the plain-text path.
 */
async function pdfToText(bytes: Uint8Array): Promise<Result<string>> {
  try {
    const { getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const pages: TextRun[][] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [, , , , x, y] = item.transform as number[];
        runs.push({ text: item.str, x: x!, y: y!, width: item.width, size: item.height });
      }
      pages.push(runs);
    }
    const body = bodySize(pages.flat());
    return ok(pages.map((runs) => pageText(runs, body)).join('\f'));
  } catch (e) {
    return err('invalid_input', 'The PDF could not be read.', { reason: e instanceof Error ? e.message : String(e) });
  }
}
