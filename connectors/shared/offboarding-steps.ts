import { normaliseText } from '../../src/domain/audit/addresses.ts';
import type { StepInspection, StepOutcome } from '../../src/domain/ports/offboarding.ts';
import { ok, type Result } from '../../src/domain/result.ts';

/**
 * What every provider's offboarding steps decide alike: when a leaver's auto-reply counts as set,
 * what a profile without one means, and the words the audit log and the SBM read.
 */

/** Tutela read the state, so the engine may trust `compliant`. */
export const checked = (compliant: boolean, state: unknown): Result<StepInspection> => ok({ compliant, state, verifiable: true });

export const done = (state: unknown, description: string): Result<StepOutcome> => ok({ state, description });

/** A reply carries the profile's auto-reply when it contains its words (markup, case and spacing aside). */
export const carriesAutoReply = (message: string | null | undefined, autoReply: string): boolean => normaliseText(message ?? '').includes(normaliseText(autoReply));

/** A profile without an auto-reply leaves the step compliant as it is: nothing to write. */
export const noAutoReplyInspection = (): Result<StepInspection> => checked(true, { skipped: 'the profile sets no auto-reply' });
export const noAutoReplyOutcome = (): Result<StepOutcome> => done({ skipped: true }, 'The profile sets no auto-reply.');

export const autoReplySetText = (email: string): string => `Set the leaver's auto-reply on ${email}.`;

export const forwardingStoppedText = (email: string, stopped: string[]): string => `Stopped mail of ${email} going outside the school: ${stopped.join(', ') || 'nothing to change'}.`;
