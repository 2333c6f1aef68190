import { gmail as gmailApi, type gmail_v1 } from '@googleapis/gmail';
import { normaliseText } from '../../src/domain/audit/addresses.ts';
import type { RemediationOutcome, RemediationRequest } from '../../src/domain/ports/tenant-connector.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { apiFetch, NO_RETRY, rootUrl, viaClient } from './api-client.ts';
import type { GoogleContext } from './context.ts';
import { toMailRule } from './filters.ts';
import type { Answer } from './http.ts';
import { GMAIL_COST } from './quota.ts';
import { SCOPE } from './scopes.ts';
import { autoForwardingSchema, filterSchema, sendAsListSchema, type WireFilter } from './wire.ts';

type Options = { dryRun: boolean };
const userOf = (r: RemediationRequest): string => r.subject.email ?? r.subject.id;

/**
 * One Gmail call acting as `subject`, through @googleapis/gmail with an auth client holding that
 * user's token for `scope` (api-client.ts). Answers are still checked with zod below.
 */
function gmail(
  ctx: GoogleContext,
  subject: string,
  call: { scope: string; units: number; what: string },
  run: (users: gmail_v1.Resource$Users) => Promise<{ status: number; data: unknown }>,
): Promise<Result<Answer>> {
  return viaClient(ctx.core, { ...call, service: 'Gmail', subject }, (auth) =>
    run(gmailApi({ version: 'v1', auth, rootUrl: rootUrl(ctx.config.endpoints.gmail), fetchImplementation: apiFetch(ctx.core) }).users),
  );
}

/** disable-auto-forwarding: turn Gmail's automatic forwarding off (the address stays listed, unused). */
export async function disableAutoForwarding(ctx: GoogleContext, r: RemediationRequest, o: Options): Promise<Result<RemediationOutcome>> {
  const user = userOf(r);
  const read = await gmail(ctx, user, { scope: SCOPE.settingsBasic, units: GMAIL_COST['settings.getAutoForwarding'], what: `read ${user}'s automatic forwarding` }, (users) =>
    users.settings.getAutoForwarding({ userId: user }, NO_RETRY),
  );
  if (!read.ok) return read;
  const parsed = autoForwardingSchema.safeParse(read.value.body);
  if (!parsed.success) return err('upstream_failed', 'Gmail answered autoForwarding in an unexpected shape');
  const before = { enabled: parsed.data.enabled, emailAddress: parsed.data.emailAddress ?? null, disposition: parsed.data.disposition ?? null };
  if (!before.enabled) return ok({ changed: false, before, after: before, description: `${user} does not forward mail automatically.` });
  const target = before.emailAddress ?? 'another address';
  const off = { ...before, enabled: false };
  if (o.dryRun) return ok({ changed: true, before, after: off, description: `Would stop ${user} forwarding all mail to ${target} (dry run: nothing changed).` });
  const put = await gmail(ctx, user, { scope: SCOPE.settingsSharing, units: GMAIL_COST['settings.updateAutoForwarding'], what: `turn off ${user}'s automatic forwarding` }, (users) =>
    users.settings.updateAutoForwarding({ userId: user, requestBody: { enabled: false } }, NO_RETRY),
  );
  if (!put.ok) return put;
  const now = autoForwardingSchema.safeParse(put.value.body);
  const after = now.success ? { enabled: now.data.enabled, emailAddress: now.data.emailAddress ?? null, disposition: now.data.disposition ?? null } : off;
  return ok({ changed: true, before, after, description: `Stopped ${user} forwarding all mail to ${target}. Mail now stays in the school mailbox.` });
}

/**
 * delete-forwarding-filter / delete-deleting-filter: Gmail filters cannot be switched off, so the
 * filter is deleted. Its full definition is read first and returned as `before`, so the audit log
 * keeps everything needed to recreate it.
 */
