export { isSbmVerb, runSbmAction, type SbmActionDeps } from './handle.ts';
export { parseEmailList, sbmRole, type SbmChannel, type SbmRole } from './authorise.ts';
export { engineLeaverDecider, type LeaverDecider, type LeaverDecision } from './leavers.ts';
export { remindSchool } from './remind.ts';
export { teamsSbmAction } from './teams-invoke.ts';
