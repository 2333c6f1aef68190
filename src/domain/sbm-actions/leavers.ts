import type { AuditDeps } from '../../jobs/audit/deps.ts';
import { decideImport } from '../../jobs/offboarding/decide.ts';
import { getImport } from '../../storage/hr-imports.ts';
import { err, ok, type Result } from '../result.ts';

export type LeaverDecision = 'approved' | 'rejected';

/** Approving or rejecting an HR import the breaker held (the card, the dashboard). */
export interface LeaverDecider {
  decide(input: { schoolId: string; importId: string; decision: LeaverDecision; by: string }): Promise<Result<{ status: string; changed: boolean }>>;
}

/**
 * The offboarding engine's own decision (src/jobs/offboarding/decide.ts), the one the API uses, so a
 * press on the card or the dashboard re-plans and applies exactly as `POST …/approve` does. A second
 * press for the same decision is answered "already so" (changed: false); the opposite decision on a
 * decided import is a conflict.
 */
export function engineLeaverDecider(deps: AuditDeps): LeaverDecider {
  return {
    async decide({ schoolId, importId, decision, by }) {
      const res = await decideImport(deps, schoolId, importId, decision === 'approved' ? 'approve' : 'reject', by, null);
      if (res.ok) return ok({ status: res.value.status, changed: true });
      if (res.error.code !== 'conflict') return res;
      const now = await getImport(deps.db, importId);
      const wanted = decision === 'approved' ? 'approved' : 'cancelled';
      if (now?.schoolId === schoolId && now.status === wanted) return ok({ status: wanted, changed: false });
      return err('conflict', `This HR import is already ${now?.status ?? 'decided'}; nothing was changed.`);
    },
  };
}
