import type { Logger } from '../../app/logger.ts';
import type { ConnectionConfig } from '../../domain/connections/config.ts';
import type { TenantConnector } from '../../domain/ports/tenant-connector.ts';
import type { PersonNotifier } from '../../domain/ports/notifier.ts';
import type { Result } from '../../domain/result.ts';
import type { JobQueue } from '../job-queue.ts';

/** Everything the audit pipeline touches, passed in so the Worker, the CLI and the benchmark share it. */
export interface AuditDeps {
  db: D1Database;
  queue: JobQueue;
  connectorFor: (connection: { id: string; config: ConnectionConfig }) => Result<TenantConnector>;
  notifier: PersonNotifier;
  now: () => Date;
  log: Logger;
}

/** Mailboxes per queue message. See docs/architecture.md ("Batch sizes") for the arithmetic. */
export const MAILBOXES_PER_BATCH = 50;
