import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { SimContext } from '../core/context.ts';
import type { MsUser } from '../fixture/microsoft.ts';
import type { SimEnv } from '../sim-env.ts';
import { badRequest, notFoundItem } from './errors.ts';
import { findFolder, findMessage, foldersOf, messagesOf, moveMessage, countIn } from './mail-store.ts';
import type { Folder } from './mail-store.ts';
import { ATTACHMENT_PROPERTIES, graphAttachments, graphMessage, MESSAGE_DEFAULTS, MESSAGE_PROPERTIES } from './message-shape.ts';
import { parseFilter } from './odata-filter.ts';
import { contextUrl, decodeToken, encodeToken, linkWith, parseSelect, parseTop, project, QueryError } from './odata-query.ts';
import { denied, withQueryErrors } from './permissions.ts';

const ENTITY = 'microsoft.graph.message';

function graphFolder(ctx: SimContext, user: MsUser, f: Folder): Record<string, unknown> {
  return { id: f.id, displayName: f.displayName, parentFolderId: `${user.id}-msgfolderroot`, childFolderCount: 0, unreadItemCount: 0, totalItemCount: countIn(ctx, user, f), isHidden: false };
}

/** `$expand=attachments` or `attachments($select=name,size)`. */
function parseExpand(raw: string | undefined): { select: string[] | undefined } | undefined {
  if (!raw) return undefined;
  const match = /^attachments(?:\(\$select=([^)]*)\))?$/.exec(raw.trim());
  if (!match) throw new QueryError(`Parsing OData Select and Expand failed: Could not find a property named '${raw}' on type '${ENTITY}'.`);
  return { select: parseSelect(match[1], ATTACHMENT_PROPERTIES, 'microsoft.graph.attachment') };
}

function listMessages(ctx: SimContext, c: Context<SimEnv>, user: MsUser, folder: Folder | undefined): Response {
  const select = parseSelect(c.req.query('$select'), MESSAGE_PROPERTIES, ENTITY);
  const top = parseTop(c.req.query('$top'), 10, 1000);
  const filterText = c.req.query('$filter');
  const filter = filterText ? parseFilter(filterText, MESSAGE_PROPERTIES, ENTITY) : undefined;
  const expand = parseExpand(c.req.query('$expand'));
  const offset = decodeToken(c.req.query('$skiptoken'))?.o ?? 0;
  const folderOf = (folderRef: string): string => findFolder(user, folderRef)?.id ?? folderRef;
  const test = (m: Parameters<typeof graphMessage>[0]): boolean => !filter || filter(graphMessage(m, folderOf(m.folderId)));
  const page: Record<string, unknown>[] = [];
  let seen = 0;
  for (const m of messagesOf(ctx, user, folder, test)) {
    if (seen >= offset && page.length < top) {
      const row = project(graphMessage(m, folderOf(m.folderId)), select, MESSAGE_DEFAULTS);
      if (expand) row.attachments = graphAttachments(m).map((a) => project(a, expand.select, ATTACHMENT_PROPERTIES, ['@odata.type', 'id']));
      page.push(row);
    }
    seen++;
    if (page.length === top && c.req.query('$count') !== 'true' && seen > offset + top) break;
  }
  const body: Record<string, unknown> = { '@odata.context': contextUrl(c.req.url, `users('${user.id}')/messages`) };
  if (c.req.query('$count') === 'true') body['@odata.count'] = seen;
  if (seen > offset + top) body['@odata.nextLink'] = linkWith(c.req.url, '$skiptoken', encodeToken({ o: offset + top }));
  body.value = page;
  return c.json(body);
}

const moveSchema = z.object({ destinationId: z.string().min(1) }).strict();

/** Mail folders, message metadata, attachments' names and sizes, and move. Needs Mail.Read(Write). */
export function createMailRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const user = (c: Context<SimEnv>): MsUser => c.get('msUser') as MsUser;

  app.get('/v1.0/users/:ref/mailFolders', (c) => {
    const refusal = denied(ctx, c, 'Mail.Read', 'mailbox');
    if (refusal) return refusal;
    return c.json({ '@odata.context': contextUrl(c.req.url, `users('${user(c).id}')/mailFolders`), value: foldersOf(user(c)).map((f) => graphFolder(ctx, user(c), f)) });
  });

  app.get('/v1.0/users/:ref/mailFolders/:folder', (c) => {
    const refusal = denied(ctx, c, 'Mail.Read', 'mailbox');
    if (refusal) return refusal;
    const folder = findFolder(user(c), c.req.param('folder'));
    return folder ? c.json({ '@odata.context': contextUrl(c.req.url, 'mailFolders/$entity'), ...graphFolder(ctx, user(c), folder) }) : notFoundItem(c);
  });

  app.get('/v1.0/users/:ref/mailFolders/:folder/messages', (c) =>
    withQueryErrors(c, () => {
      const refusal = denied(ctx, c, 'Mail.Read', 'mailbox');
      if (refusal) return refusal;
      const folder = findFolder(user(c), c.req.param('folder'));
      return folder ? listMessages(ctx, c, user(c), folder) : notFoundItem(c);
    }),
  );

  app.get('/v1.0/users/:ref/messages', (c) =>
    withQueryErrors(c, () => denied(ctx, c, 'Mail.Read', 'mailbox') ?? listMessages(ctx, c, user(c), undefined)),
  );

  app.get('/v1.0/users/:ref/messages/:mid', (c) =>
    withQueryErrors(c, () => {
      const refusal = denied(ctx, c, 'Mail.Read', 'mailbox');
      if (refusal) return refusal;
      const m = findMessage(ctx, user(c), c.req.param('mid'));
      if (!m) return notFoundItem(c);
      const select = parseSelect(c.req.query('$select'), MESSAGE_PROPERTIES, ENTITY);
      const folderId = findFolder(user(c), m.folderId)?.id ?? m.folderId;
      return c.json({ '@odata.context': contextUrl(c.req.url, 'messages/$entity'), ...project(graphMessage(m, folderId), select, MESSAGE_DEFAULTS) });
    }),
  );

  app.get('/v1.0/users/:ref/messages/:mid/attachments', (c) =>
    withQueryErrors(c, () => {
      const refusal = denied(ctx, c, 'Mail.Read', 'mailbox');
      if (refusal) return refusal;
      const m = findMessage(ctx, user(c), c.req.param('mid'));
      if (!m) return notFoundItem(c);
      const select = parseSelect(c.req.query('$select'), ATTACHMENT_PROPERTIES, 'microsoft.graph.attachment');
      return c.json({ '@odata.context': contextUrl(c.req.url, 'attachments'), value: graphAttachments(m).map((a) => project(a, select, ATTACHMENT_PROPERTIES, ['@odata.type', 'id'])) });
    }),
  );

  app.post('/v1.0/users/:ref/messages/:mid/move', async (c) => {
    const refusal = denied(ctx, c, 'Mail.ReadWrite', 'mailbox');
    if (refusal) return refusal;
    const parsed = moveSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return badRequest(c, 'The request body must be { "destinationId": "<folder id or well-known name>" }.', 'ErrorInvalidRequest');
    const m = findMessage(ctx, user(c), c.req.param('mid'));
    const destination = findFolder(user(c), parsed.data.destinationId);
    if (!m || !destination) return notFoundItem(c);
    moveMessage(ctx, user(c), m, destination);
    ctx.changeSeq.value += 1;
    return c.json({ '@odata.context': contextUrl(c.req.url, 'messages/$entity'), ...graphMessage(m, destination.id) }, 201);
  });

  return app;
}
