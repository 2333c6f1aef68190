import type { Logger } from '../src/app/logger.ts';
import type { ConnectionConfig, SecretSource } from '../src/domain/connections/config.ts';
import type { TenantConnector } from '../src/domain/ports/tenant-connector.ts';
import { ok, type Result } from '../src/domain/result.ts';
import { createGoogleConnector } from './google-workspace/index.ts';
import { createMicrosoftConnector } from './microsoft365/index.ts';

export interface ConnectorDeps {
  secrets: SecretSource;
  fetch: typeof fetch;
  now?: () => Date;
  log?: Logger;
}

/** The one place that chooses a connector by provider; everything else talks to the port. */
export function createConnector(config: ConnectionConfig, deps: ConnectorDeps): Result<TenantConnector> {
  switch (config.provider) {
    case 'microsoft365':
      return ok(createMicrosoftConnector(config, deps));
    case 'google-workspace':
      return ok(createGoogleConnector(config, deps));
  }
}
