import { createLogger } from '../app/logger.ts';
import { renewalCutoff, syncCampaigns } from '../domain/acknowledgements/index.ts';
import { listSchoolsWithRenewalDue } from '../storage/acknowledgements.ts';
import { getActiveProfile } from '../storage/profiles.ts';
import { queueGroupReads } from './group-audiences.ts';
import type { CronHandler } from './scheduled.ts';
import { workerDeps } from './worker-deps.ts';

/**
 * Hourly: an annual campaign renews within the hour of its anniversary rather than at the next policy
 * upload. Uploads and profile changes sync campaigns themselves, so only the passing of time is left,
 * and only schools with a renewal due are read (usually none). A school whose sync fails is logged
 * and the others still run.
 */
export const campaignSyncHook: CronHandler = async (env, _ctx, at) => {
  const log = createLogger({ job: 'campaign-sync' });
  const requestGroupRead = queueGroupReads(workerDeps(env, log).queue);
  for (const schoolId of await listSchoolsWithRenewalDue(env.DB, renewalCutoff(at))) {
    const profile = await getActiveProfile(env.DB, schoolId);
    if (!profile) continue;
    try {
      const result = await syncCampaigns(env.DB, schoolId, profile.profile, at, requestGroupRead);
      log.info('campaigns_renewed', { schoolId, created: result.created.length, closed: result.closed.length });
    } catch (error) {
      log.error('campaign_sync_failed', { schoolId, error: String(error) });
    }
  }
};
