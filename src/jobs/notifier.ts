import type { PersonNotifier } from '../domain/ports/notifier.ts';
import { err } from '../domain/result.ts';

/**
 * Used until a school connects the Teams or Slack bot: says plainly that nobody could be told,
 * so the remediation's audit-log entry stands and the caller logs the gap.
 */
export const noChannelNotifier: PersonNotifier = {
  notify: () => Promise.resolve(err('not_configured', 'No staff bot channel is connected for this school')),
};
