import type { Logger } from '../../src/app/logger.ts';
import type { GoogleConnection } from '../../src/domain/connections/config.ts';
import type { Semaphore } from '../shared/semaphore.ts';
import type { HttpCore } from './http.ts';

/** What the connector's readers and actions share for one connection. */
export interface GoogleContext {
  config: GoogleConnection;
  core: HttpCore;
  /** Mailboxes read at the same time (each reads its own calls in sequence, see mailboxes.ts). */
  users: Semaphore;
  now: () => Date;
  log: Logger | undefined;
}

export const gmailUserPath = (email: string): string => `/gmail/v1/users/${encodeURIComponent(email)}`;