function deleteFilter(kind: 'forwards' | 'deletes') {
  return async (ctx: GoogleContext, r: RemediationRequest, o: Options): Promise<Result<RemediationOutcome>> => {
    const user = userOf(r);
    const id = r.subject.item;
    if (!id) return err('invalid_input', `${r.action} needs subject.item (the Gmail filter id)`);
    const read = await gmail(ctx, user, { scope: SCOPE.settingsBasic, units: GMAIL_COST['settings.filters.get'], what: `read ${user}'s Gmail filter ${id}` }, (users) =>
      users.settings.filters.get({ userId: user, id }, NO_RETRY),
    );
    if (!read.ok && read.error.code === 'not_found') return ok({ changed: false, before: null, after: null, description: `The Gmail filter ${id} of ${user} no longer exists.` });
    if (!read.ok) return read;
    const parsed = filterSchema.safeParse(read.value.body);
    if (!parsed.success) return err('upstream_failed', 'Gmail answered filters.get in an unexpected shape');
    const filter: WireFilter = parsed.data;
    const rule = toMailRule(filter);
    const offends = kind === 'forwards' ? rule.forwards.length > 0 : rule.deletes !== null;
    if (!offends) return ok({ changed: false, before: filter, after: filter, description: `The Gmail filter ${id} of ${user} does not ${kind === 'forwards' ? 'forward' : 'delete'} mail; left alone.` });
    const what = kind === 'forwards' ? `forwards mail to ${rule.forwards[0]?.address ?? 'another address'}` : 'sends mail to the Bin';
    if (o.dryRun) return ok({ changed: true, before: filter, after: null, description: `Would delete ${user}'s Gmail filter (${rule.conditions}) that ${what} (dry run: nothing changed).` });
    const del = await gmail(ctx, user, { scope: SCOPE.settingsBasic, units: GMAIL_COST['settings.filters.delete'], what: `delete ${user}'s Gmail filter ${id}` }, (users) =>
      users.settings.filters.delete({ userId: user, id }, NO_RETRY),
    );
    if (!del.ok && del.error.code !== 'not_found') return del;
    return ok({ changed: true, before: filter, after: null, description: `Deleted ${user}'s Gmail filter (${rule.conditions}) that ${what}. Its full definition is kept in the audit log so it can be recreated.` });
  };
}
export const deleteForwardingFilter = deleteFilter('forwards');
export const deleteDeletingFilter = deleteFilter('deletes');

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

/** append-signature-disclaimer: add the profile's disclaimer to each send-as signature lacking it; never twice. */
export async function appendSignatureDisclaimer(ctx: GoogleContext, r: RemediationRequest, o: Options): Promise<Result<RemediationOutcome>> {
  const user = userOf(r);
  const text = typeof r.params.text === 'string' ? r.params.text.trim() : '';
  if (!text) return err('invalid_input', 'append-signature-disclaimer needs params.text (the disclaimer text from the policy profile)');
  const phrase = typeof r.params.phrase === 'string' && r.params.phrase.trim() ? normaliseText(r.params.phrase) : normaliseText(text);
  const read = await gmail(ctx, user, { scope: SCOPE.settingsBasic, units: GMAIL_COST['settings.sendAs.list'], what: `read ${user}'s send-as signatures` }, (users) =>
    users.settings.sendAs.list({ userId: user }, NO_RETRY),
  );
  if (!read.ok) return read;
  const parsed = sendAsListSchema.safeParse(read.value.body);
  if (!parsed.success) return err('upstream_failed', 'Gmail answered sendAs.list in an unexpected shape');
  const used = parsed.data.sendAs.filter((s) => s.isPrimary === true || s.isDefault === true);
  const before = used.map((s) => ({ address: s.sendAsEmail, signature: s.signature ?? '' }));
  const has = (sig: string) => normaliseText(sig).includes(phrase) || normaliseText(sig).includes(normaliseText(text));
  const lacking = before.filter((s) => !has(s.signature));
  if (lacking.length === 0) return ok({ changed: false, before, after: before, description: `Every signature ${user} sends with already has the disclaimer.` });
  const addition = escapeHtml(text);
  const after = before.map((s) => (has(s.signature) ? s : { ...s, signature: s.signature.trim() ? `${s.signature}<br><br>${addition}` : addition }));
  const names = lacking.map((s) => s.address).join(', ');
  if (o.dryRun) return ok({ changed: true, before, after, description: `Would add the school disclaimer to the signature of ${names} (dry run: nothing changed).` });
  for (const s of after) {
    if (!lacking.some((l) => l.address === s.address)) continue;
    const patch = await gmail(ctx, user, { scope: SCOPE.settingsBasic, units: GMAIL_COST['settings.sendAs.patch'], what: `update the signature of ${s.address}` }, (users) =>
      users.settings.sendAs.patch({ userId: user, sendAsEmail: s.address, requestBody: { signature: s.signature } }, NO_RETRY),
    );
    if (!patch.ok) return patch;
  }
  return ok({ changed: true, before, after, description: `Added the school disclaimer to the signature of ${names}.` });
}
