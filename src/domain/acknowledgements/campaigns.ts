import type { PolicyProfile } from '../profile/schema.ts';
import { addAssignments, closeCampaign, createCampaign, listCampaigns, listSchoolStaff, type Audience, type Campaign } from '../../storage/acknowledgements.ts';
import { getCurrentPolicyVersion } from '../../storage/policy-documents.ts';
import { addDays } from './due.ts';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** An annual campaign started at or before this instant is due for renewal. */
export const renewalCutoff = (now: Date): Date => new Date(now.getTime() - YEAR_MS);
const sameAudience = (a: Audience, b: Audience) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A school with a Microsoft and a Google connection has most people in both directories, under two
 * user keys; a person is asked once. Acknowledging under either key meets the assignment (storage
 * matches by key or email), so the first account listed stands for the person.
 */
export function onePerPerson<T extends { email: string }>(people: readonly T[]): T[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.email.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface SyncResult {
  created: Campaign[];
  closed: string[];
  /** Campaign documents the school has not uploaded yet. */
  missingDocuments: string[];
}

/**
 * Asks for a group campaign's members to be read from the tenants (a queue job in the Worker:
 * group-audience.ts), since that takes provider calls the caller should not wait for.
 */
export type RequestGroupRead = (campaignIds: string[]) => Promise<void>;

/**
 * Brings a school's campaigns in line with its profile and current policy versions. A document
 * with a new version gets a new campaign (everyone is asked again) and the old one closes; an
 * annual campaign is renewed a year after it started; a campaign the profile no longer lists
 * closes (its acknowledgements stay as evidence). Runs on every policy upload and profile change,
 * and hourly for schools with a renewal due (jobs/campaign-sync.ts), so renewals do not wait for an upload.
 */
export async function syncCampaigns(db: D1Database, schoolId: string, profile: PolicyProfile, now: Date, requestGroupRead: RequestGroupRead): Promise<SyncResult> {
  const result: SyncResult = { created: [], closed: [], missingDocuments: [] };
  const active = await listCampaigns(db, schoolId, 'active');
  const listed = new Set<Campaign>();
  for (const wanted of profile.acknowledgements.campaigns) {
    const version = await getCurrentPolicyVersion(db, schoolId, wanted.document);
    if (!version) {
      result.missingDocuments.push(wanted.document);
      continue;
    }
    const mine = active.filter((c) => c.documentId === version.documentId && sameAudience(c.audience, wanted.audience));
    for (const c of mine) listed.add(c);
    const cutoff = renewalCutoff(now).getTime();
    const current = mine.find((c) => c.versionId === version.versionId && !(c.annual && Date.parse(c.createdAt) <= cutoff));
    for (const stale of mine.filter((c) => c !== current)) {
      await closeCampaign(db, stale.id);
      result.closed.push(stale.id);
    }
    if (current) continue;
    const campaign = await createCampaign(
      db,
      { schoolId, documentId: version.documentId, versionId: version.versionId, audience: wanted.audience, dueAt: addDays(now, wanted.dueDays).toISOString(), annual: wanted.annual },
      now,
    );
    // Starters join one by one through enrolStarter; a group's members are read from the tenant.
    if (wanted.audience === 'all-staff') await addAssignments(db, campaign.id, onePerPerson(await listSchoolStaff(db, schoolId)), now);
    result.created.push(campaign);
  }
  for (const dropped of active.filter((c) => !listed.has(c))) {
    await closeCampaign(db, dropped.id);
    result.closed.push(dropped.id);
  }
  const groupCampaigns = result.created.filter((c) => typeof c.audience === 'object').map((c) => c.id);
  if (groupCampaigns.length) await requestGroupRead(groupCampaigns);
  return result;
}
