import { describe, expect, it } from 'vitest';
import { msFixture, SECRET_APP, TENANT_ID } from '../../simulator/microsoft/test-fixture.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { connector, scopeAt, SECRET_REF, secretConfig, expectFailure } from './test-support.ts';

const env = useSimulator(() => msFixture());
const now = () => new Date('2026-11-20T12:00:00Z');
const make = () => connector(secretConfig(TENANT_ID, SECRET_APP.clientId), { [SECRET_REF]: SECRET_APP.clientSecret }, { now });

describe('readTenant', () => {
  it('reads disclaimer rules, the auto-forwarding policy and retention policies', async () => {
    env.reset();
    const read = await make().readTenant(scopeAt(now()));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value).toEqual({
      disclaimer: {
        kind: 'transport-rules',
        rules: [{ id: '11111111-1111-4111-8111-111111111111', name: 'School disclaimer', enabled: true, enforced: true, appliesToExternal: true, text: '<p>Confidential</p>', exceptFrom: [] }],
      },
      autoForwarding: { readable: true, mode: 'automatic', policyName: 'Default', remoteDomainsAllowing: ['*'] },
      retention: { readable: true, policies: [{ name: 'Default MRM Policy: 1 Year Delete', months: 12, action: 'DeleteAndAllowRecovery', appliesToAll: true }] },
    });
  });

  it('reads only what the checks in scope need', async () => {
    env.reset();
    const read = await make().readTenant(scopeAt(now(), new Set(['forwarding.tenant-policy'])));
    expect(read).toMatchObject({ ok: true, value: { autoForwarding: { readable: true }, retention: { readable: false } } });
    expect(env.sim.ctx.recorder.requests.filter((r) => r.url.includes('InvokeCommand'))).toHaveLength(2);
  });

  it('names the Exchange permission when it is not granted', async () => {
    env.reset(msFixture({ realism: { withheldPermissions: ['Exchange.ManageAsApp'] } }));
    const read = await make().readTenant(scopeAt(now()));
    expectFailure(read, 'upstream_forbidden', 'Exchange.ManageAsApp');
  });
});
