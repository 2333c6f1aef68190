import type { Plan, Role } from './plan-types.ts';
import { school } from './school.ts';

/** A mail group in the generated school; the same groups are rendered for both providers. */
export interface PlannedGroup {
  email: string;
  name: string;
  /** People (account emails) in the group directly. */
  people: string[];
  /** Groups (emails) nested in it, so a campaign addressed to it reaches their people too. */
  groups: string[];
}

const byRole = (plan: Plan, roles: readonly Role[]) => plan.accounts.filter((a) => a.kind === 'person' && roles.includes(a.role)).map((a) => a.email);

/**
 * leadership@ and classroom@ are ordinary groups; teaching-staff@ holds only those two, so reading
 * its members exercises nested-group flattening (Graph transitiveMembers, Google derived membership).
 */
export function planGroups(plan: Plan): PlannedGroup[] {
  const at = (local: string) => `${local}@${school.domain}`;
  return [
    { email: at('leadership'), name: 'Leadership team', people: byRole(plan, ['headteacher', 'deputy-head', 'bursar']), groups: [] },
    { email: at('classroom'), name: 'Classroom staff', people: byRole(plan, ['teacher', 'teaching-assistant']), groups: [] },
    { email: at('teaching-staff'), name: 'Teaching staff', people: [], groups: [at('leadership'), at('classroom')] },
  ];
}
