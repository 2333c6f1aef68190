import type { Result } from '../result.ts';

/** A plain-English message to one member of staff (the bot delivers it in Teams or Slack). */
export interface PersonMessage {
  schoolId: string;
  email: string;
  title: string;
  text: string;
  /** The profile rule that applied, so the person can ask the bot about it. */
  policyRef: string;
}

export interface PersonNotifier {
  notify(message: PersonMessage): Promise<Result<{ delivered: boolean; channel: string }>>;
}
