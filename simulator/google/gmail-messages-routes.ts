import { Hono } from 'hono';
import { z } from 'zod';
import type { SimContext } from '../core/context.ts';
import { readJson } from './body.ts';
import type { GoogleEnv } from './env.ts';
import { badRequest, forbidden, gmailNotFound, json, noContent } from './errors.ts';
import { parseSearch } from './gmail-search.ts';
import { gmailGuard } from './guard.ts';
import { findMessage, relabel, search, searchable } from './mailbox.ts';
import { formatMessage } from './message-format.ts';
import type { MessageFormat } from './message-format.ts';
import { decodePageToken, encodePageToken, parseMaxResults } from './paging.ts';
import { accepts, scope } from './scopes.ts';

const BASE = '/gmail/v1/users/:userId/messages';
const formats: readonly MessageFormat[] = ['minimal', 'metadata', 'full', 'raw'];

const batchModifySchema = z.object({
  ids: z.array(z.string().min(1)).max(1000),
  addLabelIds: z.array(z.string()).default([]),
  removeLabelIds: z.array(z.string()).default([]),
});

/** Gmail users.messages: list (with `q`), get, trash, untrash, batchModify. Metadata only. */
export function createGmailMessageRoutes(ctx: SimContext): Hono<GoogleEnv> {
  const app = new Hono<GoogleEnv>();
  const historyId = (): string => String(1000 + ctx.changeSeq.value);

  app.get(BASE, (c) => {
    const access = gmailGuard(c, ctx, 'messages.list', accepts.gmailMessagesRead);
    if (access instanceof Response) return access;
    const q = c.req.query('q');
    // Google enforces the metadata scope's limits even when broader scopes are in the same token.
    if (q !== undefined && access.scopes.includes(scope.metadata)) return forbidden("Metadata scope does not support 'q' parameter");
    const maxResults = parseMaxResults(c.req.query('maxResults'), 100, 500);
    if (maxResults === null) return badRequest('Invalid maxResults');
    const offset = decodePageToken(c.req.query('pageToken'));
    if (offset === null) return badRequest('Invalid pageToken');
    const parsed = parseSearch(q ?? '', ctx.now());
    if ('unsupported' in parsed) return badRequest(`The simulator does not support the search term '${parsed.unsupported}'`);
    const includeSpamTrash = c.req.query('includeSpamTrash') === 'true' || parsed.searchesSpamTrash;
    const labelIds = c.req.queries('labelIds') ?? [];
    const result = search(access.user, (message) => {
      const view = searchable(message);
      if (!includeSpamTrash && message.labelIds.some((l) => l === 'SPAM' || l === 'TRASH')) return false;
      return labelIds.every((l) => message.labelIds.includes(l)) && parsed.matches(view);
    });
    const messages = result.page(offset, maxResults);
    const next = offset + maxResults < result.total ? encodePageToken(offset + maxResults) : undefined;
    return json({ ...(messages.length > 0 ? { messages } : {}), ...(next ? { nextPageToken: next } : {}), resultSizeEstimate: result.total });
  });

  app.post(`${BASE}/batchModify`, async (c) => {
    const access = gmailGuard(c, ctx, 'messages.batchModify', accepts.gmailMessagesModify);
    if (access instanceof Response) return access;
    const body = await readJson(c, batchModifySchema);
    if (!body.ok) return body.response;
    const { ids, addLabelIds, removeLabelIds } = body.data;
    for (const id of ids) {
      const message = findMessage(access.user, id);
      if (message) relabel(access.user, message, addLabelIds, removeLabelIds);
    }
    ctx.changeSeq.value += 1;
    return noContent();
  });

  app.get(`${BASE}/:id`, (c) => {
    const access = gmailGuard(c, ctx, 'messages.get', accepts.gmailMessagesRead);
    if (access instanceof Response) return access;
    const format = (c.req.query('format') ?? 'full').toLowerCase() as MessageFormat;
    if (!formats.includes(format)) return badRequest(`Invalid value at 'format' (${c.req.query('format') ?? ''})`);
    // A token holding only gmail.metadata passed the guard; any gmail.metadata in the token refuses bodies.
    if ((format === 'full' || format === 'raw') && access.scopes.includes(scope.metadata)) {
      return forbidden(`Metadata scope doesn't allow format ${format.toUpperCase()}`);
    }
    const message = findMessage(access.user, c.req.param('id'));
    if (!message) return gmailNotFound();
    return json(formatMessage(message, format, c.req.queries('metadataHeaders') ?? [], historyId()));
  });

  for (const [action, add, remove] of [
    ['trash', ['TRASH'], []],
    ['untrash', [], ['TRASH']],
  ] as const) {
    app.post(`${BASE}/:id/${action}`, (c) => {
      const access = gmailGuard(c, ctx, action === 'trash' ? 'messages.trash' : 'messages.untrash', accepts.gmailMessagesModify);
      if (access instanceof Response) return access;
      const message = findMessage(access.user, c.req.param('id'));
      if (!message) return gmailNotFound();
      relabel(access.user, message, add, remove);
      ctx.changeSeq.value += 1;
      return json({ id: message.id, threadId: message.threadId, labelIds: message.labelIds });
    });
  }

  return app;
}
