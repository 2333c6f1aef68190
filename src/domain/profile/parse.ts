import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { AppErrorData, Result } from '../result.ts';
import { sha256Hex } from '../content-hash.ts';
import { canonicalJson } from './canonical-json.ts';
import { policyProfileSchema, type PolicyProfile } from './schema.ts';

/** One thing wrong with a profile: `path` is where ("attachments.maxBytes", "remediation.foo"). */
export interface ProfileProblem {
  path: string;
  message: string;
}

export interface ParsedProfile {
  profile: PolicyProfile;
  /** SHA-256 of the canonical JSON of the parsed profile: reformatting a file is not a new version. */
  contentHash: string;
}

export interface ProfileError extends AppErrorData {
  code: 'invalid_input';
  problems: ProfileProblem[];
}

export type ProfileFormat = 'yaml' | 'json';

/** Parse a profile file. Without a format, text starting with "{" is JSON and anything else YAML. */
export async function parseProfile(text: string, format?: ProfileFormat): Promise<Result<ParsedProfile, ProfileError>> {
  const decoded = decode(text, format ?? (text.trimStart().startsWith('{') ? 'json' : 'yaml'));
  return 'problems' in decoded ? failure(decoded.problems) : parseProfileData(decoded.data);
}

/** Validate an already-decoded value (an HTTP body, a D1 JSON column). */
export async function parseProfileData(data: unknown): Promise<Result<ParsedProfile, ProfileError>> {
  if (data === null || data === undefined) return failure([{ path: '(root)', message: 'the profile is empty' }]);
  if (typeof data !== 'object' || Array.isArray(data)) {
    return failure([{ path: '(root)', message: 'the profile must be a mapping of sections (school, domains, …), not a list or a single value' }]);
  }
  const parsed = policyProfileSchema.safeParse(data);
  if (!parsed.success) return failure(parsed.error.issues.flatMap((issue) => toProblems(issue, data)));
  return { ok: true, value: { profile: parsed.data, contentHash: await sha256Hex(canonicalJson(parsed.data)) } };
}

function decode(text: string, format: ProfileFormat): { data: unknown } | { problems: ProfileProblem[] } {
  if (format === 'json') {
    try {
      return { data: JSON.parse(text) as unknown };
    } catch (e) {
      return { problems: [{ path: '(json)', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
    }
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const at = e.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}: ` : '';
        // prettyErrors appends " at line N, column M:" and a source excerpt; we keep the first clause.
        return { path: '(yaml)', message: `${where}${e.message.split(/ at line \d+|\n/)[0] ?? e.message}` };
      }),
    };
  }
  return { data: doc.toJS({ maxAliasCount: 50 }) as unknown };
}

function toProblems(issue: z.core.$ZodIssue, input: unknown): ProfileProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field; check the spelling against docs/profile.md' }));
  }
  const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
  return [{ path: formatPath(issue.path), message: missing ? 'is required' : issue.message }];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function failure(problems: ProfileProblem[]): { ok: false; error: ProfileError } {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return { ok: false, error: { code: 'invalid_input', message: `The policy profile has ${count}.`, problems } };
}
