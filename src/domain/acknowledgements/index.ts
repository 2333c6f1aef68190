export { acknowledge, ackActionDataSchema, type AckActionData, type VerifiedStaff } from './acknowledge.ts';
export { renewalCutoff, syncCampaigns, type RequestGroupRead, type SyncResult } from './campaigns.ts';
export { assignGroupAudience, RetryableAudienceError, type GroupAudienceDeps, type GroupAudienceOutcome } from './group-audience.ts';
export { dueAt } from './due.ts';
export { ukDate, ukDateTime } from '../london-time.ts';
export { evidenceCsv, EVIDENCE_COLUMNS } from './evidence-csv.ts';
export { remindOutstanding, REMIND_EVERY_DAYS, type ReminderDeps } from './reminders.ts';
export { enrolStarter } from './starters.ts';
