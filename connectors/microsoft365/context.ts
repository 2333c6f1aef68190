import type { Logger } from '../../src/app/logger.ts';
import type { MicrosoftConnection } from '../../src/domain/connections/config.ts';
import type { Result } from '../../src/domain/result.ts';
import type { ExchangeClient } from './exchange-client.ts';
import type { TenantMailboxes } from './exchange-mailboxes.ts';
import type { GraphClient } from './graph-client.ts';

/** What the connector's readers and actions share for one connection. */
export interface MsContext {
  config: MicrosoftConnection;
  graph: GraphClient;
  exchange: ExchangeClient;
  /** Get-Mailbox for the whole tenant, cached per connector instance (the directory read fills it). */
  mailboxes: { get: () => Promise<Result<TenantMailboxes>>; forget: () => void; fresh: () => boolean };
  now: () => Date;
  log: Logger | undefined;
}
