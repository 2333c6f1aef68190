import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { connectionConfigSchema, type ConnectionConfig } from '../../src/domain/connections/config.ts';
import { parseProfile, type ParsedProfile } from '../../src/domain/profile/parse.ts';

/** `tutela audit --config FILE`: which school, which policy profile, which tenant connection. */
export const auditConfigSchema = z
  .object({
    school: z.object({ id: z.string().min(1), name: z.string().min(1) }).strict(),
    /** Path to the policy profile (YAML/JSON), relative to the config file. */
    profile: z.string().min(1),
    connection: connectionConfigSchema,
    /** SQLite file that keeps delta links and history between runs, relative to the config file; in memory when omitted. */
    state: z.string().min(1).optional(),
  })
  .strict();
export type AuditConfig = z.infer<typeof auditConfigSchema>;

export interface LoadedAuditConfig {
  config: AuditConfig;
  profile: { parsed: ParsedProfile; text: string };
  /** Absolute path of the state database, when the config keeps one. */
  statePath: string | undefined;
}

type Loaded = { ok: true; value: LoadedAuditConfig } | { ok: false; problems: string[] };

function issueLines(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.join('.');
    // "extra: unknown field" names the offending key, where zod's own message leaves the path empty.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${at ? `${at}.` : ''}${key}: unknown field`);
    return [`${at || '(root)'}: ${issue.message}`];
  });
}

/** Reads and checks the config and the profile it names; every problem comes back as "path: message". */
export async function loadAuditConfig(path: string): Promise<Loaded> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, problems: [`${path}: cannot read the file`] };
  }
  const doc = parseDocument(text);
  if (doc.errors.length) return { ok: false, problems: doc.errors.map((e) => `${path}: ${e.message.split('\n')[0] ?? 'invalid YAML'}`) };
  const parsed = auditConfigSchema.safeParse(doc.toJS());
  if (!parsed.success) return { ok: false, problems: issueLines(parsed.error) };
  const config = parsed.data;
  const dir = dirname(path);
  const profilePath = resolve(dir, config.profile);
  const profileText = await readFile(profilePath, 'utf8').catch(() => null);
  if (profileText === null) return { ok: false, problems: [`profile: cannot read ${profilePath}`] };
  const profile = await parseProfile(profileText);
  if (!profile.ok) return { ok: false, problems: profile.error.problems.map((p) => `${config.profile}: ${p.path}: ${p.message}`) };
  return { ok: true, value: { config, profile: { parsed: profile.value, text: profileText }, statePath: config.state ? resolve(dir, config.state) : undefined } };
}

/** The environment variables a connection reads its secret from. */
export function secretRefsOf(connection: ConnectionConfig): string[] {
  if (connection.provider === 'google-workspace') return [connection.serviceAccount.privateKeyRef];
  return [connection.auth.kind === 'secret' ? connection.auth.secretRef : connection.auth.privateKeyRef];
}
