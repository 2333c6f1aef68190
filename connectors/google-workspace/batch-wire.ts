/**
 * Google's batch framing: a multipart/mixed body whose parts are `application/http` messages, one
 * HTTP request each; the answer mirrors it with one HTTP response per part (RFC 2046, RFC 7230).
 */
const CRLF = '\r\n';

export interface PartRequest {
  method: string;
  /** Path and query on the API host, e.g. /gmail/v1/users/a%40b/messages/x?format=metadata. */
  path: string;
  token: string;
  body?: unknown;
}

export interface PartResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export function buildBatch(parts: PartRequest[], boundary: string): string {
  let out = '';
  parts.forEach((p, i) => {
    out += `--${boundary}${CRLF}Content-Type: application/http${CRLF}Content-ID: <item-${i}>${CRLF}${CRLF}`;
    out += `${p.method} ${p.path} HTTP/1.1${CRLF}Authorization: Bearer ${p.token}${CRLF}`;
    if (p.body !== undefined) {
      const json = JSON.stringify(p.body);
      out += `Content-Type: application/json; charset=UTF-8${CRLF}${CRLF}${json}${CRLF}`;
    } else out += CRLF;
  });
  return `${out}--${boundary}--${CRLF}`;
}

export function boundaryOf(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/mixed\b/i.test(contentType.trim())) return null;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2] ?? null;
}

function splitHead(text: string): { head: string; body: string } {
  const end = text.indexOf(CRLF + CRLF);
  return end < 0 ? { head: text, body: '' } : { head: text.slice(0, end), body: text.slice(end + 4) };
}

function headersOf(block: string): Headers {
  const headers = new Headers();
  for (const line of block.split(CRLF)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return null;
  }
}

/**
 * Responses keyed by the index in our Content-ID (`<response-item-3>`), falling back to order.
 * Returns null when the body is not a multipart answer at all.
 */
export function parseBatch(raw: string, boundary: string, count: number): (PartResponse | undefined)[] | null {
  const text = CRLF + raw.replace(/\r?\n/g, CRLF);
  const chunks = text.split(`${CRLF}--${boundary}`);
  if (chunks.length < 2) return null;
  const out: (PartResponse | undefined)[] = new Array<PartResponse | undefined>(count);
  let order = 0;
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const { head, body } = splitHead(chunk.slice(chunk.indexOf(CRLF) + 2));
    const id = /item-(\d+)/.exec(headersOf(head).get('content-id') ?? '')?.[1];
    const index = id === undefined ? order : Number(id);
    order += 1;
    const http = splitHead(body);
    const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(http.head)?.[1] ?? '0');
    const lineEnd = http.head.indexOf(CRLF);
    if (index < count) out[index] = { status, headers: headersOf(lineEnd < 0 ? '' : http.head.slice(lineEnd + 2)), body: parseJson(http.body) };
  }
  return out;
}
