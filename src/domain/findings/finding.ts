import { z } from 'zod';
import { checkIds, providers, remediationModes, severities } from '../checks/ids.ts';

/**
 * Evidence is metadata only. The schema has no field for a message body or attachment content,
 * and values are short scalars, so nothing bulky or private can slip in by accident.
 */
const evidenceValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null(), z.array(z.union([z.string().max(320), z.number()])).max(50)]);
export const evidenceSchema = z.record(z.string(), evidenceValue);

export const findingSchema = z
  .object({
    checkId: z.enum(checkIds),
    severity: z.enum(severities),
    provider: z.enum(providers),
    subject: z.object({
      id: z.string().min(1),
      email: z.string().nullable(),
      /** What inside the subject the finding is about (a rule id, a filter id); part of the stable id. */
      item: z.string().optional(),
    }),
    /** Plain English a School Business Manager understands. */
    summary: z.string().min(1),
    evidence: evidenceSchema,
    /** The profile rule this enforces, as a path into the profile (e.g. "forwarding.external"). */
    policyRef: z.string().min(1),
    remediation: z.object({
      available: z.boolean(),
      action: z.string().nullable(),
      mode: z.enum(remediationModes),
    }),
  })
  .strict();
export type Finding = z.infer<typeof findingSchema>;

export const findingStatuses = ['open', 'remediated', 'accepted-risk', 'resolved'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** The key that makes a finding's id stable from run to run. */
export function findingKey(f: Pick<Finding, 'checkId' | 'subject'>): string {
  return [f.checkId, f.subject.id, f.subject.item ?? ''].join('|');
}
