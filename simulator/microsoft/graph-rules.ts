import { Hono } from 'hono';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { SimContext } from '../core/context.ts';
import { inboxRuleSchema } from '../fixture/microsoft.ts';
import type { InboxRule, MsUser } from '../fixture/microsoft.ts';
import type { SimEnv } from '../sim-env.ts';
import { badRequest, notFoundItem } from './errors.ts';
import { contextUrl } from './odata-query.ts';
import { denied } from './permissions.ts';

const createSchema = inboxRuleSchema.omit({ id: true, hasError: true, isReadOnly: true });
const patchSchema = createSchema.partial().strict();

const describe = (error: z.ZodError): string => error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** Graph's messageRule shape; the fixture already stores it that way. */
const graphRule = (rule: InboxRule): Record<string, unknown> => ({ ...rule });

/** /users/{id}/mailFolders/inbox/messageRules: MailboxSettings.Read to read, .ReadWrite to write. */
export function createRuleRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const base = '/v1.0/users/:ref/mailFolders/:folder{[iI][nN][bB][oO][xX]}/messageRules';
  const rules = (c: Context<SimEnv>): InboxRule[] => (c.get('msUser') as MsUser).mailbox?.inboxRules ?? [];

  app.get(base, (c) => denied(ctx, c, 'MailboxSettings.Read', 'mailbox') ?? c.json({ '@odata.context': contextUrl(c.req.url, 'messageRules'), value: rules(c).map(graphRule) }));

  app.get(`${base}/:id`, (c) => {
    const refusal = denied(ctx, c, 'MailboxSettings.Read', 'mailbox');
    if (refusal) return refusal;
    const rule = rules(c).find((r) => r.id === c.req.param('id'));
    return rule ? c.json({ '@odata.context': contextUrl(c.req.url, 'messageRules/$entity'), ...graphRule(rule) }) : notFoundItem(c);
  });

  app.post(base, async (c) => {
    const refusal = denied(ctx, c, 'MailboxSettings.ReadWrite', 'mailbox');
    if (refusal) return refusal;
    const parsed = createSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return badRequest(c, `Invalid messageRule: ${describe(parsed.error)}`, 'ErrorInvalidRequest');
    const rule: InboxRule = { ...parsed.data, id: `AQAAA${crypto.randomUUID().replaceAll('-', '')}=`, hasError: false, isReadOnly: false };
    rules(c).push(rule);
    ctx.changeSeq.value += 1;
    return c.json({ '@odata.context': contextUrl(c.req.url, 'messageRules/$entity'), ...graphRule(rule) }, 201);
  });

  app.patch(`${base}/:id`, async (c) => {
    const refusal = denied(ctx, c, 'MailboxSettings.ReadWrite', 'mailbox');
    if (refusal) return refusal;
    const rule = rules(c).find((r) => r.id === c.req.param('id'));
    if (!rule) return notFoundItem(c);
    const parsed = patchSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return badRequest(c, `Invalid messageRule update: ${describe(parsed.error)}`, 'ErrorInvalidRequest');
    if (rule.isReadOnly) return badRequest(c, 'The rule is read-only.', 'ErrorAccessDenied');
    // Like Graph, a property you send replaces the stored one (actions are replaced whole).
    for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) Object.assign(rule, { [key]: value });
    ctx.changeSeq.value += 1;
    return c.json({ '@odata.context': contextUrl(c.req.url, 'messageRules/$entity'), ...graphRule(rule) });
  });

  app.delete(`${base}/:id`, (c) => {
    const refusal = denied(ctx, c, 'MailboxSettings.ReadWrite', 'mailbox');
    if (refusal) return refusal;
    const list = rules(c);
    const index = list.findIndex((r) => r.id === c.req.param('id'));
    if (index < 0) return notFoundItem(c);
    list.splice(index, 1);
    ctx.changeSeq.value += 1;
    return c.body(null, 204);
  });

  return app;
}
