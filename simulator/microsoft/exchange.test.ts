import { beforeEach, describe, expect, it } from 'vitest';
import { useSimulator } from '../../test/support/simulator.ts';
import { DOMAIN, msFixture, userId } from './test-fixture.ts';
import { invoke, secretToken } from './test-client.ts';

type Row = Record<string, unknown>;
interface Result { value: Row[]; '@odata.nextLink'?: string; error?: { code: string; message: string } }

const env = useSimulator(msFixture());
let token: string;
beforeEach(async () => {
  env.reset();
  token = await secretToken('https://outlook.office365.com');
});

const run = async (name: string, params: Row = {}): Promise<{ status: number; body: Result }> => {
  const res = await invoke(token, name, params);
  return { status: res.status, body: await res.json<Result>()};
};
const mailbox = (n: number) => env.sim.ctx.fixture.microsoft?.users.find((u) => u.id === userId(n))?.mailbox;

describe('InvokeCommand: mailboxes', () => {
  it('Get-Mailbox returns Exchange property names and formats', async () => {
    const { status, body } = await run('Get-Mailbox', { Identity: `user1@${DOMAIN}` });
    expect(status).toBe(200);
    expect(body.value).toEqual([
      expect.objectContaining({
        PrimarySmtpAddress: `user1@${DOMAIN}`,
        ExternalDirectoryObjectId: userId(1),
        RecipientTypeDetails: 'UserMailbox',
        ForwardingSmtpAddress: 'smtp:someone@gmail.com',
        ForwardingAddress: null,
        DeliverToMailboxAndForward: true,
        MaxSendSize: '35 MB (36,700,160 bytes)',
        LitigationHoldEnabled: false,
        InPlaceHolds: [],
        RetentionPolicy: 'Default MRM Policy',
      }),
    ]);
    const all = await run('Get-Mailbox', { ResultSize: 'Unlimited' });
    expect(all.body.value.map((m) => m.ExternalDirectoryObjectId)).toEqual([1, 2, 4, 5].map(userId));
    const shared = await run('Get-Mailbox', { RecipientTypeDetails: 'SharedMailbox' });
    expect(shared.body.value.map((m) => m.ExternalDirectoryObjectId)).toEqual([userId(4)]);
    expect((await run('Get-Mailbox', { Identity: 'nobody' })).status).toBe(404);
  });

  it('Set-Mailbox clears forwarding, sets MaxSendSize and converts to shared', async () => {
    const set = await run('Set-Mailbox', { Identity: `user1@${DOMAIN}`, ForwardingSmtpAddress: null, DeliverToMailboxAndForward: false, MaxSendSize: '2MB', Type: 'Shared' });
    expect(set.status).toBe(200);
    expect(mailbox(1)).toMatchObject({ forwardingSmtpAddress: null, deliverToMailboxAndForward: false, maxSendSizeBytes: 2_097_152, type: 'SharedMailbox' });
    const got = await run('Get-Mailbox', { Identity: userId(1) });
    expect(got.body.value[0]).toMatchObject({ ForwardingSmtpAddress: null, MaxSendSize: '2 MB (2,097,152 bytes)', RecipientTypeDetails: 'SharedMailbox' });
    expect((await run('Set-Mailbox', { Identity: userId(1), Colour: 'blue' })).status).toBe(400);
    expect((await run('Set-Mailbox', { Identity: userId(1), MaxSendSize: 'lots' })).status).toBe(400);
  });

  it('pages Get-Mailbox over 1000 with @odata.nextLink (POST the same body again)', async () => {
    env.reset(msFixture({ users: 1000 }));
    token = await secretToken('https://outlook.office365.com');
    const first = await run('Get-Mailbox');
    expect(first.body.value).toHaveLength(1000);
    const next = first.body['@odata.nextLink'];
    expect(next).toBeDefined();
    const second = await (await invoke(token, 'Get-Mailbox', {}, next)).json<Result>();
    expect(second.value).toHaveLength(4);
    expect(second['@odata.nextLink']).toBeUndefined();
  });
});

describe('InvokeCommand: organisation settings', () => {
  it('creates, changes and toggles transport rules', async () => {
    const created = await run('New-TransportRule', { Name: 'Footer', FromScope: 'InOrganization', ApplyHtmlDisclaimerText: '<p>Hi</p>', ApplyHtmlDisclaimerLocation: 'Append', ApplyHtmlDisclaimerFallbackAction: 'Wrap', ExceptIfFrom: ['head@x.org'] });
    expect(created.status).toBe(200);
    expect(created.body.value[0]).toMatchObject({ Name: 'Footer', State: 'Enabled', Mode: 'Enforce', ExceptIfFrom: ['head@x.org'] });
    expect((await run('Set-TransportRule', { Identity: 'School disclaimer', ApplyHtmlDisclaimerText: '<p>New</p>', Mode: 'Audit' })).status).toBe(200);
    expect((await run('Disable-TransportRule', { Identity: 'Footer' })).status).toBe(200);
    const rules = env.sim.ctx.fixture.microsoft?.transportRules ?? [];
    expect(rules.map((r) => [r.Name, r.State, r.Mode, r.ApplyHtmlDisclaimerText])).toEqual([
      ['School disclaimer', 'Enabled', 'Audit', '<p>New</p>'],
      ['Footer', 'Disabled', 'Enforce', '<p>Hi</p>'],
    ]);
    await run('Enable-TransportRule', { Identity: 'Footer' });
    expect((await run('Get-TransportRule', { Identity: 'Footer' })).body.value[0]?.State).toBe('Enabled');
    expect((await run('Set-TransportRule', { Identity: 'School disclaimer', Mode: 'Sometimes' })).status).toBe(400);
  });

  it('reads and sets auto-forwarding controls and reads retention', async () => {
    expect((await run('Get-HostedOutboundSpamFilterPolicy')).body.value).toEqual([expect.objectContaining({ Identity: 'Default', AutoForwardingMode: 'Automatic' })]);
    await run('Set-HostedOutboundSpamFilterPolicy', { Identity: 'Default', AutoForwardingMode: 'Off' });
    await run('Set-RemoteDomain', { Identity: 'Default', AutoForwardEnabled: false });
    expect(env.sim.ctx.fixture.microsoft?.outboundSpamPolicies[0]?.AutoForwardingMode).toBe('Off');
    expect((await run('Get-RemoteDomain')).body.value[0]).toMatchObject({ DomainName: '*', AutoForwardEnabled: false });
    expect((await run('Get-RetentionPolicyTag')).body.value[0]).toMatchObject({ Name: '1 Year Delete', AgeLimitForRetention: '365.00:00:00' });
    expect((await run('Get-RetentionPolicy')).body.value[0]).toMatchObject({ Name: 'Default MRM Policy', RetentionPolicyTagLinks: ['1 Year Delete'] });
  });

  it('refuses an unknown cmdlet, a Graph token and a withheld Exchange.ManageAsApp', async () => {
    const unknown = await run('Remove-Everything');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toContain("'Remove-Everything'");
    expect((await invoke(await secretToken(), 'Get-Mailbox')).status).toBe(401);
    env.reset(msFixture({ realism: { withheldPermissions: ['Exchange.ManageAsApp'] } }));
    expect((await invoke(await secretToken('https://outlook.office365.com'), 'Get-Mailbox')).status).toBe(403);
  });
});
