import { assignGroupAudience, RetryableAudienceError } from '../domain/acknowledgements/index.ts';
import type { RequestGroupRead } from '../domain/acknowledgements/index.ts';
import { getCampaign, listActiveGroupCampaigns, recordAudienceStatus } from '../storage/acknowledgements.ts';
import type { AuditDeps } from './audit/deps.ts';
import { LAST_DELIVERY, type JobQueue } from './job-queue.ts';

/** Group campaigns' members are read by the queue consumer, one message per campaign. */
export const queueGroupReads =
  (queue: JobQueue): RequestGroupRead =>
  (campaignIds) =>
    queue.send(campaignIds.map((campaignId) => ({ kind: 'ack.group-audience' as const, campaignId })));

/**
 * The `ack.group-audience` message. A transient provider failure throws, so the queue retries it;
 * on the last attempt it is recorded for the SBM instead, and the nightly refresh tries again.
 */
export async function runGroupAudience(deps: AuditDeps, campaignId: string, attempts: number): Promise<void> {
  try {
    const outcome = await assignGroupAudience(deps, campaignId);
    if (outcome.ok) deps.log.info('ack_group_audience_read', { campaignId, ...outcome.value });
  } catch (error) {
    if (!(error instanceof RetryableAudienceError) || attempts < LAST_DELIVERY) throw error;
    const previous = (await getCampaign(deps.db, campaignId))?.audienceStatus;
    const problem = `The group's members could not be read (${error.message}); Tutela tries again tonight.`;
    await recordAudienceStatus(deps.db, campaignId, { readAt: deps.now().toISOString(), members: previous?.members ?? 0, problem });
    deps.log.error('ack_group_audience_failed', { campaignId, attempts, error: error.message });
  }
}

/**
 * Nightly: people join and leave groups between policy versions, so every active group campaign
 * has its members read again (new members are asked; leavers who had not acknowledged are not).
 */
export async function refreshGroupAudiences(deps: AuditDeps): Promise<void> {
  const campaigns = await listActiveGroupCampaigns(deps.db);
  await queueGroupReads(deps.queue)(campaigns.map((c) => c.id));
}
