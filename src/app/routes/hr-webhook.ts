import { Hono } from 'hono';
import { d1SeenEvents, parseHrWebhook, signatureHeader } from '../../../connectors/hr-feed/index.ts';
import type { Env } from '../../env.ts';
import { runHrImport } from '../../jobs/offboarding/import.ts';
import { workerDeps } from '../../jobs/worker-deps.ts';
import { forgetWebhookEvent } from '../../storage/hr-imports.ts';
import { sha256Hex } from '../../domain/content-hash.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import { getSchool } from '../../storage/schools.ts';
import type { AppEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { logger } from '../logger.ts';

const MAX_BODY = 64 * 1024;

/**
 * The Worker secrets holding a school's webhook signing secret: `SECRET_HR_WEBHOOK_<ID>` with the
 * school id upper-cased and anything but letters and digits turned into `_` (oakfield-primary →
 * SECRET_HR_WEBHOOK_OAKFIELD_PRIMARY), plus `…_PREVIOUS` while a rotation is under way.
 */
export function webhookSecretNames(schoolId: string): [string, string] {
  const name = `SECRET_HR_WEBHOOK_${schoolId.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
  return [name, `${name}_PREVIOUS`];
}

export function webhookSecrets(env: Env, schoolId: string): string[] {
  return webhookSecretNames(schoolId).flatMap((name) => {
    const value = env[name as `SECRET_${string}`];
    return value ? [value] : [];
  });
}

/**
 * POST /hooks/hr/:schoolId — an HR system's signed event (docs/offboarding.md). Public: the HMAC
 * signature is the authentication. Remember-then-process: the event id is recorded before the
 * import runs; if the import fails the id is forgotten again so the sender's retry is not refused.
 */
export const hrWebhookRoutes = new Hono<AppEnv>().post('/:schoolId', async (c) => {
  const schoolId = c.req.param('schoolId');
  const length = Number(c.req.header('content-length') ?? '0');
  if (length > MAX_BODY) throw new AppError({ code: 'invalid_input', message: `The event is larger than ${MAX_BODY} bytes` });
  const rawBody = await c.req.text();
  if (rawBody.length > MAX_BODY) throw new AppError({ code: 'invalid_input', message: `The event is larger than ${MAX_BODY} bytes` });
  const school = await getSchool(c.env.DB, schoolId);
  if (!school) throw new AppError({ code: 'unauthorized', message: 'Unknown school or bad signature' });
  const profile = await getActiveProfile(c.env.DB, school.id);
  const now = new Date();
  const event = await parseHrWebhook({
    schoolId: school.id,
    rawBody,
    signature: c.req.header(signatureHeader),
    secrets: webhookSecrets(c.env, school.id),
    seen: d1SeenEvents(c.env.DB),
    now,
    ...(profile ? { disableAt: profile.profile.leavers.disableAt } : {}),
  });
  if (!event.ok) {
    // A replay of an event we hold: 200, so the sender stops retrying; nothing is done twice.
    if (event.error.code === 'conflict') return c.json({ ok: true, duplicate: true, message: event.error.message });
    throw new AppError(event.error);
  }
  const log = logger(c);
  const forget = () => forgetWebhookEvent(c.env.DB, school.id, event.value.eventId);
  try {
    const report = await runHrImport(workerDeps(c.env, log), { schoolId: school.id, source: 'webhook', records: [event.value.record], contentHash: await sha256Hex(rawBody), dryRun: false });
    if (!report.ok) {
      await forget();
      throw new AppError(report.error);
    }
    const { importId, status, held, reason, actions, enqueued } = report.value;
    log.info('hr_webhook_event', { schoolId: school.id, eventId: event.value.eventId, type: event.value.type, status, enqueued });
    return c.json({ ok: true, eventId: event.value.eventId, importId, status, held, reason, actions, enqueued }, 202);
  } catch (error) {
    if (!(error instanceof AppError)) await forget().catch(() => undefined);
    throw error;
  }
});
