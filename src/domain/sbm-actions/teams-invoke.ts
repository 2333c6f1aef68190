import { invokeCardResponse, invokeErrorResponse } from '../../../connectors/teams/index.ts';
import { weeklyCard } from '../../../adaptive-cards/weekly-card.ts';
import type { VerifiedStaff } from '../acknowledgements/acknowledge.ts';
import { runSbmAction, type SbmActionDeps } from './handle.ts';

/**
 * The Teams side of a weekly-card button (Universal Actions): the updated card replaces the one
 * pressed, and keeps refreshing for the person who pressed it. `who` is the identity the bot route
 * verified from the Bot Framework token; `teamsUserId` is that activity's from.id.
 */
export async function teamsSbmAction(deps: SbmActionDeps, who: VerifiedStaff, teamsUserId: string, verb: string, data: unknown) {
  const res = await runSbmAction(deps, { who, channel: 'teams', verb, data });
  if (!res.ok) return invokeErrorResponse(res.error.code, res.error.message);
  return invokeCardResponse(weeklyCard({ ...res.value, refreshUserIds: [teamsUserId] }));
}
