import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { SimContext } from '../../core/context.ts';
import type { SimEnv } from '../../sim-env.ts';
import { checkBearer } from '../auth.ts';
import { throttled } from '../graph-gate.ts';
import { decodeToken, encodeToken, linkWith, preferredPageSize, QueryError } from '../odata-query.ts';
import { EXCHANGE_RESOURCE } from '../token.ts';
import { param, text } from './cmdlet.ts';
import type { Cmdlet } from './cmdlet.ts';
import { findMailboxUser, mailboxCmdlets } from './mailbox-cmdlets.ts';
import { orgCmdlets } from './org-cmdlets.ts';
import { transportRuleCmdlets } from './transport-rules.ts';

const cmdlets: Record<string, Cmdlet> = { ...mailboxCmdlets, ...transportRuleCmdlets, ...orgCmdlets };
const PAGE_SIZE = 1000;

const bodySchema = z.object({
  CmdletInput: z.object({ CmdletName: z.string().min(1), Parameters: z.record(z.string(), z.unknown()).default({}) }),
});

function exchangeError(c: Context, status: ContentfulStatusCode, code: string, message: string, headers?: Record<string, string>): Response {
  return c.json({ error: { code, message, details: [{ code: 'Context', target: '', message }], innererror: { message, type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException' } } }, status, headers);
}

/**
 * outlook.office365.com/adminapi/beta/{tenant}/InvokeCommand: the Exchange Online admin REST
 * endpoint the EXO module uses. Token for outlook.office365.com; Exchange.ManageAsApp. Results page
 * at 1000 (or Prefer: odata.maxpagesize); clients POST the same body to @odata.nextLink.
 */
export function createExchangeRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.post('/adminapi/beta/:tenant/InvokeCommand', async (c) => {
    const tenant = ctx.fixture.microsoft;
    const segment = c.req.param('tenant').toLowerCase();
    const auth = checkBearer(ctx, c.req.header('authorization'), EXCHANGE_RESOURCE);
    if (!auth.ok) return exchangeError(c, 401, 'Unauthorized', auth.message, { 'WWW-Authenticate': 'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*"' });
    if (!tenant || (segment !== tenant.tenantId.toLowerCase() && !tenant.domains.some((d) => d.toLowerCase() === segment))) {
      return exchangeError(c, 400, 'BadRequest', `The tenant '${segment}' does not match the token's tenant.`);
    }
    if (ctx.gate.isWithheld('Exchange.ManageAsApp')) return exchangeError(c, 403, 'Forbidden', 'The role assigned to application is not supported in this scenario. Grant Exchange.ManageAsApp and an Exchange admin role.');
    const parsed = bodySchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return exchangeError(c, 400, 'BadRequest', 'The request body must be { "CmdletInput": { "CmdletName": "…", "Parameters": { … } } }.');
    const { CmdletName: name, Parameters: params } = parsed.data.CmdletInput;
    const identity = param(params, 'Identity');
    const user = identity === undefined ? undefined : findMailboxUser(ctx, text(identity));
    c.set('mailbox', user?.userPrincipalName.toLowerCase());
    const admission = ctx.gate.admit(user?.id);
    if (!admission.admitted) return throttled(c, admission);
    try {
      await ctx.gate.latency();
      const cmdlet = Object.entries(cmdlets).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
      if (!cmdlet) {
        return exchangeError(c, 400, 'BadRequest', `The term '${name}' is not recognized as a cmdlet this endpoint (the Tutela simulator) serves. Supported: ${Object.keys(cmdlets).join(', ')}.`);
      }
      const result = cmdlet(ctx, params);
      if (!result.ok) return exchangeError(c, result.status, result.code, result.message);
      let offset: number;
      try {
        offset = decodeToken(c.req.query('$skiptoken'))?.o ?? 0;
      } catch (error) {
        if (error instanceof QueryError) return exchangeError(c, 400, 'BadRequest', error.message);
        throw error;
      }
      const size = preferredPageSize(c.req.header('prefer'), PAGE_SIZE, PAGE_SIZE);
      const body: Record<string, unknown> = {
        '@odata.context': `${new URL(c.req.url).origin}/adminapi/beta/${c.req.param('tenant')}/$metadata#Collection(Exchange.GenericHashTable)`,
        'adminapi.warnings@odata.type': '#Collection(String)',
        '@adminapi.warnings': [],
      };
      if (offset + size < result.value.length) body['@odata.nextLink'] = linkWith(c.req.url, '$skiptoken', encodeToken({ o: offset + size }));
      body.value = result.value.slice(offset, offset + size);
      return c.json(body);
    } finally {
      admission.release();
    }
  });
  return app;
}
