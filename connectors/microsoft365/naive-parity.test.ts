import { describe, expect, it } from 'vitest';
import { naiveMicrosoftAudit } from '../../bench/naive/microsoft365.ts';
import { generateFixture, simClientSecret } from '../../simulator/generate/index.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { connector, scopeAt, SECRET_REF, secretConfig } from './test-support.ts';

const fixture = generateFixture({ mailboxes: 30, seed: 4, providers: ['microsoft365'] });
const env = useSimulator(fixture);
const now = () => new Date(fixture.now ?? '2026-11-23T09:00:00Z');

describe('naive baseline (bench/naive/microsoft365.ts)', () => {
  it('reads the same snapshots as the connector, with many more HTTP round-trips', async () => {
    const t = fixture.microsoft;
    const app = t?.apps[0];
    if (!t || !app) throw new Error('no Microsoft tenant');
    const scope = scopeAt(now());
    env.reset();
    // One origin serves every Microsoft path in the simulator.
    const naive = await naiveMicrosoftAudit('https://graph.microsoft.com', { tenantId: t.tenantId, clientId: app.clientId, clientSecret: simClientSecret }, scope);
    env.reset();
    const c = connector(secretConfig(t.tenantId, app.clientId), { [SECRET_REF]: simClientSecret }, { now });
    const page = await c.readDirectory(null);
    if (!page.ok) throw new Error(page.error.message);
    const [mail, tenant] = await Promise.all([c.readMailboxes(page.value.changed, scope), c.readTenant(scope)]);
    if (!mail.ok || !tenant.ok) throw new Error('connector read failed');
    const http = env.sim.ctx.recorder.httpCount;
    const sort = <T extends { user: { id: string } }>(xs: T[]) => [...xs].sort((a, b) => a.user.id.localeCompare(b.user.id));
    expect(sort(naive.snapshots)).toEqual(sort(mail.value.snapshots));
    expect(naive.tenant).toEqual(tenant.value);
    expect(naive.requests).toBeGreaterThan(http * 3);
  });
});
