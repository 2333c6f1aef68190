import type { CheckId } from '../../src/domain/checks/ids.ts';
import type { RemediationOutcome, RemediationRequest } from '../../src/domain/ports/tenant-connector.ts';
import { err, type Result } from '../../src/domain/result.ts';
import type { GoogleContext } from './context.ts';
import { trashOverdueMail } from './remediate-retention.ts';
import { appendSignatureDisclaimer, deleteDeletingFilter, deleteForwardingFilter, disableAutoForwarding } from './remediate-settings.ts';

type Action = (ctx: GoogleContext, r: RemediationRequest, o: { dryRun: boolean }) => Promise<Result<RemediationOutcome>>;

/**
 * Every action reads the current state first, does nothing when the tenant already complies
 * (changed: false), writes nothing on a dry run, and returns before/after for the audit log.
 */
export const actions: Record<string, Action> = {
  'disable-auto-forwarding': disableAutoForwarding,
  'delete-forwarding-filter': deleteForwardingFilter,
  'delete-deleting-filter': deleteDeletingFilter,
  'append-signature-disclaimer': appendSignatureDisclaimer,
  'trash-overdue-mail': trashOverdueMail,
};

/** The action offered per check (accounts.* belong to the offboarding flow). */
export const actionsByCheck: Partial<Record<CheckId, string>> = {
  'forwarding.mailbox-external': 'disable-auto-forwarding',
  'forwarding.inbox-rule-external': 'delete-forwarding-filter',
  'deletion.inbox-rule': 'delete-deleting-filter',
  'disclaimer.missing': 'append-signature-disclaimer',
  'retention.overdue': 'trash-overdue-mail',
};

export function remediate(ctx: GoogleContext, request: RemediationRequest, options: { dryRun: boolean }): Promise<Result<RemediationOutcome>> {
  const action = actions[request.action];
  if (!action) return Promise.resolve(err('invalid_input', `the Google Workspace connector has no action "${request.action}" (it offers ${Object.keys(actions).join(', ')})`));
  return action(ctx, request, options);
}
