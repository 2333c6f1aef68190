import { env, exports } from 'cloudflare:workers';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { http, HttpResponse } from 'msw';
import { vi } from 'vitest';
import { signSlackBody } from '../../connectors/slack/verify-signature.ts';
import { connectionConfigSchema } from '../../src/domain/connections/config.ts';
import { applyDirectoryPage } from '../../src/storage/directory.ts';
import { createConnection } from '../../src/storage/connections.ts';
import { createSchool } from '../../src/storage/schools.ts';

export const BOT_APP_ID = '11111111-2222-3333-4444-555555555555';
export const BOT_TENANT = 'bot-home-tenant';
export const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
export const OPENID_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
export const JWKS_URL = 'https://login.botframework.com/v1/.well-known/keys';
export const SLACK_SIGNING_SECRET = 'slack-signing-secret-for-tests';
export const SLACK_BOT_TOKEN = 'xoxb-test-token';

/** The bot's configuration as a deployment would set it (vars and Worker secrets). */
export function configureBots(): void {
  Object.assign(env, {
    TEAMS_BOT_APP_ID: BOT_APP_ID,
    TEAMS_BOT_TENANT_ID: BOT_TENANT,
    SECRET_TEAMS_BOT_PASSWORD: 'bot-password',
    SECRET_SLACK_SIGNING_SECRET: SLACK_SIGNING_SECRET,
    SECRET_SLACK_BOT_TOKEN: SLACK_BOT_TOKEN,
    PUBLIC_URL: 'https://tutela.example.org',
  });
}

export interface StaffSeed {
  id: string;
  email: string;
}

/** A school with a Microsoft 365 connection for `tenantId` and the given staff in its directory. */
export async function seedSchool(schoolId: string, tenantId: string, staff: StaffSeed[], notifyChannel: 'teams' | 'slack' | 'none' = 'teams'): Promise<void> {
  const now = new Date('2026-11-01T00:00:00Z');
  await createSchool(env.DB, { id: schoolId, name: `School ${schoolId}`, notifyChannel }, now);
  const connectionId = `${schoolId}-m365`;
  await createConnection(env.DB, { id: connectionId, schoolId, config: connectionConfigSchema.parse({ provider: 'microsoft365', tenantId, clientId: 'client', auth: { kind: 'secret', secretRef: 'SECRET_TEST_M365' } }) }, now);
  await applyDirectoryPage(env.DB, connectionId, {
    full: true,
    removed: [],
    cursor: null,
    changed: staff.map((s) => ({ id: s.id, email: s.email, displayName: s.email, aliases: [], employeeId: null, enabled: true, kind: 'user', isAdmin: false, lastSignInAt: null, signInSource: 'unavailable', createdAt: null })),
  }, now);
}

export interface BotSigner {
  kid: string;
  publicJwk: JWK;
  sign(claims: Record<string, unknown>, options?: { expiresIn?: string | number; issuer?: string; audience?: string }): Promise<string>;
}

export async function makeSigner(kid: string): Promise<BotSigner> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  return {
    kid,
    publicJwk,
    sign: (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(options.issuer ?? 'https://api.botframework.com')
        .setAudience(options.audience ?? BOT_APP_ID)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(privateKey),
  };
}

/** The Bot Framework's OpenID metadata and key set, as published at login.botframework.com. */
export function botFrameworkKeyHandlers(keys: () => { signer: BotSigner; endorsements: string[] }[], onFetch: () => void = () => undefined) {
  return [
    http.get(OPENID_URL, () => {
      onFetch();
      return HttpResponse.json({ issuer: 'https://api.botframework.com', jwks_uri: JWKS_URL, id_token_signing_alg_values_supported: ['RS256'] });
    }),
    http.get(JWKS_URL, () => HttpResponse.json({ keys: keys().map((k) => ({ ...k.signer.publicJwk, kid: k.signer.kid, use: 'sig', endorsements: k.endorsements })) })),
  ];
}

export function teamsActivity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: 'activity-1',
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: { id: '29:user-1', name: 'Teacher', aadObjectId: 'aad-user-1' },
    recipient: { id: `28:${BOT_APP_ID}`, name: 'Tutela' },
    conversation: { id: 'a:personal-conv-1', conversationType: 'personal', tenantId: 'tenant-oak' },
    channelData: { tenant: { id: 'tenant-oak' } },
    text: 'hi',
    ...overrides,
  };
}

export function postTeams(activity: Record<string, unknown>, token?: string): Promise<Response> {
  return exports.default.fetch('http://localhost/bot/teams/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
}

export interface SlackPostOptions {
  /** Unix seconds the request claims to be sent at; now unless a test wants a stale or future one. */
  timestamp?: number;
  /** Signs with another secret, to show the route refuses it. */
  secret?: string;
  headers?: Record<string, string>;
}

/** POSTs `body` to one of the Worker's Slack routes, signed as Slack signs its requests. */
export async function postSlack(path: string, body: string, contentType: string, options: SlackPostOptions = {}): Promise<Response> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  return exports.default.fetch(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': await signSlackBody(options.secret ?? SLACK_SIGNING_SECRET, ts, body), ...options.headers },
    body,
  });
}

/** The form body of a block_actions payload, as Slack sends when `user` presses a button on a DM card. */
export function slackButtonPress(user: string, actionId: string, value: unknown, label = 'x'): string {
  return new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      api_app_id: 'A1',
      token: 'x',
      trigger_id: 't',
      team: { id: 'T1', domain: 'oak' },
      user: { id: user, username: 'u', team_id: 'T1' },
      container: { type: 'message', message_ts: '1.1', channel_id: 'D1', is_ephemeral: false },
      channel: { id: 'D1', name: 'directmessage' },
      response_url: 'https://hooks.slack.com/actions/T1/1/xyz',
      actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value: JSON.stringify(value), action_ts: '2.2', text: { type: 'plain_text', text: label } }],
    }),
  }).toString();
}

/**
 * Work the Worker does after responding (waitUntil) runs in the request's own I/O context, so a test
 * cannot await a promise it resolves; it polls what the fake upstream recorded instead.
 */
export async function recorded<T>(list: T[], count = 1): Promise<T[]> {
  await vi.waitFor(() => {
    if (list.length < count) throw new Error(`waiting for ${count} call(s), saw ${list.length}`);
  }, { timeout: 4000, interval: 20 });
  return list;
}
