import { admin, auth as adminAuth } from '@googleapis/admin';
import { gmail, auth as gmailAuth } from '@googleapis/gmail';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test/support/simulator.ts';
import { scope } from './scopes.ts';
import { SA_EMAIL, SA_KEY_ID, email, schoolFixture } from './test-kit.ts';

// Google's own client libraries, talking to the real hosts (routed into the simulator by msw), prove
// the token endpoint and response shapes are what those libraries expect.
const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
const privateKeyPem = await exportPKCS8(privateKey);
const handle = useSimulator(schoolFixture(await exportSPKI(publicKey)));

// Each googleapis package pins its own google-auth-library, so the JWT class comes from the package.
const jwtOptions = (subject: string, scopes: string[]) => ({ email: SA_EMAIL, key: privateKeyPem, keyId: SA_KEY_ID, scopes, subject, transporterOptions: { fetchImplementation: fetch } });
const gmailJwt = (subject: string, scopes: string[]) => new gmailAuth.JWT(jwtOptions(subject, scopes));
const adminJwt = (subject: string, scopes: string[]) => new adminAuth.JWT(jwtOptions(subject, scopes));

describe('Google client libraries against the simulator', () => {
  it('google-auth-library mints a delegated token and @googleapis/gmail reads settings and searches', async () => {
    const client = gmail({ version: 'v1', auth: gmailJwt(email('teacher'), [scope.readonly, scope.settingsBasic]) });
    const forwarding = await client.users.settings.getAutoForwarding({ userId: 'me' });
    expect(forwarding.data).toEqual({ enabled: true, emailAddress: 'me@gmail.com', disposition: 'leaveInInbox' });
    const sent = await client.users.messages.list({ userId: 'me', q: 'in:sent larger:2M' });
    expect(sent.data.messages?.map((m) => m.id)).toEqual(['m-big-sent']);
    const message = await client.users.messages.get({ userId: 'me', id: 'm-big-sent', format: 'metadata', metadataHeaders: ['To', 'Cc'] });
    expect(message.data.payload?.headers?.map((h) => h.name)).toEqual(['To', 'Cc']);
  });

  it('@googleapis/admin lists users page by page', async () => {
    const client = admin({ version: 'directory_v1', auth: adminJwt(email('admin'), [scope.directoryUserReadonly]) });
    let pageToken: string | undefined;
    let total = 0;
    do {
      const page = await client.users.list({ customer: 'my_customer', maxResults: 100, ...(pageToken ? { pageToken } : {}) });
      total += page.data.users?.length ?? 0;
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(total).toBe(handle.sim.ctx.fixture.google?.users.length);
  });

  it('surfaces a scope the tenant did not delegate as the library error Google gives', async () => {
    const client = gmail({ version: 'v1', auth: gmailJwt(email('teacher'), [scope.mail]) });
    await expect(client.users.settings.getVacation({ userId: 'me' })).rejects.toThrow(/unauthorized_client/);
  });
});
