import { createSlackApi, slackReferenceSchema } from '../../connectors/slack/index.ts';
import { createTeamsClient, teamsReferenceSchema } from '../../connectors/teams/index.ts';
import { weeklyCard } from '../../adaptive-cards/weekly-card.ts';
import { weeklySlackBlocks } from '../../adaptive-cards/weekly-slack-blocks.ts';
import { createLogger, type Logger } from '../app/logger.ts';
import { engineLeaverDecider, parseEmailList, type SbmActionDeps } from '../domain/sbm-actions/index.ts';
import { weeklyCardData } from '../domain/weekly/assemble.ts';
import { isWeeklyCardTime } from '../domain/weekly/london-time.ts';
import { sbmRecipients } from '../domain/weekly/recipients.ts';
import type { Env } from '../env.ts';
import { listSchools } from '../storage/schools.ts';
import type { CronHandler } from './scheduled.ts';
import { workerDeps } from './worker-deps.ts';

const publicUrlOf = (env: Env) => env.PUBLIC_URL ?? 'http://localhost:8787';

/** What the SBM buttons need, in the Worker. */
export function sbmDeps(env: Env, log: Logger): SbmActionDeps {
  const audit = workerDeps(env, log);
  return { audit, leavers: engineLeaverDecider(audit), publicUrl: publicUrlOf(env), adminEmails: parseEmailList(env.SBM_ADMIN_EMAILS) };
}

export interface WeeklySendResult {
  schools: number;
  sent: number;
  failed: number;
  noRecipient: string[];
}

/**
 * Sends every school's Monday card to its SBMs and admins in the school's bot channel. One
 * recipient's failure is logged and the rest still get theirs.
 */
export async function sendWeeklyCards(env: Env, log: Logger, now: Date, doFetch: typeof fetch = (i, init) => fetch(i, init)): Promise<WeeklySendResult> {
  const result: WeeklySendResult = { schools: 0, sent: 0, failed: 0, noRecipient: [] };
  for (const school of await listSchools(env.DB)) {
    if (school.notifyChannel === 'none') continue;
    const data = await weeklyCardData(env.DB, { schoolId: school.id, now, publicUrl: publicUrlOf(env) });
    if (!data) continue;
    result.schools++;
    const recipients = await sbmRecipients(env.DB, school.id, school.notifyChannel, parseEmailList(env.SBM_ADMIN_EMAILS));
    if (recipients.length === 0) result.noRecipient.push(school.id);
    for (const r of recipients) {
      const sent = await deliver(env, school.notifyChannel, r.reference, data, doFetch);
      if (sent.ok) result.sent++;
      else {
        result.failed++;
        log.warn('weekly_card_failed', { schoolId: school.id, channel: school.notifyChannel, reason: sent.reason });
      }
    }
  }
  return result;
}

async function deliver(env: Env, channel: 'teams' | 'slack', reference: unknown, data: Parameters<typeof weeklyCard>[0], doFetch: typeof fetch): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (channel === 'teams') {
    const { TEAMS_BOT_APP_ID: appId, TEAMS_BOT_TENANT_ID: tenantId, SECRET_TEAMS_BOT_PASSWORD: password } = env;
    if (!appId || !tenantId || !password) return { ok: false, reason: 'teams_not_configured' };
    const ref = teamsReferenceSchema.safeParse(reference);
    if (!ref.success) return { ok: false, reason: 'conversation_reference_unreadable' };
    const sent = await createTeamsClient({ appId, tenantId, password }, doFetch).sendProactive(ref.data, { card: weeklyCard({ ...data, refreshUserIds: [ref.data.userId] }) });
    return sent.ok ? { ok: true } : { ok: false, reason: sent.error.code };
  }
  const token = env.SECRET_SLACK_BOT_TOKEN;
  if (!token) return { ok: false, reason: 'slack_not_configured' };
  const ref = slackReferenceSchema.safeParse(reference);
  if (!ref.success) return { ok: false, reason: 'conversation_reference_unreadable' };
  const sent = await createSlackApi(token, { fetch: doFetch }).postMessage({ channel: ref.data.userId, ...weeklySlackBlocks(data) });
  return sent.ok ? { ok: true } : { ok: false, reason: sent.error.code };
}

/** Cron 'weekly-card' (07:00 and 08:00 UTC on Mondays): only the run that is 08:00 in London sends. */
export const weeklyCardHook: CronHandler = async (env, _ctx, at) => {
  const log = createLogger({ job: 'weekly-card' });
  if (!isWeeklyCardTime(at)) {
    log.info('weekly_card_skipped', { at: at.toISOString(), reason: 'not 08:00 in London' });
    return;
  }
  log.info('weekly_card_done', { ...(await sendWeeklyCards(env, log, at)) });
};
