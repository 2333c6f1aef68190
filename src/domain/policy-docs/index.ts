export { ABBREVIATION, isContentsTitle } from './clean-text.ts';
export { isFormBlank } from './form-fields.ts';
export { ingest } from './ingest.ts';
export { policyDocTypes } from './types.ts';
export type { IngestInput, Paragraph, PolicyDocType, PolicyDocument, PolicySection } from './types.ts';
