export { createBaseline, BASELINE_MIN_SCORE, type BaselineHit } from './baseline.ts';
export { createPolicyQa, defaultTuning, type PolicyQa, type PolicyQaOptions, type Tuning } from './policy-qa.ts';
export { sectionLabel, toPassages } from './passages.ts';
export { MAX_WORDING_CHARS, groundingProblem, type GroundingProblem } from './grounding.ts';
export { WORDING_MODEL, workersAiRephrase, type TextGenerator, type WordingFallback, type WorkersAiRephraseOptions } from './rephrase-workers-ai.ts';
export type { Citation, Passage, PolicyAnswer, Rephrase } from './types.ts';
