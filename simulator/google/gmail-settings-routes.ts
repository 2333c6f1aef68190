import { Hono } from 'hono';
import { z } from 'zod';
import type { SimContext } from '../core/context.ts';
import type { GoogleUser } from '../fixture/google.ts';
import { readJson } from './body.ts';
import type { GoogleEnv } from './env.ts';
import { gmailNotFound, json } from './errors.ts';
import { gmailGuard } from './guard.ts';
import type { GoogleContext } from './guard.ts';
import { accepts } from './scopes.ts';

const SETTINGS = '/gmail/v1/users/:userId/settings';
type SendAs = GoogleUser['gmail']['sendAs'][number];

const sendAsSchema = z.object({ displayName: z.string().optional(), signature: z.string().optional(), isDefault: z.boolean().optional() });

const vacationSchema = z.object({
  enableAutoReply: z.boolean().default(false),
  responseSubject: z.string().default(''),
  responseBodyPlainText: z.string().default(''),
  restrictToDomain: z.boolean().default(false),
  startTime: z.string().regex(/^\d+$/).optional(),
  endTime: z.string().regex(/^\d+$/).optional(),
});

/** Every account has a primary send-as address even when the fixture lists none. */
function sendAsList(user: GoogleUser): SendAs[] {
  if (user.gmail.sendAs.length > 0) return user.gmail.sendAs;
  return [{ sendAsEmail: user.primaryEmail, displayName: user.name.fullName, isPrimary: true, isDefault: true, signature: '' }];
}

function sendAsResource(s: SendAs): Record<string, unknown> {
  return { ...s, replyToAddress: '', ...(s.isPrimary ? {} : { treatAsAlias: true, verificationStatus: 'accepted' }) };
}

/** Gmail settings the disclaimer and leaver flows touch: sendAs (signatures) and vacation. */
export function createGmailSettingsRoutes(ctx: SimContext): Hono<GoogleEnv> {
  const app = new Hono<GoogleEnv>();

  app.get(`${SETTINGS}/sendAs`, (c) => {
    const access = gmailGuard(c, ctx, 'settings.sendAs.list', accepts.gmailSettingsRead);
    return access instanceof Response ? access : json({ sendAs: sendAsList(access.user).map(sendAsResource) });
  });

  app.get(`${SETTINGS}/sendAs/:email`, (c) => {
    const access = gmailGuard(c, ctx, 'settings.sendAs.get', accepts.gmailSettingsRead);
    if (access instanceof Response) return access;
    const found = sendAsList(access.user).find((s) => s.sendAsEmail.toLowerCase() === c.req.param('email').toLowerCase());
    return found ? json(sendAsResource(found)) : gmailNotFound();
  });

  /** PATCH changes the fields sent; PUT (update) replaces them, so omitted ones reset. */
  const write = (replace: boolean) => async (c: GoogleContext): Promise<Response> => {
    const access = gmailGuard(c, ctx, replace ? 'settings.sendAs.update' : 'settings.sendAs.patch', accepts.gmailSendAsWrite);
    if (access instanceof Response) return access;
    const body = await readJson(c, sendAsSchema);
    if (!body.ok) return body.response;
    const list = sendAsList(access.user);
    const found = list.find((s) => s.sendAsEmail.toLowerCase() === (c.req.param('email') ?? '').toLowerCase());
    if (!found) return gmailNotFound();
    const { displayName, signature, isDefault } = body.data;
    found.displayName = displayName ?? (replace ? '' : found.displayName);
    found.signature = signature ?? (replace ? '' : found.signature);
    if (isDefault) for (const s of list) s.isDefault = s === found;
    access.user.gmail.sendAs = list;
    ctx.changeSeq.value += 1;
    return json(sendAsResource(found));
  };
  app.patch(`${SETTINGS}/sendAs/:email`, write(false));
  app.put(`${SETTINGS}/sendAs/:email`, write(true));

  app.get(`${SETTINGS}/vacation`, (c) => {
    const access = gmailGuard(c, ctx, 'settings.getVacation', accepts.gmailSettingsRead);
    return access instanceof Response ? access : json({ ...access.user.gmail.vacation, restrictToContacts: false });
  });

  app.put(`${SETTINGS}/vacation`, async (c) => {
    const access = gmailGuard(c, ctx, 'settings.updateVacation', accepts.gmailSettingsBasicWrite);
    if (access instanceof Response) return access;
    const body = await readJson(c, vacationSchema);
    if (!body.ok) return body.response;
    access.user.gmail.vacation = body.data;
    ctx.changeSeq.value += 1;
    return json({ ...body.data, restrictToContacts: false });
  });

  return app;
}
