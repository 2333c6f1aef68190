import { addAssignments, assignmentsForPerson, listCampaigns } from '../../storage/acknowledgements.ts';

/**
 * Enrols a new member of staff in every active campaign that covers starters (and all-staff ones,
 * which a starter was not in the directory for). Their due date counts from today: see `dueAt`.
 * Called by the HR engine when a starter appears, once per connection their account is found in;
 * calling it again, under the same or another account of the same person, changes nothing.
 */
export async function enrolStarter(db: D1Database, schoolId: string, email: string, userKey: string, now: Date): Promise<{ campaignIds: string[] }> {
  const already = new Set((await assignmentsForPerson(db, schoolId, email)).map((a) => a.campaignId));
  const campaigns = (await listCampaigns(db, schoolId, 'active')).filter((c) => c.audience === 'starters' || c.audience === 'all-staff');
  for (const c of campaigns.filter((x) => !already.has(x.id))) await addAssignments(db, c.id, [{ userKey, email }], now);
  return { campaignIds: campaigns.map((c) => c.id) };
}
