import type { CheckId } from '../../src/domain/checks/ids.ts';
import type { RemediationOutcome, RemediationRequest } from '../../src/domain/ports/tenant-connector.ts';
import { err, type Result } from '../../src/domain/result.ts';
import type { MsContext } from './context.ts';
import { clearMailboxForwarding, disableInboxRule, setSendLimit } from './remediate-mailbox.ts';
import { moveOverdueToDeletedItems } from './remediate-retention.ts';
import { disableTenantAutoForwarding, repairDisclaimerRule } from './remediate-tenant.ts';

type Action = (ctx: MsContext, r: RemediationRequest, o: { dryRun: boolean }) => Promise<Result<RemediationOutcome>>;

/**
 * Every action reads the current state first, does nothing when the tenant already complies
 * (changed: false), writes nothing on a dry run, and returns before/after for the audit log.
 */
export const actions: Record<string, Action> = {
  'disable-inbox-rule': disableInboxRule,
  'clear-mailbox-forwarding': clearMailboxForwarding,
  'disable-tenant-auto-forwarding': disableTenantAutoForwarding,
  'repair-disclaimer-rule': repairDisclaimerRule,
  'set-send-limit': setSendLimit,
  'move-overdue-to-deleted-items': moveOverdueToDeletedItems,
};

/** The action the connector offers per check (accounts.* are the offboarding flow's, not ours). */
export const actionsByCheck: Partial<Record<CheckId, string>> = {
  'forwarding.inbox-rule-external': 'disable-inbox-rule',
  'deletion.inbox-rule': 'disable-inbox-rule',
  'forwarding.mailbox-external': 'clear-mailbox-forwarding',
  'forwarding.tenant-policy': 'disable-tenant-auto-forwarding',
  'disclaimer.missing': 'repair-disclaimer-rule',
  'attachments.limit-config': 'set-send-limit',
  'retention.overdue': 'move-overdue-to-deleted-items',
};

export function remediate(ctx: MsContext, request: RemediationRequest, options: { dryRun: boolean }): Promise<Result<RemediationOutcome>> {
  const action = actions[request.action];
  if (!action) return Promise.resolve(err('invalid_input', `the Microsoft 365 connector has no action "${request.action}" (it offers ${Object.keys(actions).join(', ')})`));
  return action(ctx, request, options);
}
