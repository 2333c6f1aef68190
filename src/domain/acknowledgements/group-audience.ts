import type { Logger } from '../../app/logger.ts';
import { addAssignments, getCampaign, listCampaignAssignees, recordAudienceStatus, removeAssignments } from '../../storage/acknowledgements.ts';
import { listConnections } from '../../storage/connections.ts';
import type { ConnectionConfig } from '../connections/config.ts';
import type { GroupMember, TenantConnector } from '../ports/tenant-connector.ts';
import { ok, type AppErrorData, type Result } from '../result.ts';
import { onePerPerson } from './campaigns.ts';

export interface GroupAudienceDeps {
  db: D1Database;
  connectorFor: (connection: { id: string; config: ConnectionConfig }) => Result<TenantConnector>;
  now: () => Date;
  log: Logger;
}

export interface GroupAudienceOutcome {
  assigned: number;
  removed: number;
  problem: string | null;
}

/** Failures a later attempt may not see (throttling, an outage): the queue redelivers the message. */
export class RetryableAudienceError extends Error {}

const TRANSIENT = new Set<AppErrorData['code']>(['throttled', 'upstream_failed']);
const PROVIDER_NAME: Record<ConnectionConfig['provider'], string> = { microsoft365: 'Microsoft 365', 'google-workspace': 'Google Workspace' };

/**
 * Brings a group campaign's assignments in line with the group's members now: people who joined
 * are asked, people who left and have not acknowledged are no longer asked (their acknowledgements
 * stay as evidence). Each of the school's tenants is asked for the group, since a school on both
 * providers keeps it in one. Safe to run twice: assignments are keyed by person.
 *
 * A read that failed or found nobody removes no one, so a broken connection or an emptied group
 * cannot silently drop a whole staff room from a campaign; the SBM sees the problem instead.
 */
export async function assignGroupAudience(deps: GroupAudienceDeps, campaignId: string): Promise<Result<GroupAudienceOutcome>> {
  const none: GroupAudienceOutcome = { assigned: 0, removed: 0, problem: null };
  const campaign = await getCampaign(deps.db, campaignId);
  if (!campaign || campaign.status !== 'active' || typeof campaign.audience !== 'object') return ok(none);
  const group = campaign.audience.group;

  const members: GroupMember[] = [];
  const problems: string[] = [];
  let found = false;
  const connections = await listConnections(deps.db, campaign.schoolId);
  for (const connection of connections) {
    const connector = deps.connectorFor(connection);
    if (!connector.ok) {
      problems.push(`${PROVIDER_NAME[connection.provider]}: ${connector.error.message}`);
      continue;
    }
    const read = await connector.value.readGroupMembers(group);
    if (read.ok) {
      found = true;
      members.push(...read.value);
    } else if (read.error.code !== 'not_found') {
      if (TRANSIENT.has(read.error.code)) throw new RetryableAudienceError(`reading ${group} from ${connection.id}: ${read.error.message}`);
      problems.push(`${PROVIDER_NAME[connection.provider]}: ${read.error.message}`);
    }
  }
  if (!found && problems.length === 0) {
    const where = connections.map((c) => PROVIDER_NAME[c.provider]).join(' or ') || 'any connected tenant (the school has no connection yet)';
    problems.push(`There is no group ${group} in ${where}. Check the address in the profile's acknowledgement campaigns.`);
  }

  const people = onePerPerson(members.filter((m) => m.enabled)).map((m) => ({ userKey: m.id, email: m.email }));
  const now = deps.now();
  await addAssignments(deps.db, campaign.id, people, now);

  let removed = 0;
  if (problems.length === 0 && people.length === 0) problems.push(`The group ${group} has no enabled members, so nobody was added or taken off.`);
  if (problems.length === 0) {
    const current = new Set(people.map((p) => p.email));
    const gone = (await listCampaignAssignees(deps.db, campaign.id)).filter((a) => !a.acknowledged && !current.has(a.email));
    await removeAssignments(deps.db, campaign.id, gone.map((a) => a.userKey));
    removed = gone.length;
  }
  const problem = problems.length ? problems.join(' ') : null;
  await recordAudienceStatus(deps.db, campaign.id, { readAt: now.toISOString(), members: people.length, problem });
  if (problem) deps.log.warn('ack_group_audience_problem', { campaignId, problem });
  return ok({ assigned: people.length, removed, problem });
}
