import { describe, expect, it } from 'vitest';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';
import { msFixture, SECRET_APP, TENANT_ID, userId } from '../../simulator/microsoft/test-fixture.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { connector, expectFailure, SECRET_REF, secretConfig } from './test-support.ts';

/** Staff@ holds user 1, the disabled user 2 and Teachers@, which holds users 5 and 100 and (a cycle) Staff@ again. */
function withGroups(base: FixtureInput = msFixture({ users: 3 })): FixtureInput {
  base.microsoft!.groups = [
    { id: 'g-staff', displayName: 'All staff', mail: 'Staff@oakfield.sch.uk', members: [userId(1), userId(2), 'g-teachers'] },
    { id: 'g-teachers', displayName: 'Teachers', mail: 'teachers@oakfield.sch.uk', members: [userId(5), userId(100), 'g-staff'] },
  ];
  return base;
}

const env = useSimulator(() => withGroups());
const make = () => connector(secretConfig(TENANT_ID, SECRET_APP.clientId), { [SECRET_REF]: SECRET_APP.clientSecret }, { now: () => new Date('2026-11-20T12:00:00Z') });

describe('readGroupMembers (Microsoft 365)', () => {
  it('finds the group by address and lists the people in it and in nested groups, once each', async () => {
    env.reset();
    const read = await make().readGroupMembers('staff@oakfield.sch.uk');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { id: userId(1), email: 'user1@oakfield.sch.uk', enabled: true },
      { id: userId(100), email: 'user100@oakfield.sch.uk', enabled: true },
      { id: userId(2), email: 'user2@oakfield.sch.uk', enabled: false },
      { id: userId(5), email: 'user5@oakfield.sch.uk', enabled: true },
    ]);
    const urls = env.sim.ctx.recorder.requests.map((r) => decodeURIComponent(r.url)).filter((u) => u.startsWith('/v1.0/groups'));
    expect(urls).toEqual([
      "/v1.0/groups?$filter=mail eq 'staff@oakfield.sch.uk'&$select=id,mail",
      '/v1.0/groups/g-staff/transitiveMembers/microsoft.graph.user?$select=id,mail,userPrincipalName,accountEnabled&$top=999',
    ]);
  });

  it('answers not_found for an address no group has, so another tenant can be asked', async () => {
    env.reset();
    expectFailure(await make().readGroupMembers("o'brien-team@oakfield.sch.uk"), 'not_found', "no group with the address o'brien-team@oakfield.sch.uk");
  });

  it('names GroupMember.Read.All when the tenant has not granted it', async () => {
    env.reset(withGroups(msFixture({ users: 3, realism: { withheldPermissions: ['GroupMember.Read.All'] } })));
    expectFailure(await make().readGroupMembers('staff@oakfield.sch.uk'), 'upstream_forbidden', 'GroupMember.Read.All');
  });
});
