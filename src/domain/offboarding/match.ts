import type { DirectoryUser } from '../audit/snapshot.ts';

/** What the HR feed knows about a person, enough to find their account. */
export interface MatchKey {
  employeeId: string;
  email: string | null;
}

export type MatchOutcome =
  | { kind: 'matched'; user: DirectoryUser; by: 'employee-id' | 'employee-id-leading-zeros' | 'email' | 'alias' }
  | { kind: 'unmatched' }
  | { kind: 'ambiguous'; candidates: { id: string; email: string }[]; reason: string };

const lower = (s: string) => s.trim().toLowerCase();
/** Excel turns "00123" into 123; compare ids with leading zeros removed as a second chance. */
const unpadded = (id: string) => lower(id).replace(/^0+(?=.)/, '');

export interface DirectoryIndex {
  byId: Map<string, DirectoryUser[]>;
  byUnpaddedId: Map<string, DirectoryUser[]>;
  byPrimary: Map<string, DirectoryUser[]>;
  byAlias: Map<string, DirectoryUser[]>;
}

function push(map: Map<string, DirectoryUser[]>, key: string, user: DirectoryUser): void {
  if (!key) return;
  const list = map.get(key) ?? [];
  if (!list.includes(user)) list.push(user);
  map.set(key, list);
}

export function indexDirectory(users: readonly DirectoryUser[]): DirectoryIndex {
  const index: DirectoryIndex = { byId: new Map(), byUnpaddedId: new Map(), byPrimary: new Map(), byAlias: new Map() };
  for (const u of users) {
    if (u.employeeId) {
      push(index.byId, lower(u.employeeId), u);
      push(index.byUnpaddedId, unpadded(u.employeeId), u);
    }
    push(index.byPrimary, lower(u.email), u);
    for (const a of u.aliases) push(index.byAlias, lower(a.replace(/^smtp:/i, '')), u);
  }
  return index;
}

const describe = (users: readonly DirectoryUser[]) => users.map((u) => ({ id: u.id, email: u.email }));

/**
 * Finds the one account an HR row means: employee id first (exactly, then ignoring leading zeros),
 * then the primary address, then aliases. Whenever two accounts fit, or the id and the address
 * point at different accounts, the answer is "ambiguous": a person reviews it. Never a guess,
 * because the wrong match disables someone who has not left.
 */
export function matchAccount(key: MatchKey, index: DirectoryIndex): MatchOutcome {
  const email = key.email ? lower(key.email) : null;
  const byEmail = email ? (index.byPrimary.get(email) ?? []) : [];
  const byAlias = email ? (index.byAlias.get(email) ?? []).filter((u) => !byEmail.includes(u)) : [];

  let idHits = index.byId.get(lower(key.employeeId)) ?? [];
  let by: 'employee-id' | 'employee-id-leading-zeros' = 'employee-id';
  if (idHits.length === 0) {
    idHits = index.byUnpaddedId.get(unpadded(key.employeeId)) ?? [];
    by = 'employee-id-leading-zeros';
  }
  if (idHits.length > 1) return { kind: 'ambiguous', candidates: describe(idHits), reason: `${idHits.length} accounts carry employee id ${key.employeeId}` };
  const idUser = idHits[0];
  if (idUser) {
    // The address in the feed belongs to someone else: one of the two is wrong, and we cannot tell which.
    const other = [...byEmail, ...byAlias].find((u) => u !== idUser);
    if (other) return { kind: 'ambiguous', candidates: describe([idUser, other]), reason: `employee id ${key.employeeId} is ${idUser.email}, but ${key.email ?? ''} is another account` };
    return { kind: 'matched', user: idUser, by };
  }

  const candidates = byEmail.length > 0 ? byEmail : byAlias;
  if (candidates.length === 0) return { kind: 'unmatched' };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates: describe(candidates), reason: `${candidates.length} accounts answer to ${key.email ?? ''}` };
  const user = candidates[0] as DirectoryUser;
  // The account already carries a different employee id: the feed's address may be recycled.
  if (user.employeeId && unpadded(user.employeeId) !== unpadded(key.employeeId)) {
    return { kind: 'ambiguous', candidates: describe([user]), reason: `${user.email} belongs to employee id ${user.employeeId}, not ${key.employeeId}` };
  }
  return { kind: 'matched', user, by: byEmail.length > 0 ? 'email' : 'alias' };
}
