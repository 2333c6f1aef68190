import type { DirectoryUser } from '../../src/domain/audit/snapshot.ts';
import type { UnreadSubject } from '../../src/domain/ports/tenant-connector.ts';
import type { AppErrorData } from '../../src/domain/result.ts';

/**
 * A mailbox the connector could not read, as the audit reports it: the failure's code folded into
 * the four the report knows, and for a refusal the permission or scope the connector says is missing.
 */
export function unreadSubject(user: DirectoryUser, error: AppErrorData, permission: string | undefined, message = error.message): UnreadSubject {
  const code: UnreadSubject['code'] =
    error.code === 'not_found' ? 'not_found' : error.code === 'upstream_forbidden' ? 'forbidden' : error.code === 'throttled' ? 'throttled' : 'upstream_failed';
  return { userId: user.id, email: user.email, code, message, ...(permission ? { permission } : {}) };
}
