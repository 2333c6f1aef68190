import { describe, expect, it } from 'vitest';
import { createConnector } from '../../connectors/index.ts';
import { catalogueEntry } from '../../src/domain/checks/catalogue.ts';
import { checkIds, providers, type CheckId, type Provider } from '../../src/domain/checks/ids.ts';
import { connectionConfigSchema, type ConnectionConfig } from '../../src/domain/connections/config.ts';

/** One connection per provider; capabilities are fixed per connector, so no tenant is contacted. */
const configs: Record<Provider, ConnectionConfig> = {
  microsoft365: connectionConfigSchema.parse({ provider: 'microsoft365', tenantId: 't', clientId: 'c', auth: { kind: 'secret', secretRef: 'SECRET_X' } }),
  'google-workspace': connectionConfigSchema.parse({
    provider: 'google-workspace',
    domain: 'example.sch.uk',
    adminSubject: 'admin@example.sch.uk',
    serviceAccount: { clientEmail: 'sa@example.iam.gserviceaccount.com', privateKeyId: 'k', privateKeyRef: 'SECRET_Y' },
  }),
};

function connectorActions(provider: Provider): [CheckId, string][] {
  const connector = createConnector(configs[provider], { secrets: () => undefined, fetch: () => Promise.reject(new Error('no network in this test')) });
  if (!connector.ok) throw new Error(connector.error.message);
  return Object.entries(connector.value.capabilities.actions) as [CheckId, string][];
}

describe('the check catalogue and the connectors agree on remediation actions', () => {
  for (const provider of providers) {
    it(`names every action the ${provider} connector declares, under that check and provider`, () => {
      const declared = connectorActions(provider);
      expect(declared.length).toBeGreaterThan(0);
      for (const [checkId, action] of declared) {
        const remediation = catalogueEntry(checkId).remediation;
        expect(remediation?.actions[provider], `${checkId} on ${provider}`).toBe(action);
        expect(remediation?.providers, `${checkId} on ${provider}`).toContain(provider);
      }
    });

    it(`offers no ${provider} remediation in the catalogue that its connector cannot carry out (accounts.* belong to offboarding)`, () => {
      const declared = new Map(connectorActions(provider));
      for (const id of checkIds.filter((c) => !c.startsWith('accounts.'))) {
        const catalogued = catalogueEntry(id).remediation?.actions[provider];
        if (catalogued !== undefined) expect(declared.get(id), `${id} on ${provider}`).toBe(catalogued);
      }
    });
  }
});
