/**
 * The addresses in an RFC 5322 address-list header (To, Cc): `"Smith, Jo" <jo@x.org>, bare@y.org,
 * Team: a@b.org, c@d.org;`. Commas inside quoted display names, angle brackets and comments do not
 * split; group names are dropped. Returns lower-cased addresses, in order, duplicates kept.
 */
export function parseAddressList(header: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i] ?? '';
    if (quoted) {
      current += ch;
      if (ch === '\\') current += header[++i] ?? '';
      else if (ch === '"') quoted = false;
      continue;
    }
    if (comment > 0) {
      if (ch === '\\') i++;
      else if (ch === '(') comment++;
      else if (ch === ')') comment--;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') {
      comment = 1;
      continue;
    } else if (ch === '<') angle++;
    else if (ch === '>') angle = Math.max(0, angle - 1);
    else if (angle === 0 && ch === ':') {
      // "Group name:" starts a group; what came before the colon is its name.
      current = '';
      continue;
    } else if (angle === 0 && (ch === ',' || ch === ';')) {
      entries.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  entries.push(current);
  return entries.map(addressOf).filter((a): a is string => a !== null);
}

function addressOf(entry: string): string | null {
  const trimmed = entry.trim();
  if (!trimmed) return null;
  const angled = /<([^<>]*)>\s*$/.exec(trimmed);
  const candidate = (angled ? angled[1] ?? '' : trimmed).trim().replace(/^mailto:/i, '');
  if (!/^[^\s@]+@[^\s@]+$/.test(candidate)) return null;
  return candidate.toLowerCase();
}
