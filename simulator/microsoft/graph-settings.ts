import { Hono } from 'hono';
import { z } from 'zod';
import type { SimContext } from '../core/context.ts';
import type { MsUser } from '../fixture/microsoft.ts';
import type { SimEnv } from '../sim-env.ts';
import { badRequest } from './errors.ts';
import { contextUrl } from './odata-query.ts';
import { denied } from './permissions.ts';

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() }).strict();
const patchSchema = z
  .object({
    automaticRepliesSetting: z
      .object({
        status: z.enum(['disabled', 'alwaysEnabled', 'scheduled']),
        externalAudience: z.enum(['none', 'contactsOnly', 'all']),
        internalReplyMessage: z.string(),
        externalReplyMessage: z.string(),
        scheduledStartDateTime: dateTimeTimeZone,
        scheduledEndDateTime: dateTimeTimeZone,
      })
      .partial()
      .strict(),
    timeZone: z.string(),
  })
  .partial()
  .strict();

function settings(user: MsUser, now: Date): Record<string, unknown> {
  const mailbox = user.mailbox;
  const reply = mailbox?.autoReply;
  const day = (offset: number): { dateTime: string; timeZone: string } => ({ dateTime: new Date(now.getTime() + offset).toISOString().slice(0, 19) + '.0000000', timeZone: 'UTC' });
  return {
    archiveFolder: `${user.id}-archive`,
    timeZone: mailbox?.timeZone ?? 'GMT Standard Time',
    automaticRepliesSetting: {
      status: reply?.status ?? 'disabled',
      externalAudience: reply?.externalAudience ?? 'all',
      internalReplyMessage: reply?.internalReplyMessage ?? '',
      externalReplyMessage: reply?.externalReplyMessage ?? '',
      scheduledStartDateTime: day(0),
      scheduledEndDateTime: day(86_400_000),
    },
    language: { locale: 'en-GB', displayName: 'English (United Kingdom)' },
    dateFormat: 'dd/MM/yyyy',
    timeFormat: 'HH:mm',
    userPurpose: mailbox?.type === 'SharedMailbox' ? 'shared' : mailbox?.type === 'RoomMailbox' ? 'room' : 'user',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: mailbox?.timeZone ?? 'GMT Standard Time' } },
  };
}

/** /users/{id}/mailboxSettings: MailboxSettings.Read / MailboxSettings.ReadWrite. */
export function createSettingsRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.get('/v1.0/users/:ref/mailboxSettings', (c) =>
    denied(ctx, c, 'MailboxSettings.Read', 'mailbox') ?? c.json({ '@odata.context': contextUrl(c.req.url, `users('${(c.get('msUser') as MsUser).id}')/mailboxSettings`), ...settings(c.get('msUser') as MsUser, ctx.now()) }),
  );
  app.patch('/v1.0/users/:ref/mailboxSettings', async (c) => {
    const refusal = denied(ctx, c, 'MailboxSettings.ReadWrite', 'mailbox');
    if (refusal) return refusal;
    const user = c.get('msUser') as MsUser;
    const parsed = patchSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return badRequest(c, `Invalid mailboxSettings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 'ErrorInvalidRequest');
    if (user.mailbox) {
      const reply = parsed.data.automaticRepliesSetting;
      if (reply) {
        const { scheduledStartDateTime: _s, scheduledEndDateTime: _e, ...rest } = reply;
        Object.assign(user.mailbox.autoReply, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      }
      if (parsed.data.timeZone) user.mailbox.timeZone = parsed.data.timeZone;
      ctx.changeSeq.value += 1;
    }
    return c.json({ '@odata.context': contextUrl(c.req.url, 'mailboxSettings'), ...settings(user, ctx.now()) });
  });
  return app;
}
