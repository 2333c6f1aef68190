import type { Row } from './odata-filter.ts';

export class QueryError extends Error {}

/** `$select=a,b`: undefined when absent; unknown names are a 400 as in Graph. */
export function parseSelect(raw: string | undefined, known: Iterable<string>, entity: string): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const set = new Set(known);
  for (const name of names) if (!set.has(name)) throw new QueryError(`Could not find a property named '${name}' on type '${entity}'.`);
  return names;
}

export function project(row: Row, select: string[] | undefined, defaults: readonly string[], always: readonly string[] = ['id']): Row {
  const names = select ?? defaults;
  const out: Row = {};
  for (const name of [...always, ...names]) if (name in row && row[name] !== undefined) out[name] = row[name];
  return out;
}

/** `$top`, bounded as Graph bounds it for the entity. */
export function parseTop(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new QueryError(`Invalid page size specified: '${raw}'. Must be between 1 and ${max} inclusive.`);
  return n;
}

/** The page size a `Prefer: odata.maxpagesize=N` header asks for. */
export function preferredPageSize(prefer: string | undefined, fallback: number, max: number): number {
  const match = /odata\.maxpagesize=(\d+)/i.exec(prefer ?? '');
  const n = match ? Number(match[1]) : fallback;
  return Math.min(Math.max(n, 1), max);
}

/** Skiptokens are opaque to clients; ours carry an offset (and, for delta, the rounds' seqs). */
export function encodeToken(state: Record<string, number>): string {
  const json = JSON.stringify(state);
  return 'RFNwdA' + btoa(json).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}

export function decodeToken(token: string | undefined): Record<string, number> | undefined {
  if (!token) return undefined;
  try {
    const body = token.replace(/^RFNwdA/, '').replaceAll('-', '+').replaceAll('_', '/');
    const parsed: unknown = JSON.parse(atob(body));
    if (parsed && typeof parsed === 'object' && Object.values(parsed).every((v) => typeof v === 'number')) return parsed as Record<string, number>;
  } catch {
    // fall through: an unreadable token is a client error
  }
  throw new QueryError('The skip token is invalid or has expired.');
}

/** The request URL with one query parameter replaced (how Graph builds nextLink). */
export function linkWith(url: string, name: string, value: string, drop: string[] = []): string {
  const next = new URL(url);
  for (const d of drop) next.searchParams.delete(d);
  next.searchParams.set(name, value);
  return next.toString().replaceAll('%24', '$');
}

export function contextUrl(url: string, fragment: string): string {
  return `${new URL(url).origin}/v1.0/$metadata#${fragment}`;
}

/**
 * One page of a collection as Graph pages it: `$top` rows from the offset a `$skiptoken` carries, and
 * an `@odata.nextLink` while rows remain. `extra` (e.g. `@odata.count`) lands before the rows, and
 * `shape` ($select) is applied to the page's rows only.
 */
export function collectionPage(url: string, rows: Row[], top: number, fragment: string, options: { extra?: Row; shape?: (row: Row) => Row } = {}): Row {
  const offset = decodeToken(new URL(url).searchParams.get('$skiptoken') ?? undefined)?.o ?? 0;
  const body: Row = { '@odata.context': contextUrl(url, fragment), ...options.extra };
  if (offset + top < rows.length) body['@odata.nextLink'] = linkWith(url, '$skiptoken', encodeToken({ o: offset + top }));
  const page = rows.slice(offset, offset + top);
  body.value = options.shape ? page.map(options.shape) : page;
  return body;
}
