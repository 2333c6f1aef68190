import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { err, ok, type Result } from '../../domain/result.ts';

/** "brightpath" or "brightpath.cloudflareaccess.com" (or with https://) → the team's origin. */
export function accessOrigin(teamDomain: string): string {
  const host = teamDomain.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return `https://${host.includes('.') ? host : `${host}.cloudflareaccess.com`}`;
}

const keySets = new Map<string, JWTVerifyGetKey>();

/** One JWKS cache per team per isolate; jose refetches on an unknown kid (rate-limited by its cooldown). */
function teamKeys(origin: string): JWTVerifyGetKey {
  let set = keySets.get(origin);
  if (!set) {
    set = createRemoteJWKSet(new URL(`${origin}/cdn-cgi/access/certs`));
    keySets.set(origin, set);
  }
  return set;
}

export interface AccessIdentity {
  email: string;
  subject: string;
}

/**
 * Validates the Cf-Access-Jwt-Assertion header Cloudflare Access adds to every request it lets
 * through: RS256 signed by the team's current keys, issued by the team, for this application's AUD
 * tag, unexpired, with an email. Anything else is refused; the reason is for the log only.
 */
export async function verifyAccessJwt(token: string, options: { teamDomain: string; aud: string; keys?: JWTVerifyGetKey; currentDate?: Date }): Promise<Result<AccessIdentity>> {
  const origin = accessOrigin(options.teamDomain);
  try {
    const { payload } = await jwtVerify(token, options.keys ?? teamKeys(origin), {
      issuer: origin,
      audience: options.aud,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat'],
      clockTolerance: 60,
      ...(options.currentDate ? { currentDate: options.currentDate } : {}),
    });
    if (typeof payload.email !== 'string' || !payload.email.includes('@')) return err('unauthorized', 'Access token has no email', { reason: 'no_email' });
    return ok({ email: payload.email.toLowerCase(), subject: payload.sub ?? payload.email });
  } catch (error) {
    const reason =
      error instanceof errors.JWTExpired ? 'expired'
      : error instanceof errors.JWTClaimValidationFailed ? `claim_${error.claim}`
      : error instanceof errors.JWSSignatureVerificationFailed ? 'bad_signature'
      : error instanceof errors.JWKSNoMatchingKey ? 'unknown_key'
      : error instanceof errors.JOSEError ? error.code
      : 'keys_unavailable';
    return err('unauthorized', 'Access token refused', { reason });
  }
}
