import { Hono } from 'hono';
import type { Context } from 'hono';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import type { SimContext } from '../core/context.ts';
import type { SimEnv } from '../sim-env.ts';
import type { MicrosoftTenant } from '../fixture/microsoft.ts';
import { aadError } from './errors.ts';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const EXCHANGE_RESOURCE = 'https://outlook.office365.com';
const TOKEN_LIFETIME_SECONDS = 3599;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

type App = MicrosoftTenant['apps'][number];

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return 'sim.' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Resolves the `{tenant}` path segment the way login.microsoftonline.com does: id or verified domain. */
function knowsTenant(tenant: MicrosoftTenant, segment: string): boolean {
  const s = segment.toLowerCase();
  return s === tenant.tenantId.toLowerCase() || tenant.domains.some((d) => d.toLowerCase() === s);
}

/** Checks a certificate client assertion as Entra ID does; returns a failure description or null. */
async function verifyAssertion(app: App, assertion: string, audiences: string[]): Promise<string | null> {
  if (!app.certificate) return 'The client has no certificate credential registered.';
  let header;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    return 'Client assertion failed signature validation.';
  }
  const alg = header.alg;
  if (alg !== 'RS256' && alg !== 'PS256') return `Client assertion uses unsupported algorithm '${String(alg)}'.`;
  if (header['x5t#S256'] !== app.certificate.thumbprintSha256) {
    return `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : (header.x5t ?? '')}']`;
  }
  try {
    const key = await importSPKI(app.certificate.publicKeyPem, alg);
    await jwtVerify(assertion, key, { algorithms: [alg], issuer: app.clientId, subject: app.clientId, audience: audiences, requiredClaims: ['exp'], clockTolerance: 300 });
    return null;
  } catch (error) {
    return `Client assertion failed validation: ${error instanceof Error ? error.message : 'invalid'}.`;
  }
}

function resourceOf(scope: string): string | null {
  const scopes = scope.split(' ').filter(Boolean);
  if (scopes.length !== 1) return null;
  const match = /^(https:\/\/(?:graph\.microsoft\.com|outlook\.office365\.com))\/?\.default$/.exec(scopes[0] ?? '');
  return match?.[1] ?? null;
}

async function issue(c: Context<SimEnv>, ctx: SimContext): Promise<Response> {
  const tenant = ctx.fixture.microsoft;
  const segment = c.req.param('tenant') ?? '';
  if (!tenant || !knowsTenant(tenant, segment)) return aadError(c, 400, 'invalid_tenant', 90002, `Tenant '${segment}' not found.`);
  const form = await c.req.parseBody();
  const field = (name: string): string | undefined => (typeof form[name] === 'string' ? form[name] : undefined);
  if (field('grant_type') !== 'client_credentials') {
    return aadError(c, 400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type; the simulator supports client_credentials.');
  }
  const clientId = field('client_id') ?? '';
  const app = tenant.apps.find((a) => a.clientId === clientId);
  if (!app) return aadError(c, 400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant.tenantId}'.`);
  const resource = resourceOf(field('scope') ?? '');
  if (!resource) return aadError(c, 400, 'invalid_scope', 1002012, `The provided value for scope ${field('scope') ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`);

  const secret = field('client_secret');
  const assertion = field('client_assertion');
  if (secret !== undefined) {
    if (!app.clientSecret || secret !== app.clientSecret) return aadError(c, 401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.');
  } else if (assertion !== undefined) {
    if (field('client_assertion_type') !== JWT_BEARER) return aadError(c, 400, 'invalid_request', 50027, 'Invalid client_assertion_type.');
    const url = new URL(c.req.url);
    const audiences = [`https://login.microsoftonline.com${url.pathname}`, `${url.origin}${url.pathname}`];
    const failure = await verifyAssertion(app, assertion, audiences);
    if (failure) return aadError(c, 401, 'invalid_client', 700027, failure);
  } else {
    return aadError(c, 401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }

  const accessToken = randomToken();
  ctx.tokens.set(accessToken, { provider: 'microsoft365', audience: resource, scopes: [`${resource}/.default`], principal: clientId, expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000 });
  return c.json({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken });
}

/** login.microsoftonline.com's v2 token endpoint, client-credentials only (what daemon apps use). */
export function createTokenRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.post('/:tenant/oauth2/v2.0/token', async (c) => {
    await ctx.gate.latency();
    return issue(c, ctx);
  });
  return app;
}
