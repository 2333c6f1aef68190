import { err, ok, type Result } from '../result.ts';

/**
 * PDF text via unpdf (a serverless build of PDF.js that runs in workerd and Node). Pages are joined
 * with form feeds so running headers and footers can be recognised by the plain-text path.
 */
export async function pdfToText(bytes: Uint8Array): Promise<Result<string>> {
  try {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: false });
    return ok(text.join('\f'));
  } catch (e) {
    return err('invalid_input', 'The PDF could not be read.', { reason: e instanceof Error ? e.message : String(e) });
  }
}
