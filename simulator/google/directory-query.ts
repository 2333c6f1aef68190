import type { GoogleUser } from '../fixture/google.ts';

export type UserPredicate = (user: GoogleUser) => boolean;

/** Splits a Directory query on spaces, keeping single- or double-quoted values whole. */
function clauses(query: string): string[] {
  return query.match(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? [];
}

function unquote(value: string): string {
  return value.replace(/^['"]|['"]$/g, '');
}

/** `value` matches exactly, or as a prefix when it ends in `*` (the Directory's only wildcard). */
function textMatch(value: string, candidate: string): boolean {
  const v = value.toLowerCase();
  const c = candidate.toLowerCase();
  return v.endsWith('*') ? c.startsWith(v.slice(0, -1)) : c === v;
}

function boolClause(value: string): boolean | null {
  return value === 'true' ? true : value === 'false' ? false : null;
}

function clause(field: string, op: string, rawValue: string): UserPredicate | null {
  const value = unquote(rawValue);
  switch (field.toLowerCase()) {
    case 'issuspended':
    case 'isadmin': {
      const b = boolClause(value);
      if (op !== '=' || b === null) return null;
      return field.toLowerCase() === 'issuspended' ? (u) => u.suspended === b : (u) => u.isAdmin === b;
    }
    case 'email':
      return (u) => [u.primaryEmail, ...u.aliases].some((e) => textMatch(value, e));
    case 'externalid':
      return (u) => u.externalIds.some((x) => textMatch(value, x.value));
    case 'orgunitpath':
      return (u) => u.orgUnitPath.toLowerCase() === value.toLowerCase();
    case 'givenname':
      return (u) => textMatch(value, u.name.givenName);
    case 'familyname':
      return (u) => textMatch(value, u.name.familyName);
    case 'name':
      return (u) => textMatch(value, u.name.fullName) || textMatch(value, u.name.givenName) || textMatch(value, u.name.familyName);
    default:
      return null;
  }
}

/**
 * The subset of the Directory's user search syntax connectors use: space-separated clauses, all of
 * which must hold. Returns null when a clause is not understood (the API answers 400).
 */
export function parseUserQuery(query: string | undefined): UserPredicate | null {
  if (!query || query.trim() === '') return () => true;
  const predicates: UserPredicate[] = [];
  for (const part of clauses(query)) {
    const m = /^([A-Za-z.]+)([:=])(.+)$/.exec(part);
    const predicate = m ? clause(m[1] ?? '', m[2] ?? '', m[3] ?? '') : null;
    if (!predicate) return null;
    predicates.push(predicate);
  }
  return (u) => predicates.every((p) => p(u));
}
