import type { ConnectionConfig } from '../../src/domain/connections/config.ts';
import { devGoogleServiceAccountPrivateKeyPem } from '../../simulator/generate/dev-keys/index.ts';
import { simClientSecret } from '../../simulator/generate/index.ts';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';

export type SimulatedProvider = ConnectionConfig['provider'];

export interface SimulatorConnection {
  connection: ConnectionConfig;
  /** The environment a run needs: the secret the connection names, with the simulator's dev credential. */
  env: Record<string, string>;
}

/**
 * The connection config that reaches a fixture's tenant on a served simulator (`url` = its origin),
 * with the simulator's dev credentials. For tests, benchmarks and the examples; never a real tenant.
 */
export function simulatorConnection(fixture: FixtureInput, provider: SimulatedProvider, url: string, secretRef: string): SimulatorConnection {
  if (provider === 'microsoft365') {
    const tenant = fixture.microsoft;
    const app = tenant?.apps.find((a) => a.clientSecret);
    if (!tenant || !app) throw new Error('the fixture has no Microsoft tenant with a client-secret app');
    return {
      connection: { provider, tenantId: tenant.tenantId, clientId: app.clientId, auth: { kind: 'secret', secretRef }, endpoints: { login: url, graph: url, exchange: url } },
      env: { [secretRef]: app.clientSecret ?? simClientSecret },
    };
  }
  const google = fixture.google;
  const account = google?.serviceAccounts[0];
  const admin = google?.users?.find((u) => u.isAdmin && !u.suspended);
  const domain = google?.domains[0];
  if (!google || !account || !admin || !domain) throw new Error('the fixture has no Google domain with a service account and an admin');
  return {
    connection: {
      provider,
      customerId: google.customerId,
      domain,
      adminSubject: admin.primaryEmail,
      serviceAccount: { clientEmail: account.clientEmail, privateKeyId: account.privateKeyId, privateKeyRef: secretRef },
      endpoints: { token: `${url}/token`, admin: url, gmail: url },
    },
    env: { [secretRef]: devGoogleServiceAccountPrivateKeyPem },
  };
}
