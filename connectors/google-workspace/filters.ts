import type { MailRule } from '../../src/domain/audit/snapshot.ts';
import type { WireFilter } from './wire.ts';

/** "from: x, subject: y" from a filter's criteria; a filter with none matches all mail. */
function describeCriteria(c: WireFilter['criteria']): string {
  const parts: string[] = [];
  if (c.from) parts.push(`from: ${c.from}`);
  if (c.to) parts.push(`to: ${c.to}`);
  if (c.subject) parts.push(`subject: ${c.subject}`);
  if (c.query) parts.push(`has the words: ${c.query}`);
  if (c.negatedQuery) parts.push(`doesn't have: ${c.negatedQuery}`);
  if (c.hasAttachment) parts.push('has an attachment');
  if (c.size !== undefined && c.sizeComparison && c.sizeComparison !== 'unspecified') parts.push(`size ${c.sizeComparison} than ${c.size} bytes`);
  return parts.length ? parts.join(', ') : 'all mail';
}

/**
 * A Gmail filter as a MailRule. Filters cannot be switched off, so they are always enabled, and
 * have no names: the name says what the filter matches. Adding TRASH is a deletion (recoverable for
 * 30 days, so 'trash', not 'permanent-delete'); skipping the inbox or labelling is not.
 */
export function toMailRule(f: WireFilter): MailRule {
  const conditions = describeCriteria(f.criteria);
  const add = f.action.addLabelIds ?? [];
  return {
    id: f.id,
    name: `Gmail filter (${conditions})`,
    enabled: true,
    forwards: f.action.forward ? [{ address: f.action.forward.toLowerCase(), via: 'filter-forward' }] : [],
    deletes: add.includes('TRASH') ? 'trash' : null,
    conditions,
  };
}
