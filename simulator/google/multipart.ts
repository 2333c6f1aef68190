/**
 * Just enough RFC 2046 multipart/mixed and RFC 7230 message framing for Google's batch protocol:
 * each part is `Content-Type: application/http` wrapping one HTTP request or response.
 */
export interface MimePart {
  headers: Headers;
  body: string;
}

export interface HttpRequestText {
  method: string;
  target: string;
  headers: Headers;
  body: string;
}

const CRLF = '\r\n';

export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/mixed\b/i.test(contentType.trim())) return null;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2] ?? null;
}

function parseHeaderBlock(block: string): Headers {
  const headers = new Headers();
  for (const line of block.split(CRLF)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Splits a header block from its body at the first empty line. */
function splitHead(text: string): { head: string; body: string } {
  if (text.startsWith(CRLF)) return { head: '', body: text.slice(2) };
  const end = text.indexOf(CRLF + CRLF);
  return end < 0 ? { head: text, body: '' } : { head: text.slice(0, end), body: text.slice(end + 4) };
}

/**
 * Body parts between `--boundary` delimiters. The CRLF before each delimiter belongs to the
 * delimiter; the preamble and epilogue are ignored. Bare LF line ends are accepted too.
 */
export function parseMultipart(raw: string, boundary: string): MimePart[] | null {
  const text = CRLF + raw.replace(/\r?\n/g, CRLF);
  const chunks = text.split(CRLF + '--' + boundary);
  if (chunks.length < 2) return null;
  const parts: MimePart[] = [];
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) return parts;
    const lineEnd = chunk.indexOf(CRLF);
    // Anything after the boundary on the delimiter line is transport padding.
    if (lineEnd < 0 || chunk.slice(0, lineEnd).trim() !== '') return null;
    const { head, body } = splitHead(chunk.slice(lineEnd + 2));
    parts.push({ headers: parseHeaderBlock(head), body });
  }
  // No close delimiter: tolerated, as Google's front end does.
  return parts;
}

export function parseHttpRequest(text: string): HttpRequestText | null {
  const trimmed = text.replace(/^(\r\n)+/, '');
  const lineEnd = trimmed.indexOf(CRLF);
  const requestLine = lineEnd < 0 ? trimmed : trimmed.slice(0, lineEnd);
  const m = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?$/.exec(requestLine.trim());
  if (!m) return null;
  const { head, body } = lineEnd < 0 ? { head: '', body: '' } : splitHead(trimmed.slice(lineEnd + 2));
  return { method: m[1] ?? 'GET', target: m[2] ?? '/', headers: parseHeaderBlock(head), body };
}

const reasons: Record<number, string> = { 200: 'OK', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error' };

export function httpResponseText(status: number, headers: Headers, body: string): string {
  const lines = [`HTTP/1.1 ${status} ${reasons[status] ?? ''}`.trimEnd()];
  headers.forEach((value, name) => {
    if (name !== 'content-length') lines.push(`${name}: ${value}`);
  });
  lines.push(`content-length: ${new TextEncoder().encode(body).length}`);
  return lines.join(CRLF) + CRLF + CRLF + body;
}

export function buildMultipart(parts: { headers: Record<string, string>; body: string }[], boundary: string): string {
  let out = '';
  for (const part of parts) {
    out += `--${boundary}${CRLF}`;
    for (const [name, value] of Object.entries(part.headers)) out += `${name}: ${value}${CRLF}`;
    out += CRLF + part.body + CRLF;
  }
  return out + `--${boundary}--${CRLF}`;
}
