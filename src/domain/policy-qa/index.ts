export { createBaseline, BASELINE_MIN_SCORE, type BaselineHit } from './baseline.ts';
export { createPolicyQa, defaultTuning, type PolicyQa, type PolicyQaOptions, type Tuning } from './policy-qa.ts';
export { sectionLabel, toPassages } from './passages.ts';
export type { Citation, Passage, PolicyAnswer, Rephrase } from './types.ts';
