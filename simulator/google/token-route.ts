import { Hono } from 'hono';
import { compactVerify, decodeJwt, decodeProtectedHeader, importSPKI, importX509 } from 'jose';
import type { JWTPayload } from 'jose';
import { z } from 'zod';
import type { SimContext } from '../core/context.ts';
import type { GoogleDomain } from '../fixture/google.ts';
import type { GoogleEnv } from './env.ts';
import { json } from './errors.ts';
import { domainOf, findUser, isGone } from './users.ts';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_LIFETIME_SECONDS = 3599;
const MAX_ASSERTION_LIFETIME_SECONDS = 3600;
const CLOCK_SKEW_SECONDS = 300;
const GOOGLE_TOKEN_AUDIENCES = ['https://oauth2.googleapis.com/token', 'https://www.googleapis.com/oauth2/v4/token', 'https://accounts.google.com/o/oauth2/token'];

type ServiceAccount = GoogleDomain['serviceAccounts'][number];

const oauthError = (status: number, error: string, description: string): Response => json({ error, error_description: description }, status);
const invalidGrant = (description: string): Response => oauthError(400, 'invalid_grant', description);

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return 'ya29.sim-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function verifySignature(account: ServiceAccount, assertion: string): Promise<boolean> {
  try {
    const pem = account.publicKeyPem;
    // Google hands out X.509 certificates for service-account keys; fixtures may hold bare SPKI keys.
    const key = pem.includes('BEGIN CERTIFICATE') ? await importX509(pem, 'RS256') : await importSPKI(pem, 'RS256');
    await compactVerify(assertion, key, { algorithms: ['RS256'] });
    return true;
  } catch {
    return false;
  }
}

function timesAreValid(claims: JWTPayload): boolean {
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number') return false;
  return exp > now - CLOCK_SKEW_SECONDS && iat <= now + CLOCK_SKEW_SECONDS && exp - iat <= MAX_ASSERTION_LIFETIME_SECONDS && exp > iat;
}

/** The two-legged service-account flow (JWT bearer grant) with domain-wide delegation. */
async function issue(ctx: SimContext, form: Record<string, unknown>, origin: string, setMailbox: (m: string) => void): Promise<Response> {
  const domain = domainOf(ctx);
  const field = (name: string): string | undefined => (typeof form[name] === 'string' ? form[name] : undefined);
  const grantType = field('grant_type');
  if (grantType !== JWT_BEARER) return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
  const assertion = field('assertion');
  if (!assertion) return oauthError(400, 'invalid_request', 'Missing required parameter: assertion');
  if (!domain) return invalidGrant('Invalid grant: account not found');

  let claims: JWTPayload;
  let kid: string | undefined;
  try {
    claims = decodeJwt(assertion);
    const header = decodeProtectedHeader(assertion);
    if (header.alg !== 'RS256') return invalidGrant('Invalid JWT Signature.');
    kid = header.kid;
  } catch {
    return invalidGrant('Invalid JWT Signature.');
  }
  const account = domain.serviceAccounts.find((a) => a.clientEmail === claims.iss);
  if (!account) return invalidGrant('Invalid grant: account not found');
  // gtoken sends `kid` only when told the key id; when present it must name this key.
  if (kid !== undefined && kid !== account.privateKeyId) return invalidGrant('Invalid JWT Signature.');
  if (!(await verifySignature(account, assertion))) return invalidGrant('Invalid JWT Signature.');

  const audiences = [...GOOGLE_TOKEN_AUDIENCES, `${origin}/token`, `${origin}/oauth2/v4/token`];
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.some((a) => typeof a === 'string' && audiences.includes(a))) return invalidGrant('Invalid JWT: Failed audience check.');
  if (!timesAreValid(claims)) {
    return invalidGrant('Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.');
  }
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  if (scopes.length === 0) return oauthError(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');

  let principal = account.clientEmail;
  if (claims.sub !== undefined && claims.sub !== account.clientEmail) {
    const user = findUser(domain, claims.sub);
    if (!user || user.suspended || isGone(ctx, user)) return invalidGrant('Invalid email or User ID');
    setMailbox(user.primaryEmail);
    if (!scopes.every((s) => domain.delegatedScopes.includes(s))) {
      return oauthError(
        401,
        'unauthorized_client',
        'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
      );
    }
    principal = user.primaryEmail;
  }

  const accessToken = randomToken();
  ctx.tokens.set(accessToken, {
    provider: 'google-workspace',
    audience: scopes.join(' '),
    scopes,
    principal,
    expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000,
  });
  return json({ access_token: accessToken, expires_in: TOKEN_LIFETIME_SECONDS, token_type: 'Bearer' });
}

const formSchema = z.record(z.string(), z.unknown());

/** Google's token endpoint takes form-encoded bodies (what google-auth-library sends) and JSON. */
async function readForm(request: Request): Promise<Record<string, unknown> | null> {
  try {
    if ((request.headers.get('content-type') ?? '').includes('application/json')) {
      const parsed = formSchema.safeParse(await request.json());
      return parsed.success ? parsed.data : null;
    }
    // Decoding the bytes ourselves: workerd warns when .text() is called on a form body.
    return Object.fromEntries(new URLSearchParams(new TextDecoder().decode(await request.arrayBuffer())));
  } catch {
    return null;
  }
}

/** oauth2.googleapis.com/token and its older www.googleapis.com/oauth2/v4/token path. */
export function createTokenRoutes(ctx: SimContext): Hono<GoogleEnv> {
  const app = new Hono<GoogleEnv>();
  for (const path of ['/token', '/oauth2/v4/token']) {
    app.post(path, async (c) => {
      const form = await readForm(c.req.raw);
      if (!form) return oauthError(400, 'invalid_request', 'Could not parse the request body.');
      return issue(ctx, form, new URL(c.req.url).origin, (m) => c.set('mailbox', m));
    });
  }
  return app;
}
