import { ingest, type PolicyDocument } from '../../src/domain/policy-docs/index.ts';

/** A policy written inline in a test, ingested as Markdown the way an upload would be. */
export async function markdownPolicy(source: string): Promise<PolicyDocument> {
  const r = await ingest({ bytes: source, type: 'md' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
