import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { err, ok, type Result } from '../../src/domain/result.ts';
import type { BotKeySource } from './bot-keys.ts';
import { isAllowedServiceUrl } from './service-url.ts';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** Clock skew the Bot Framework SDKs allow; tokens are short-lived anyway. */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;

export interface VerifyOptions {
  appId: string;
  keys: BotKeySource;
  extraServiceHosts?: readonly string[];
  /** The time expiry is checked against; jose reads the clock otherwise. */
  currentDate?: Date;
}

/** Only what the token is checked against; the full activity is validated after authentication. */
export interface ActivityEnvelope {
  serviceUrl: string;
  channelId: string;
}

export type RefusalReason =
  | 'missing_token'
  | 'service_url_not_allowed'
  | 'malformed_token'
  | 'unknown_key'
  | 'bad_signature'
  | 'expired'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'invalid_claims'
  | 'channel_not_endorsed'
  | 'service_url_mismatch';

const refuse = (reason: RefusalReason) => err('unauthorized', `Bot Framework token refused: ${reason}`, { reason });

function reasonFor(error: unknown): RefusalReason {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'wrong_issuer';
    if (error.claim === 'aud') return 'wrong_audience';
    return 'invalid_claims';
  }
  return 'malformed_token';
}

/**
 * Authenticates a request from the Bot Framework Connector: RS256 signed by a key from the Bot
 * Framework OpenID metadata, issued by api.botframework.com for our app id, not expired, endorsed
 * for the activity's channel, and naming the same serviceUrl the activity does.
 */
export async function verifyBotFrameworkRequest(
  authorization: string | undefined,
  activity: ActivityEnvelope,
  options: VerifyOptions,
): Promise<Result<JWTPayload>> {
  const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization ?? '')?.[1];
  if (!token) return refuse('missing_token');
  if (!isAllowedServiceUrl(activity.serviceUrl, options.extraServiceHosts)) return refuse('service_url_not_allowed');

  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'RS256') return refuse('malformed_token');
    kid = header.kid;
  } catch {
    return refuse('malformed_token');
  }
  if (!kid) return refuse('malformed_token');

  let signing;
  try {
    signing = await options.keys.get(kid);
  } catch (error) {
    return err('upstream_failed', `Could not read the Bot Framework signing keys: ${String(error)}`);
  }
  if (!signing) return refuse('unknown_key');

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, signing.key, {
      algorithms: ['RS256'],
      issuer: BOT_FRAMEWORK_ISSUER,
      audience: options.appId,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp'],
      ...(options.currentDate ? { currentDate: options.currentDate } : {}),
    }));
  } catch (error) {
    return refuse(reasonFor(error));
  }
  if (!signing.endorsements.includes(activity.channelId)) return refuse('channel_not_endorsed');
  if (payload.serviceurl !== activity.serviceUrl) return refuse('service_url_mismatch');
  return ok(payload);
}
