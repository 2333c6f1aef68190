import { beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../app.ts';
import { scope } from './scopes.ts';
import { GMAIL, api, createSimulator, email, schoolFixture, serviceAccountKey, tokenFor } from './test-kit.ts';
import type { ServiceAccountKey } from './test-kit.ts';

interface GoogleErrorBody {
  error: { code: number; message: string; errors: { reason: string }[] };
}
const reasonOf = async (response: Response): Promise<string | undefined> => (await response.json<GoogleErrorBody>()).error.errors[0]?.reason;

describe('Gmail settings', () => {
  let key: ServiceAccountKey;
  let sim: Simulator;
  let basic: string;
  let sharing: string;
  let readonly: string;
  const teacher = () => {
    const user = sim.ctx.fixture.google?.users.find((u) => u.id === 'u-teacher');
    if (!user) throw new Error('fixture has no teacher');
    return user;
  };
  beforeAll(async () => {
    key = await serviceAccountKey();
    sim = createSimulator(schoolFixture(key.publicKeyPem));
    basic = await tokenFor(sim, key, email('teacher'), [scope.settingsBasic]);
    sharing = await tokenFor(sim, key, email('teacher'), [scope.settingsBasic, scope.settingsSharing]);
    readonly = await tokenFor(sim, key, email('teacher'), [scope.readonly]);
  });

  it('reads auto-forwarding with settings.basic or a broader read scope, but not with sharing alone', async () => {
    for (const token of [basic, readonly]) {
      const response = await api(sim, token, 'GET', `${GMAIL}/me/settings/autoForwarding`);
      expect(await response.json()).toEqual({ enabled: true, emailAddress: 'me@gmail.com', disposition: 'leaveInInbox' });
    }
    const sharingOnly = await tokenFor(sim, key, email('teacher'), [scope.settingsSharing]);
    const refused = await api(sim, sharingOnly, 'GET', `${GMAIL}/${email('teacher')}/settings/autoForwarding`);
    expect(refused.status).toBe(403);
    expect(await reasonOf(refused)).toBe('insufficientPermissions');
  });

  it('changes auto-forwarding only with gmail.settings.sharing, and only to a verified address', async () => {
    const withBasic = await api(sim, basic, 'PUT', `${GMAIL}/me/settings/autoForwarding`, { enabled: false });
    expect(withBasic.status).toBe(403);
    expect(teacher().gmail.autoForwarding.enabled).toBe(true);

    const pending = await api(sim, sharing, 'PUT', `${GMAIL}/me/settings/autoForwarding`, { enabled: true, emailAddress: 'pending@example.net', disposition: 'archive' });
    expect(pending.status).toBe(400);

    const before = sim.ctx.changeSeq.value;
    const off = await api(sim, sharing, 'PUT', `${GMAIL}/me/settings/autoForwarding`, { enabled: false });
    expect(off.status).toBe(200);
    expect(await off.json()).toEqual({ enabled: false });
    expect(teacher().gmail.autoForwarding).toEqual({ enabled: false });
    expect(sim.ctx.changeSeq.value).toBe(before + 1);
  });

  it('lists, gets and deletes forwarding addresses (delete needs sharing)', async () => {
    const list: { forwardingAddresses: { forwardingEmail: string; verificationStatus: string }[] } = await (await api(sim, basic, 'GET', `${GMAIL}/me/settings/forwardingAddresses`)).json();
    expect(list.forwardingAddresses.map((f) => f.forwardingEmail)).toEqual(['me@gmail.com', 'pending@example.net']);
    const one = await api(sim, basic, 'GET', `${GMAIL}/me/settings/forwardingAddresses/pending@example.net`);
    expect(await one.json()).toEqual({ forwardingEmail: 'pending@example.net', verificationStatus: 'pending' });
    expect((await api(sim, basic, 'DELETE', `${GMAIL}/me/settings/forwardingAddresses/pending@example.net`)).status).toBe(403);
    expect((await api(sim, sharing, 'DELETE', `${GMAIL}/me/settings/forwardingAddresses/pending@example.net`)).status).toBe(204);
    expect(teacher().gmail.forwardingAddresses.map((f) => f.forwardingEmail)).toEqual(['me@gmail.com']);
    expect((await api(sim, sharing, 'GET', `${GMAIL}/me/settings/forwardingAddresses/pending@example.net`)).status).toBe(404);
  });

  it('lists filters under `filter`, creates forward filters only with sharing, and deletes them', async () => {
    const list: { filter: { id: string; action: { forward?: string } }[] } = await (await api(sim, readonly, 'GET', `${GMAIL}/me/settings/filters`)).json();
    expect(list.filter).toEqual([{ id: 'f-forward', criteria: { from: 'head@example.org' }, action: { forward: 'me@gmail.com' } }]);

    const forward = { criteria: { to: 'me@stmarys.sch.uk' }, action: { forward: 'me@gmail.com' } };
    const withBasic = await api(sim, basic, 'POST', `${GMAIL}/me/settings/filters`, forward);
    expect(withBasic.status).toBe(403);
    expect(await reasonOf(withBasic)).toBe('insufficientPermissions');
    const noCriteria = await api(sim, basic, 'POST', `${GMAIL}/me/settings/filters`, { criteria: {}, action: { addLabelIds: ['TRASH'] } });
    expect(noCriteria.status).toBe(400);

    const created = await api(sim, sharing, 'POST', `${GMAIL}/me/settings/filters`, forward);
    expect(created.status).toBe(200);
    const filter: { id: string } = await created.json();
    expect(filter).toMatchObject(forward);
    expect(teacher().gmail.filters.map((f) => f.id)).toEqual(['f-forward', filter.id]);

    expect((await api(sim, readonly, 'DELETE', `${GMAIL}/me/settings/filters/f-forward`)).status).toBe(403);
    expect((await api(sim, basic, 'DELETE', `${GMAIL}/me/settings/filters/f-forward`)).status).toBe(204);
    expect((await api(sim, basic, 'GET', `${GMAIL}/me/settings/filters/f-forward`)).status).toBe(404);
    expect(teacher().gmail.filters.map((f) => f.id)).toEqual([filter.id]);
  });

  it('reads the primary send-as address and patches its signature', async () => {
    const list: { sendAs: { sendAsEmail: string; isPrimary: boolean; signature: string }[] } = await (await api(sim, readonly, 'GET', `${GMAIL}/me/settings/sendAs`)).json();
    expect(list.sendAs).toEqual([expect.objectContaining({ sendAsEmail: email('teacher'), isPrimary: true, signature: '' })]);

    const url = `${GMAIL}/me/settings/sendAs/${email('teacher')}`;
    expect((await api(sim, readonly, 'PATCH', url, { signature: '<p>Disclaimer</p>' })).status).toBe(403);
    const patched = await api(sim, basic, 'PATCH', url, { signature: '<p>Disclaimer</p>' });
    expect(await patched.json()).toMatchObject({ sendAsEmail: email('teacher'), signature: '<p>Disclaimer</p>', displayName: 'teacher Staff' });
    const read: { signature: string } = await (await api(sim, basic, 'GET', url)).json();
    expect(read.signature).toBe('<p>Disclaimer</p>');
    expect(teacher().gmail.sendAs[0]?.signature).toBe('<p>Disclaimer</p>');
    expect((await api(sim, basic, 'GET', `${GMAIL}/me/settings/sendAs/nobody@stmarys.sch.uk`)).status).toBe(404);
  });

  it('reads and updates the vacation responder (update needs settings.basic)', async () => {
    const read: { enableAutoReply: boolean } = await (await api(sim, readonly, 'GET', `${GMAIL}/me/settings/vacation`)).json();
    expect(read.enableAutoReply).toBe(false);
    const reply = { enableAutoReply: true, responseSubject: 'Left the school', responseBodyPlainText: 'Please write to office@stmarys.sch.uk', restrictToDomain: false };
    expect((await api(sim, readonly, 'PUT', `${GMAIL}/me/settings/vacation`, reply)).status).toBe(403);
    const updated = await api(sim, basic, 'PUT', `${GMAIL}/me/settings/vacation`, reply);
    expect(await updated.json()).toMatchObject(reply);
    expect(teacher().gmail.vacation).toMatchObject(reply);
  });

  it('refuses another user\'s mailbox even to an admin ("Delegation denied")', async () => {
    const admin = await tokenFor(sim, key, email('admin'), [scope.settingsBasic]);
    const response = await api(sim, admin, 'GET', `${GMAIL}/${email('teacher')}/settings/autoForwarding`);
    expect(response.status).toBe(403);
    expect((await response.json<GoogleErrorBody>()).error.message).toBe(`Delegation denied for ${email('admin')}`);
  });

  it('treats a withheld scope as not granted', async () => {
    const withheld = createSimulator(schoolFixture(key.publicKeyPem, { withheldPermissions: ['gmail.settings.basic'] }));
    const token = await tokenFor(withheld, key, email('teacher'), [scope.settingsBasic]);
    const response = await api(withheld, token, 'GET', `${GMAIL}/me/settings/vacation`);
    expect(response.status).toBe(403);
    expect(await reasonOf(response)).toBe('insufficientPermissions');
  });
});
