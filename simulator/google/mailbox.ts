import type { GoogleUser } from '../fixture/google.ts';
import type { z } from 'zod';
import type { gmailMessageSchema } from '../fixture/google.ts';
import type { SearchableMessage } from './gmail-search.ts';

export type GmailMessage = z.infer<typeof gmailMessageSchema>;
type Bulk = GoogleUser['gmail']['bulk'][number];

/** Size the simulator gives each bulk message (bulk entries carry no size of their own). */
export const BULK_MESSAGE_SIZE = 4096;

/**
 * A user's mail as Gmail lists it: explicit messages plus bulk ranges. Bulk messages only become
 * objects when a page or a lookup needs them; once one is modified it is written into
 * `gmail.messages` (same id) and the range skips it from then on.
 */
type Segment = { kind: 'one'; message: GmailMessage } | { kind: 'bulk'; entry: Bulk; start: number; holes: number[] };

const bulkPrefix = (user: GoogleUser): string => `${user.id}-bulk-`;

function bulkIndex(user: GoogleUser, id: string): number | null {
  const prefix = bulkPrefix(user);
  if (!id.startsWith(prefix)) return null;
  const rest = id.slice(prefix.length);
  return /^\d+$/.test(rest) ? Number(rest) : null;
}

function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

/** The n-th bulk message: sent mail is from the user, everything else to them. */
export function bulkMessage(user: GoogleUser, entry: Bulk, n: number): GmailMessage {
  const sent = entry.labelIds.includes('SENT');
  const other = 'archive@example.org';
  return {
    id: `${bulkPrefix(user)}${n}`,
    threadId: `${bulkPrefix(user)}${n}`,
    labelIds: [...entry.labelIds],
    internalDate: entry.internalDate,
    sizeEstimate: BULK_MESSAGE_SIZE,
    headers: { From: sent ? user.primaryEmail : other, To: sent ? other : user.primaryEmail, Cc: '', Bcc: '', Subject: 'Archived message', Date: rfc2822(Number(entry.internalDate)) },
    attachments: [],
  };
}

export function searchable(message: GmailMessage): SearchableMessage {
  const headers: Record<string, string> = message.headers;
  return {
    labelIds: message.labelIds,
    internalDate: Number(message.internalDate),
    sizeEstimate: message.sizeEstimate,
    hasAttachment: message.attachments.length > 0,
    header: (name) => headers[name] ?? '',
  };
}

function segments(user: GoogleUser): Segment[] {
  const materialised = user.gmail.messages.map((m) => bulkIndex(user, m.id)).filter((n): n is number => n !== null);
  const out: Segment[] = user.gmail.messages.map((message) => ({ kind: 'one', message }));
  let start = 0;
  for (const entry of user.gmail.bulk) {
    const holes = materialised.filter((n) => n >= start && n < start + entry.count).sort((a, b) => a - b);
    out.push({ kind: 'bulk', entry, start, holes });
    start += entry.count;
  }
  const dateOf = (s: Segment): number => Number(s.kind === 'one' ? s.message.internalDate : s.entry.internalDate);
  // Newest first, as Gmail lists; ties broken so the order is stable across pages.
  return out.sort((a, b) => dateOf(b) - dateOf(a) || (a.kind === 'one' ? (b.kind === 'one' ? a.message.id.localeCompare(b.message.id) : -1) : b.kind === 'one' ? 1 : a.start - b.start));
}

const live = (s: Segment): number => (s.kind === 'one' ? 1 : s.entry.count - s.holes.length);

/** k-th live index of a bulk range, stepping over materialised holes. */
function nthLive(s: Extract<Segment, { kind: 'bulk' }>, k: number): number {
  let n = s.start + k;
  for (const hole of s.holes) {
    if (hole <= n) n += 1;
    else break;
  }
  return n;
}

export interface SearchResult {
  total: number;
  page: (offset: number, limit: number) => { id: string; threadId: string }[];
}

/** Matches every message against `matches`; a bulk range is tested once, through its first message. */
export function search(user: GoogleUser, matches: (m: GmailMessage) => boolean): SearchResult {
  const hits = segments(user).filter((s) => live(s) > 0 && matches(s.kind === 'one' ? s.message : bulkMessage(user, s.entry, s.start)));
  return {
    total: hits.reduce((sum, s) => sum + live(s), 0),
    page: (offset, limit) => {
      const ids: { id: string; threadId: string }[] = [];
      let skip = offset;
      for (const s of hits) {
        if (ids.length >= limit) break;
        const size = live(s);
        if (skip >= size) {
          skip -= size;
          continue;
        }
        for (let k = skip; k < size && ids.length < limit; k += 1) {
          if (s.kind === 'one') ids.push({ id: s.message.id, threadId: s.message.threadId });
          else ids.push({ id: `${bulkPrefix(user)}${nthLive(s, k)}`, threadId: `${bulkPrefix(user)}${nthLive(s, k)}` });
        }
        skip = 0;
      }
      return ids;
    },
  };
}

/** Finds a message by id, materialising a bulk one only in memory (not stored). */
export function findMessage(user: GoogleUser, id: string): GmailMessage | undefined {
  const explicit = user.gmail.messages.find((m) => m.id === id);
  if (explicit) return explicit;
  const n = bulkIndex(user, id);
  if (n === null) return undefined;
  let start = 0;
  for (const entry of user.gmail.bulk) {
    if (n < start + entry.count) return bulkMessage(user, entry, n);
    start += entry.count;
  }
  return undefined;
}

/** Applies label changes, storing a bulk message in `gmail.messages` the first time it changes. */
export function relabel(user: GoogleUser, message: GmailMessage, add: readonly string[], remove: readonly string[]): void {
  if (!user.gmail.messages.includes(message)) user.gmail.messages.push(message);
  const labels = message.labelIds.filter((l) => !remove.includes(l));
  for (const l of add) if (!labels.includes(l)) labels.push(l);
  message.labelIds = labels;
}
