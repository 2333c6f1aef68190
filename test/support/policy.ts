import { ingest, type IngestInput, type Paragraph, type PolicyDocument } from '../../src/domain/policy-docs/index.ts';

/** A policy ingested the way an upload would be; a test that expects it to be read fails if it is not. */
export async function ingestedPolicy(input: IngestInput): Promise<PolicyDocument> {
  const r = await ingest(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Every paragraph of a policy ingested as an upload would be, in document order. */
export const paragraphsOf = async (input: IngestInput): Promise<Paragraph[]> => (await ingestedPolicy(input)).sections.flatMap((s) => s.paragraphs);

/** A policy written inline in a test, ingested as Markdown the way an upload would be. */
export const markdownPolicy = (source: string): Promise<PolicyDocument> => ingestedPolicy({ bytes: source, type: 'md' });

/**
 * A policy of numbered sections written inline: each section is its heading ("2. Accounts") followed by
 * its clauses, one paragraph each.
 */
export function clausePolicy(title: string, ...sections: [heading: string, ...clauses: string[]][]): Promise<PolicyDocument> {
  const lines = [`# ${title}`, ...sections.flatMap(([heading, ...clauses]) => ['', `## ${heading}`, ...clauses.flatMap((c) => ['', c])])];
  return markdownPolicy(lines.join('\n'));
}

/** A school profile for acknowledgement tests: `campaigns` are YAML flow mappings, e.g. `{ document: aup, audience: all-staff }`. */
export function ackProfile(name: string, domain: string, campaigns: string[], starterDays?: number): string {
  return [
    'school:',
    `  name: ${name}`,
    `  contacts: { sbm: { name: Office Manager, email: sbm@${domain} } }`,
    `domains: { internal: [${domain}] }`,
    'acknowledgements:',
    ...(starterDays === undefined ? [] : [`  starterDays: ${starterDays}`]),
    '  campaigns:',
    ...campaigns.map((c) => `    - ${c}`),
    '',
  ].join('\n');
}

/** A one-clause policy, enough to start a campaign. */
export const ONE_CLAUSE_POLICY = '# Acceptable Use Policy\n\n## 1. Email\n\n1.1 Staff must not forward school email to personal accounts.\n';
