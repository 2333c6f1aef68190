import { Hono } from 'hono';
import { z } from 'zod';
import type { SimContext } from '../core/context.ts';
import { gmailFilterSchema } from '../fixture/google.ts';
import type { GoogleUser } from '../fixture/google.ts';
import { readJson } from './body.ts';
import type { GoogleEnv } from './env.ts';
import { badRequest, failedPrecondition, gmailNotFound, insufficientScopes, json, noContent } from './errors.ts';
import { gmailGuard } from './guard.ts';
import { accepts, grants } from './scopes.ts';

const SETTINGS = '/gmail/v1/users/:userId/settings';

const autoForwardingSchema = z.object({
  enabled: z.boolean().default(false),
  emailAddress: z.string().optional(),
  disposition: z.enum(['leaveInInbox', 'archive', 'trash', 'markRead', 'dispositionUnspecified']).optional(),
});

const newFilterSchema = gmailFilterSchema.omit({ id: true }).extend({ id: z.string().optional() });

function verified(user: GoogleUser, address: string): boolean {
  return user.gmail.forwardingAddresses.some((f) => f.forwardingEmail.toLowerCase() === address.toLowerCase() && f.verificationStatus === 'accepted');
}

/** Gmail settings that can send mail elsewhere: autoForwarding, forwardingAddresses, filters. */
export function createGmailForwardingRoutes(ctx: SimContext): Hono<GoogleEnv> {
  const app = new Hono<GoogleEnv>();
  const changed = (): void => {
    ctx.changeSeq.value += 1;
  };

  app.get(`${SETTINGS}/autoForwarding`, (c) => {
    const access = gmailGuard(c, ctx, 'settings.getAutoForwarding', accepts.gmailSettingsRead);
    return access instanceof Response ? access : json(access.user.gmail.autoForwarding);
  });

  app.put(`${SETTINGS}/autoForwarding`, async (c) => {
    const access = gmailGuard(c, ctx, 'settings.updateAutoForwarding', accepts.gmailSettingsSharingWrite);
    if (access instanceof Response) return access;
    const body = await readJson(c, autoForwardingSchema);
    if (!body.ok) return body.response;
    const { enabled, emailAddress, disposition } = body.data;
    if (enabled && (!emailAddress || !verified(access.user, emailAddress))) return failedPrecondition('Unverified forwarding address');
    access.user.gmail.autoForwarding = enabled
      ? { enabled, emailAddress, disposition: disposition && disposition !== 'dispositionUnspecified' ? disposition : 'leaveInInbox' }
      : { enabled, ...(emailAddress ? { emailAddress } : {}), ...(disposition ? { disposition } : {}) };
    changed();
    return json(access.user.gmail.autoForwarding);
  });

  app.get(`${SETTINGS}/forwardingAddresses`, (c) => {
    const access = gmailGuard(c, ctx, 'settings.forwardingAddresses.list', accepts.gmailSettingsRead);
    if (access instanceof Response) return access;
    const list = access.user.gmail.forwardingAddresses;
    return json(list.length > 0 ? { forwardingAddresses: list } : {});
  });

  app.get(`${SETTINGS}/forwardingAddresses/:email`, (c) => {
    const access = gmailGuard(c, ctx, 'settings.forwardingAddresses.get', accepts.gmailSettingsRead);
    if (access instanceof Response) return access;
    const found = access.user.gmail.forwardingAddresses.find((f) => f.forwardingEmail.toLowerCase() === c.req.param('email').toLowerCase());
    return found ? json(found) : gmailNotFound();
  });

  app.delete(`${SETTINGS}/forwardingAddresses/:email`, (c) => {
    const access = gmailGuard(c, ctx, 'settings.forwardingAddresses.delete', accepts.gmailSettingsSharingWrite);
    if (access instanceof Response) return access;
    const gmail = access.user.gmail;
    const email = c.req.param('email').toLowerCase();
    const index = gmail.forwardingAddresses.findIndex((f) => f.forwardingEmail.toLowerCase() === email);
    if (index < 0) return gmailNotFound();
    gmail.forwardingAddresses.splice(index, 1);
    // Gmail cannot keep forwarding to an address that no longer exists: forwarding stops.
    if (gmail.autoForwarding.emailAddress?.toLowerCase() === email) gmail.autoForwarding = { enabled: false };
    changed();
    return noContent();
  });

  app.get(`${SETTINGS}/filters`, (c) => {
    const access = gmailGuard(c, ctx, 'settings.filters.list', accepts.gmailSettingsRead);
    if (access instanceof Response) return access;
    // The list field is `filter` (singular), and is absent when there are none.
    const filters = access.user.gmail.filters;
    return json(filters.length > 0 ? { filter: filters } : {});
  });

  app.get(`${SETTINGS}/filters/:id`, (c) => {
    const access = gmailGuard(c, ctx, 'settings.filters.get', accepts.gmailSettingsRead);
    if (access instanceof Response) return access;
    const found = access.user.gmail.filters.find((f) => f.id === c.req.param('id'));
    return found ? json(found) : gmailNotFound();
  });

  app.post(`${SETTINGS}/filters`, async (c) => {
    const access = gmailGuard(c, ctx, 'settings.filters.create', accepts.gmailSettingsBasicWrite);
    if (access instanceof Response) return access;
    const body = await readJson(c, newFilterSchema);
    if (!body.ok) return body.response;
    const { criteria, action } = body.data;
    if (Object.values(criteria).every((v) => v === undefined)) return badRequest("Filter doesn't have any criteria");
    if (Object.values(action).every((v) => v === undefined)) return badRequest("Filter doesn't have any actions");
    if (action.forward !== undefined) {
      // Forwarding is a "sharing" setting: it needs the sharing scope on top of settings.basic.
      if (!grants(access.scopes, accepts.gmailSettingsSharingWrite)) return insufficientScopes();
      if (!verified(access.user, action.forward)) return failedPrecondition('Unverified forwarding address');
    }
    changed();
    let id = `ANe1Bmsim${ctx.changeSeq.value.toString(36)}`;
    while (access.user.gmail.filters.some((f) => f.id === id)) id += 'x';
    const filter = { id, criteria, action };
    access.user.gmail.filters.push(filter);
    return json(filter);
  });

  app.delete(`${SETTINGS}/filters/:id`, (c) => {
    const access = gmailGuard(c, ctx, 'settings.filters.delete', accepts.gmailSettingsBasicWrite);
    if (access instanceof Response) return access;
    const filters = access.user.gmail.filters;
    const index = filters.findIndex((f) => f.id === c.req.param('id'));
    if (index < 0) return gmailNotFound();
    filters.splice(index, 1);
    changed();
    return noContent();
  });

  return app;
}
