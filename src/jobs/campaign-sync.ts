import { createLogger } from '../app/logger.ts';
import { syncCampaigns } from '../domain/acknowledgements/index.ts';
import { getActiveProfile } from '../storage/profiles.ts';
import { listSchools } from '../storage/schools.ts';
import { queueGroupReads } from './group-audiences.ts';
import { cloudflareQueue } from './job-queue.ts';
import type { CronHandler } from './scheduled.ts';

/**
 * Hourly: every school's campaigns against its profile, so an annual campaign renews within the
 * hour of its anniversary rather than at the next policy upload. A school whose sync fails is
 * logged and the others still run.
 */
export const campaignSyncHook: CronHandler = async (env, _ctx, at) => {
  const log = createLogger({ job: 'campaign-sync' });
  const requestGroupRead = queueGroupReads(cloudflareQueue(env.JOBS));
  for (const school of await listSchools(env.DB)) {
    const profile = await getActiveProfile(env.DB, school.id);
    if (!profile) continue;
    try {
      const result = await syncCampaigns(env.DB, school.id, profile.profile, at, requestGroupRead);
      if (result.created.length || result.closed.length) log.info('campaigns_synced', { schoolId: school.id, created: result.created.length, closed: result.closed.length });
    } catch (error) {
      log.error('campaign_sync_failed', { schoolId: school.id, error: String(error) });
    }
  }
};
