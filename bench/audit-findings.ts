import type { CheckId } from '../src/domain/checks/ids.ts';
import type { Finding } from '../src/domain/findings/finding.ts';
import type { ExpectedFinding } from '../simulator/generate/index.ts';

type Keyed = Pick<Finding, 'checkId' | 'severity' | 'subject'>;

/** What two audits are compared on: check, mailbox (lower case), item. Tenant-wide findings have no mailbox. */
export const findingKey = (f: Keyed): string => `${f.checkId}|${(f.subject.email ?? '').toLowerCase()}|${f.subject.item ?? ''}`;

/**
 * The same finding as the generator's `expected` writes it: tenant-wide findings carry neither email
 * nor item there. Severity "info" marks a check that could not be verified (docs/checks.md), which
 * the fixture does not list; leavers need an HR feed, which the benchmark does not load.
 */
export function expectedComparable(findings: Keyed[]): string[] {
  return findings.filter((f) => f.severity !== 'info').map((f) => (f.subject.email ? findingKey(f) : `${f.checkId}||`));
}

export function expectedFor(expected: ExpectedFinding[], provider: string, checks: ReadonlySet<CheckId>): string[] {
  return expected
    .filter((f) => f.provider === provider && f.checkId !== 'accounts.leaver-active' && checks.has(f.checkId as CheckId))
    .map((f) => `${f.checkId}|${f.email.toLowerCase()}|${f.item ?? ''}`);
}

export interface SetDiff {
  onlyLeft: string[];
  onlyRight: string[];
}

export function diffSets(left: Iterable<string>, right: Iterable<string>): SetDiff {
  const a = new Set(left);
  const b = new Set(right);
  return { onlyLeft: [...a].filter((k) => !b.has(k)).sort(), onlyRight: [...b].filter((k) => !a.has(k)).sort() };
}

export const sameSet = (d: SetDiff): boolean => d.onlyLeft.length === 0 && d.onlyRight.length === 0;

/** Writes a difference to stderr, a bounded number of lines per side. */
export function reportDiff(title: string, names: [string, string], d: SetDiff, write: (line: string) => void, limit = 25): void {
  if (sameSet(d)) return;
  write(`${title}: ${d.onlyLeft.length} only in ${names[0]}, ${d.onlyRight.length} only in ${names[1]}\n`);
  for (const [name, keys] of [[names[0], d.onlyLeft], [names[1], d.onlyRight]] as const) {
    for (const k of keys.slice(0, limit)) write(`  only in ${name}: ${k}\n`);
    if (keys.length > limit) write(`  … and ${keys.length - limit} more only in ${name}\n`);
  }
}
