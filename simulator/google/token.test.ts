import { beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../app.ts';
import { scope } from './scopes.ts';
import { GMAIL, SA_EMAIL, api, assertion, createSimulator, email, requestToken, schoolFixture, serviceAccountKey } from './test-kit.ts';
import type { ServiceAccountKey } from './test-kit.ts';

const UNAUTHORIZED_CLIENT =
  'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.';

describe('Google token endpoint (JWT bearer, domain-wide delegation)', () => {
  let key: ServiceAccountKey;
  let sim: Simulator;
  beforeAll(async () => {
    key = await serviceAccountKey();
    sim = createSimulator(schoolFixture(key.publicKeyPem));
  });

  const refusal = async (response: Response): Promise<{ status: number; error?: string; description?: string }> => {
    const body: { error?: string; error_description?: string } = await response.json();
    return { status: response.status, error: body.error, description: body.error_description };
  };

  it('issues an opaque bearer token bound to the impersonated user and scopes', async () => {
    const jwt = await assertion(key.privateKey, { sub: email('teacher'), scope: `${scope.settingsBasic} ${scope.readonly}` });
    const response = await requestToken(sim, jwt);
    expect(response.status).toBe(200);
    const body: { access_token: string; expires_in: number; token_type: string } = await response.json();
    expect(body.expires_in).toBe(3599);
    expect(body.token_type).toBe('Bearer');
    const issued = sim.ctx.tokens.get(body.access_token);
    expect(issued).toMatchObject({ provider: 'google-workspace', principal: email('teacher'), scopes: [scope.settingsBasic, scope.readonly] });
    const settings = await api(sim, body.access_token, 'GET', `${GMAIL}/me/settings/autoForwarding`);
    expect(settings.status).toBe(200);
  });

  it("accepts the simulator's own /token and /oauth2/v4/token URLs as audience", async () => {
    for (const path of ['/token', '/oauth2/v4/token']) {
      const jwt = await assertion(key.privateKey, { sub: email('admin'), scope: scope.directoryUserReadonly, aud: `http://sim.test${path}` });
      expect((await requestToken(sim, jwt, `http://sim.test${path}`)).status).toBe(200);
    }
  });

  it('refuses a user outside the domain and a suspended user with invalid_grant', async () => {
    for (const sub of ['nobody@stmarys.sch.uk', email('suspended')]) {
      const jwt = await assertion(key.privateKey, { sub, scope: scope.readonly });
      expect(await refusal(await requestToken(sim, jwt))).toEqual({ status: 400, error: 'invalid_grant', description: 'Invalid email or User ID' });
    }
  });

  it('refuses scopes not granted through domain-wide delegation with unauthorized_client', async () => {
    const jwt = await assertion(key.privateKey, { sub: email('teacher'), scope: `${scope.readonly} ${scope.mail}` });
    expect(await refusal(await requestToken(sim, jwt))).toEqual({ status: 401, error: 'unauthorized_client', description: UNAUTHORIZED_CLIENT });
  });

  it('refuses a signature from another key, a wrong kid and an unknown service account', async () => {
    const stranger = await serviceAccountKey();
    const forged = await assertion(stranger.privateKey, { sub: email('teacher'), scope: scope.readonly });
    expect(await refusal(await requestToken(sim, forged))).toMatchObject({ status: 400, error: 'invalid_grant', description: 'Invalid JWT Signature.' });
    const wrongKid = await assertion(key.privateKey, { sub: email('teacher'), scope: scope.readonly, kid: 'other-key' });
    expect(await refusal(await requestToken(sim, wrongKid))).toMatchObject({ status: 400, error: 'invalid_grant' });
    const unknown = await assertion(key.privateKey, { iss: 'someone@else.iam.gserviceaccount.com', sub: email('teacher'), scope: scope.readonly });
    expect(await refusal(await requestToken(sim, unknown))).toMatchObject({ status: 400, error: 'invalid_grant', description: 'Invalid grant: account not found' });
    expect(SA_EMAIL).not.toBe('someone@else.iam.gserviceaccount.com');
  });

  it('refuses a wrong audience, a long-lived or expired assertion, and a wrong grant type', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      await assertion(key.privateKey, { sub: email('teacher'), scope: scope.readonly, aud: 'https://example.com/token' }),
      await assertion(key.privateKey, { sub: email('teacher'), scope: scope.readonly, iat: now, exp: now + 7200 }),
      await assertion(key.privateKey, { sub: email('teacher'), scope: scope.readonly, iat: now - 7200, exp: now - 3700 }),
    ];
    for (const jwt of cases) expect(await refusal(await requestToken(sim, jwt))).toMatchObject({ status: 400, error: 'invalid_grant' });
    const wrongGrant = await sim.fetch(
      new Request('https://oauth2.googleapis.com/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' }),
    );
    expect(await refusal(wrongGrant)).toMatchObject({ status: 400, error: 'unsupported_grant_type' });
  });

  it('answers API calls without a token, with an unknown token or an expired one with 401', async () => {
    expect((await api(sim, null, 'GET', `${GMAIL}/me/settings/vacation`)).status).toBe(401);
    const bogus = await api(sim, 'ya29.not-issued', 'GET', `${GMAIL}/me/settings/vacation`);
    const body: { error: { code: number; status: string; errors: { reason: string }[] } } = await bogus.json();
    expect(body.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED', errors: [{ reason: 'authError' }] });

    const jwt = await assertion(key.privateKey, { sub: email('teacher'), scope: scope.settingsBasic });
    const { access_token } = await (await requestToken(sim, jwt)).json<{ access_token: string }>();
    const issued = sim.ctx.tokens.get(access_token);
    if (!issued) throw new Error('token not stored');
    issued.expiresAt = Date.now() - 1;
    expect((await api(sim, access_token, 'GET', `${GMAIL}/me/settings/vacation`)).status).toBe(401);
  });
});
