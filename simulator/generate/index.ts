import { realismSchema } from '../fixture/realism.ts';
import type { FixtureInput } from '../fixture/schema.ts';
import { expectedFindings } from './expected.ts';
import { renderGoogle } from './google.ts';
import { renderHrFeed } from './hr-feed.ts';
import { renderMicrosoft } from './microsoft.ts';
import type { GenerateOptions, GeneratedProvider } from './plan.ts';
import { buildPlan } from './plan.ts';
import type { Plan } from './plan-types.ts';
import { defaultNow, school } from './school.ts';

export { buildPlan, MAX_MAILBOXES, MIN_MAILBOXES } from './plan.ts';
export type { GenerateOptions, GeneratedProvider } from './plan.ts';
export type { Plan, PlannedAccount, TrickyCase, DisclaimerProblem } from './plan-types.ts';
export { expectedFindings, expectedKey, itemIdFor } from './expected.ts';
export type { ExpectedFinding } from './expected.ts';
export { shares, shareCount } from './plan-shares.ts';
export { hrFeedColumns } from './hr-feed.ts';
export { school as demoSchool, defaultNow } from './school.ts';
export { simClientSecret } from './microsoft.ts';
export { simServiceAccountEmail, googleDelegatedScopes } from './google.ts';

const allProviders: GeneratedProvider[] = ['microsoft365', 'google-workspace'];

function providersOf(options: GenerateOptions): GeneratedProvider[] {
  const wanted = options.providers ?? allProviders;
  // Fixed order, so the same set in another order gives the same bytes.
  return allProviders.filter((p) => wanted.includes(p));
}

/** A generated school as a fixture, with `expected` listing what a correct audit reports. */
export function generateFixture(options: GenerateOptions): FixtureInput {
  return renderFixture(buildPlan(options), options);
}

/** Same as generateFixture, from a plan already built (to share it with generateHrFeed or tricky cases). */
export function renderFixture(plan: Plan, options: GenerateOptions): FixtureInput {
  const providers = providersOf(options);
  if (providers.length === 0) throw new RangeError('providers must name at least one provider');
  return {
    fixtureVersion: 1,
    school: { name: school.name, domains: [school.domain, school.trustDomain] },
    now: new Date(plan.nowMs).toISOString(),
    realism: realismSchema.parse({ seed: options.seed, ...options.realism }),
    ...(providers.includes('microsoft365') ? { microsoft: renderMicrosoft(plan, options) } : {}),
    ...(providers.includes('google-workspace') ? { google: renderGoogle(plan, options) } : {}),
    expected: expectedFindings(plan, providers),
  };
}

/**
 * The school's HR export as CSV (columns in `hrFeedColumns`, dates dd/mm/yyyy, CRLF lines), for
 * `accounts.leaver-active`. Pass the same options as to generateFixture, or the plan itself.
 */
export function generateHrFeed(source: GenerateOptions | Plan): string {
  return renderHrFeed('accounts' in source ? source : buildPlan(source));
}

/** The tricky cases of a generated school (expected and deliberately not expected), README "Tricky cases". */
export function trickyCases(source: GenerateOptions | Plan): Plan['tricky'] {
  return ('accounts' in source ? source : buildPlan(source)).tricky;
}

export const generatorDefaults = { now: defaultNow, providers: allProviders } as const;
