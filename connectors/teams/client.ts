import type { ConversationResource, CreateConversationParams } from '@microsoft/teams.api';
import { z } from 'zod';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { botToken, type BotCredentials } from './bot-token.ts';
import type { TeamsReference } from './reference.ts';

/** A message activity we send: text and/or Adaptive Card attachments. */
export interface OutboundMessage {
  text?: string;
  card?: object;
}

export interface TeamsClient {
  reply(to: { serviceUrl: string; conversationId: string; replyToId?: string }, message: OutboundMessage): Promise<Result<{ id: string }>>;
  update(to: { serviceUrl: string; conversationId: string; activityId: string }, message: OutboundMessage): Promise<Result<void>>;
  /** A 1:1 message from a stored reference; opens the personal conversation first when the reference is not one. */
  sendProactive(ref: TeamsReference, message: OutboundMessage): Promise<Result<{ id: string; conversationId: string }>>;
}

const resourceSchema = z.object({ id: z.string().optional() }).loose();

const url = (serviceUrl: string, path: string) => `${serviceUrl.replace(/\/+$/, '')}${path}`;

function activityBody(message: OutboundMessage) {
  return {
    type: 'message',
    ...(message.text ? { text: message.text } : {}),
    ...(message.card ? { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: message.card }] } : {}),
  };
}

export function createTeamsClient(creds: BotCredentials, doFetch: typeof fetch = (i, init) => fetch(i, init)): TeamsClient {
  async function call(method: 'POST' | 'PUT', target: string, body: unknown): Promise<Result<unknown>> {
    const token = await botToken(creds, doFetch);
    if (!token.ok) return token;
    const res = await doFetch(target, {
      method,
      headers: { authorization: `Bearer ${token.value}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status === 429) return err('throttled', 'The Bot Connector is throttling us', { retryAfter: res.headers.get('retry-after') });
    if (res.status === 401 || res.status === 403) return err('upstream_forbidden', `The Bot Connector refused the call (${res.status})`);
    if (!res.ok) return err('upstream_failed', `The Bot Connector answered ${res.status}`);
    const text = await res.text();
    return ok(text ? (JSON.parse(text) as unknown) : {});
  }

  const idOf = (value: unknown) => resourceSchema.parse(value).id ?? '';

  return {
    async reply(to, message) {
      const path = to.replyToId
        ? `/v3/conversations/${encodeURIComponent(to.conversationId)}/activities/${encodeURIComponent(to.replyToId)}`
        : `/v3/conversations/${encodeURIComponent(to.conversationId)}/activities`;
      const res = await call('POST', url(to.serviceUrl, path), activityBody(message));
      return res.ok ? ok({ id: idOf(res.value) }) : res;
    },
    async update(to, message) {
      const path = `/v3/conversations/${encodeURIComponent(to.conversationId)}/activities/${encodeURIComponent(to.activityId)}`;
      const res = await call('PUT', url(to.serviceUrl, path), { ...activityBody(message), id: to.activityId });
      return res.ok ? ok(undefined) : res;
    },
    async sendProactive(ref, message) {
      let conversationId = ref.conversationId;
      if (!ref.personal) {
        const params: CreateConversationParams = {
          members: [{ id: ref.userId, role: 'user' }],
          tenantId: ref.tenantId,
          channelData: { tenant: { id: ref.tenantId } },
        };
        const created = await call('POST', url(ref.serviceUrl, '/v3/conversations'), { ...params, isGroup: false, bot: { id: ref.botId } });
        if (!created.ok) return created;
        const resource = resourceSchema.parse(created.value) as Partial<ConversationResource>;
        if (!resource.id) return err('upstream_failed', 'The Bot Connector created no conversation');
        conversationId = resource.id;
      }
      const sent = await call('POST', url(ref.serviceUrl, `/v3/conversations/${encodeURIComponent(conversationId)}/activities`), activityBody(message));
      return sent.ok ? ok({ id: idOf(sent.value), conversationId }) : sent;
    },
  };
}
