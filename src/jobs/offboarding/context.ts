import { z } from 'zod';
import type { OffboardingParams, OffboardingPort } from '../../domain/ports/offboarding.ts';
import type { PolicyProfile } from '../../domain/profile/schema.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { getConnection, type Connection } from '../../storage/connections.ts';
import { getCursor } from '../../storage/cursors.ts';
import { readJson } from '../../storage/json.ts';
import type { OffboardingJob } from '../../storage/offboarding.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import type { AuditDeps } from '../audit/deps.ts';

export const ACTOR = 'tutela:offboarding';

export interface JobContext {
  connection: Connection;
  profile: PolicyProfile;
  /** Null when the connector offers no offboarding at all. */
  port: OffboardingPort | null;
  provider: string;
  params: OffboardingParams;
}

/** What a job's steps need: the connection's connector, the school's current profile, the params. */
export async function loadJobContext(deps: AuditDeps, job: OffboardingJob): Promise<Result<JobContext>> {
  const [connection, stored] = await Promise.all([getConnection(deps.db, job.connectionId), getActiveProfile(deps.db, job.schoolId)]);
  if (!connection) return err('not_found', `connection ${job.connectionId} no longer exists`);
  if (!stored) return err('not_configured', `school ${job.schoolId} has no policy profile`);
  const connector = deps.connectorFor(connection);
  if (!connector.ok) return connector;
  const tenantDomains = readJson(z.array(z.string()), (await getCursor(deps.db, connection.id, 'tenant-domains')) ?? '[]', 'connector_cursors.tenant-domains');
  const profile = stored.profile;
  return ok({
    connection,
    profile,
    port: connector.value.offboarding ?? null,
    provider: connector.value.provider,
    params: {
      since: new Date(job.actAt),
      internalDomains: [...new Set([...profile.domains.internal, ...tenantDomains].map((d) => d.toLowerCase()))],
      ...(profile.leavers.autoReply ? { autoReply: profile.leavers.autoReply } : {}),
    },
  });
}
