import { describe, expect, it } from 'vitest';
import type { Fixture } from '../../simulator/fixture/schema.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { connector, DOMAIN, googleDelegatedScopes, makeKey, school } from './test-support.ts';

const key = await makeKey();
const env = useSimulator(() => school(key, { mailboxes: 40 }));
const googleOf = (fixture: Fixture) => fixture.google!;
const failure = (result: { ok: boolean; error?: { code: string; message: string } }) => result.error && `${result.error.code}: ${result.error.message}`;

describe('readGroupMembers (Google Workspace)', () => {
  it('lists people in nested groups through derived membership, each once, suspended ones marked', async () => {
    env.reset();
    const google = googleOf(env.sim.ctx.fixture);
    const groups = new Map(google.groups.map((g) => [g.email, g]));
    const teaching = groups.get(`teaching-staff@${DOMAIN}`)!;
    // Somebody outside the school and a person already in a nested group, listed directly as well.
    const leader = groups.get(`leadership@${DOMAIN}`)!.members[0]!;
    teaching.members.push('governor.friend@gmail.com', leader);
    const expected = [...groups.get(`leadership@${DOMAIN}`)!.members, ...groups.get(`classroom@${DOMAIN}`)!.members];
    expect(expected.length).toBeGreaterThan(5);
    const suspended = google.users.find((u) => expected.includes(u.primaryEmail) && u.suspended);

    const read = await connector(key).readGroupMembers(`Teaching-Staff@${DOMAIN}`);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.map((m) => m.email).sort()).toEqual([...new Set(expected)].sort());
    const byEmail = new Map(read.value.map((m) => [m.email, m]));
    for (const email of expected) expect(byEmail.get(email)?.id).toBe(google.users.find((u) => u.primaryEmail === email)?.id);
    if (suspended) expect(byEmail.get(suspended.primaryEmail)?.enabled).toBe(false);
    const calls = env.sim.ctx.recorder.requests.filter((r) => r.url.includes('/members'));
    expect(calls.every((r) => r.url.includes('includeDerivedMembership=true'))).toBe(true);
  });

  it('follows page tokens past 200 members', async () => {
    env.reset(school(key, { mailboxes: 230 }));
    const google = googleOf(env.sim.ctx.fixture);
    google.groups.push({ id: 'g-everyone', email: `everyone@${DOMAIN}`, name: 'Everyone', members: google.users.map((u) => u.primaryEmail) });
    const read = await connector(key).readGroupMembers(`everyone@${DOMAIN}`);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value).toHaveLength(google.users.length);
    expect(env.sim.ctx.recorder.requests.filter((r) => r.url.includes('/members')).length).toBe(2);
  });

  it('answers not_found for an address no group has', async () => {
    env.reset();
    expect(failure(await connector(key).readGroupMembers(`nobody-here@${DOMAIN}`))).toBe(`not_found: Google Workspace has no group with the address nobody-here@${DOMAIN}`);
  });

  it('names the scope when domain-wide delegation lacks it', async () => {
    env.reset(school(key, { mailboxes: 20, scopes: googleDelegatedScopes.filter((s) => !s.includes('group')) }));
    expect(failure(await connector(key).readGroupMembers(`teaching-staff@${DOMAIN}`))).toMatch(/^upstream_forbidden: .*admin\.directory\.group\.member\.readonly/);
  });
});
