import { headerKey } from './mapping.ts';
import type { StaffStatus } from './mapping.ts';

/**
 * Status words seen in exports, keyed by headerKey (case, spaces and punctuation ignored).
 * Deliberately absent: "inactive", "suspended", "on leave", "maternity" — people who are away but
 * still employed. Disabling them would be wrong, so those rows are refused until the school maps
 * the word explicitly (mapping.statusValues).
 */
const words: Record<string, StaffStatus> = {};
const add = (status: StaffStatus, spellings: string[]) => spellings.forEach((s) => (words[headerKey(s)] = status));
add('current', ['current', 'active', 'employed', 'in post', 'live', 'current staff', 'current employee']);
add('leaver', ['leaver', 'left', 'leaving', 'has left', 'former', 'former staff', 'terminated', 'resigned', 'retired', 'ended', 'no longer employed']);
add('starter', ['starter', 'new starter', 'new', 'future', 'future starter', 'pending', 'pre-start', 'not started', 'joining']);

export type StatusResult = { ok: true; status: StaffStatus } | { ok: false; message: string };

/** Normalises a status cell; the school's own spellings win over the built-in list. */
export function normaliseStatus(raw: string, custom: Readonly<Record<string, StaffStatus>> = {}): StatusResult {
  const key = headerKey(raw);
  for (const [spelling, status] of Object.entries(custom)) if (headerKey(spelling) === key) return { ok: true, status };
  const status = words[key];
  if (status) return { ok: true, status };
  return {
    ok: false,
    message: `status '${raw.trim()}' is not recognised (expected current/active, leaver/left, or starter/new starter; map other words with statusValues)`,
  };
}
