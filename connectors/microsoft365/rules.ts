import type { DeleteAction, ForwardVia, MailRule } from '../../src/domain/audit/snapshot.ts';
import { addressesOf, type GraphMessageRule } from './wire.ts';

const VIA: ['forwardTo' | 'redirectTo' | 'forwardAsAttachmentTo', ForwardVia][] = [
  ['forwardTo', 'forward'],
  ['redirectTo', 'redirect'],
  ['forwardAsAttachmentTo', 'forward-as-attachment'],
];

const CONDITION_WORDS: Record<string, string> = {
  fromAddresses: 'from',
  sentToAddresses: 'sent to',
  subjectContains: 'subject contains',
  bodyContains: 'body contains',
  bodyOrSubjectContains: 'subject or body contains',
  senderContains: 'sender contains',
  recipientContains: 'recipient contains',
  headerContains: 'header contains',
};

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (value && typeof value === 'object' && 'emailAddress' in value) {
    const e = (value as { emailAddress?: { address?: unknown } }).emailAddress;
    return typeof e?.address === 'string' ? e.address : '?';
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** "from: a@x; subject contains: Cover", or "all mail" when the rule has no condition. */
function describeConditions(conditions: Record<string, unknown> | null | undefined): string {
  const parts = Object.entries(conditions ?? {})
    .filter(([, v]) => v !== null && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${CONDITION_WORDS[k] ?? k}: ${describeValue(v)}`);
  return parts.length ? parts.join('; ').slice(0, 300) : 'all mail';
}

/**
 * An Outlook messageRule reduced to what the policy judges. A move to this mailbox's Deleted Items
 * (by folder id or well-known name) counts as deletion; a move anywhere else does not.
 */
export function toMailRule(rule: GraphMessageRule, deletedItemsId: string | null): MailRule {
  const actions = rule.actions ?? {};
  const forwards = VIA.flatMap(([key, via]) => addressesOf(actions[key]).map((address) => ({ address, via })));
  const target = actions.moveToFolder?.toLowerCase() ?? null;
  let deletes: DeleteAction | null = null;
  if (actions.permanentDelete) deletes = 'permanent-delete';
  else if (actions.delete) deletes = 'delete';
  else if (target && (target === 'deleteditems' || target === deletedItemsId?.toLowerCase())) deletes = 'move-to-deleted-items';
  return {
    id: rule.id,
    name: rule.displayName ?? '',
    enabled: rule.isEnabled !== false,
    forwards,
    deletes,
    conditions: describeConditions(rule.conditions),
  };
}
