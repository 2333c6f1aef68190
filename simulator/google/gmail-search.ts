/**
 * The part of Gmail's search language (`q`) the checks use. Terms separated by spaces must all hold;
 * `-term` negates. Anything else (free text, OR, braces, parentheses) is refused with a 400 rather
 * than silently matching nothing, so a connector never tests against a search we do not emulate.
 */
export interface SearchableMessage {
  labelIds: readonly string[];
  /** Milliseconds since the epoch. */
  internalDate: number;
  sizeEstimate: number;
  hasAttachment: boolean;
  header: (name: string) => string;
}

export interface ParsedSearch {
  matches: (m: SearchableMessage) => boolean;
  /** `in:anywhere`, or a positive `in:trash`/`in:spam`/`label:trash`…: spam and trash are searched too. */
  searchesSpamTrash: boolean;
}

type Predicate = (m: SearchableMessage) => boolean;
const DAY_MS = 86_400_000;

const inLabels: Record<string, string> = {
  inbox: 'INBOX',
  sent: 'SENT',
  trash: 'TRASH',
  spam: 'SPAM',
  draft: 'DRAFT',
  drafts: 'DRAFT',
  starred: 'STARRED',
  important: 'IMPORTANT',
  unread: 'UNREAD',
  chats: 'CHAT',
};

const hasLabel = (label: string): Predicate => (m) => m.labelIds.some((l) => l.toLowerCase() === label.toLowerCase());

/** `2M` → 2 MiB: Gmail's size units are binary. */
function parseSize(value: string): number | null {
  const m = /^(\d+)([km])?b?$/i.exec(value);
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase();
  return Number(m[1]) * (unit === 'm' ? 1024 * 1024 : unit === 'k' ? 1024 : 1);
}

/** `older_than:12m` → the instant 12 calendar months before `now` (UTC). */
function relativeCutoff(value: string, now: Date): number | null {
  const m = /^(\d+)([dmy])$/i.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === 'd') return now.getTime() - n * DAY_MS;
  const d = new Date(now.getTime());
  if (unit === 'm') d.setUTCMonth(d.getUTCMonth() - n);
  else d.setUTCFullYear(d.getUTCFullYear() - n);
  return d.getTime();
}

/** US Pacific daylight time in force at local midnight of that date (2nd Sunday of March → 1st Sunday of November). */
function pacificDst(year: number, month: number, day: number): boolean {
  if (month < 3 || month > 11) return false;
  if (month > 3 && month < 11) return true;
  const firstSunday = 1 + ((7 - new Date(Date.UTC(year, month - 1, 1)).getUTCDay()) % 7);
  return month === 3 ? day > firstSunday + 7 : day <= firstSunday;
}

/** Gmail reads a date as midnight Pacific time; epoch seconds are taken as they are. */
function parseDate(value: string): number | null {
  if (/^\d{9,}$/.test(value)) return Number(value) * 1000;
  const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, mo, d] = ymd ? [ymd[1], ymd[2], ymd[3]] : mdy ? [mdy[3], mdy[1], mdy[2]] : [];
  if (!y || !mo || !d) return null;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  return Date.UTC(year, month - 1, day) + (pacificDst(year, month, day) ? 7 : 8) * 3_600_000;
}

function headerContains(names: string[], value: string): Predicate {
  const v = value.toLowerCase();
  return (m) => names.some((n) => m.header(n).toLowerCase().includes(v));
}

function term(operator: string, value: string, now: Date): Predicate | 'anywhere' | null {
  switch (operator) {
    case 'in':
    case 'is':
      if (operator === 'in' && value === 'anywhere') return 'anywhere';
      if (operator === 'is' && value === 'read') return (m) => !hasLabel('UNREAD')(m);
      return inLabels[value] ? hasLabel(inLabels[value]) : null;
    case 'label':
      return hasLabel(value);
    case 'larger':
    case 'size':
    case 'smaller': {
      const bytes = parseSize(value);
      if (bytes === null) return null;
      return operator === 'smaller' ? (m) => m.sizeEstimate < bytes : (m) => m.sizeEstimate > bytes;
    }
    case 'older_than':
    case 'newer_than': {
      const cutoff = relativeCutoff(value, now);
      if (cutoff === null) return null;
      return operator === 'older_than' ? (m) => m.internalDate < cutoff : (m) => m.internalDate > cutoff;
    }
    case 'after':
    case 'newer':
    case 'before':
    case 'older': {
      const at = parseDate(value);
      if (at === null) return null;
      return operator === 'after' || operator === 'newer' ? (m) => m.internalDate >= at : (m) => m.internalDate < at;
    }
    case 'has':
      return value === 'attachment' ? (m) => m.hasAttachment : null;
    case 'from':
      return headerContains(['From'], value);
    case 'to':
      return headerContains(['To', 'Cc', 'Bcc'], value);
    case 'cc':
    case 'bcc':
      return headerContains([operator === 'cc' ? 'Cc' : 'Bcc'], value);
    case 'subject':
      return headerContains(['Subject'], value);
    default:
      return null;
  }
}

/** Returns the parsed search, or the first term the simulator cannot evaluate. */
export function parseSearch(q: string, now: Date): ParsedSearch | { unsupported: string } {
  const predicates: Predicate[] = [];
  let searchesSpamTrash = false;
  for (const token of q.match(/(?:[^\s"]+|"[^"]*")+/g) ?? []) {
    if (token === 'AND') continue;
    const negated = token.startsWith('-');
    const m = /^([a-z_]+):(.+)$/i.exec(negated ? token.slice(1) : token);
    const operator = (m?.[1] ?? '').toLowerCase();
    const value = (m?.[2] ?? '').replace(/^"|"$/g, '');
    const parsed = m ? term(operator, operator === 'label' || operator === 'in' || operator === 'is' || operator === 'has' ? value.toLowerCase() : value, now) : null;
    if (parsed === null || (parsed === 'anywhere' && negated)) return { unsupported: token };
    if (parsed === 'anywhere') {
      searchesSpamTrash = true;
      continue;
    }
    const isSpamOrTrash = (operator === 'in' || operator === 'label') && ['trash', 'spam'].includes(value.toLowerCase());
    if (isSpamOrTrash && !negated) searchesSpamTrash = true;
    predicates.push(negated ? (msg) => !parsed(msg) : parsed);
  }
  return { matches: (msg) => predicates.every((p) => p(msg)), searchesSpamTrash };
}
