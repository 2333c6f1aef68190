/** Opaque page tokens that carry an offset (clients must treat them as opaque, as with Google's). */
export function encodePageToken(offset: number): string {
  return btoa(`sim-offset:${offset}`).replace(/=+$/, '');
}

/** undefined → first page; null → a token this simulator never issued. */
export function decodePageToken(token: string | undefined): number | null {
  if (token === undefined || token === '') return 0;
  try {
    const m = /^sim-offset:(\d+)$/.exec(atob(token));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Parses `maxResults`: default when absent, null when not an integer in 1..max. */
export function parseMaxResults(raw: string | undefined, fallback: number, max: number): number | null {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : null;
}
