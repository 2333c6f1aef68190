import type { ConnectionConfig } from '../../src/domain/connections/config.ts';
import type { ParsedProfile } from '../../src/domain/profile/parse.ts';
import { createConnection, getConnection } from '../../src/storage/connections.ts';
import { saveProfileVersion } from '../../src/storage/profiles.ts';
import { createSchool, getSchool } from '../../src/storage/schools.ts';

export interface SchoolSetup {
  school: { id: string; name: string };
  connection: ConnectionConfig;
  profile: { parsed: ParsedProfile; text: string };
}

export interface PreparedSchool {
  connectionId: string;
  /** True when stored cursors were dropped because the config now names another tenant or endpoint. */
  cursorsReset: boolean;
}

/** What makes a stored delta link meaningful: the same tenant, reached at the same addresses. */
function identityOf(config: ConnectionConfig): string {
  const tenant = config.provider === 'microsoft365' ? [config.tenantId] : [config.customerId, config.domain];
  return JSON.stringify([config.provider, ...tenant, config.endpoints]);
}

/**
 * Makes the school, its connection and its profile current in a local database, so a CLI run (or a
 * benchmark) can start an audit. Idempotent: on a kept state file it reuses the rows, so the delta
 * link and the run history carry over. The connection id is stable per school and provider.
 */
export async function prepareSchool(db: D1Database, setup: SchoolSetup, now: Date): Promise<PreparedSchool> {
  const { school, connection } = setup;
  if (!(await getSchool(db, school.id))) await createSchool(db, { ...school, notifyChannel: 'none' }, now);
  const connectionId = `${school.id}-${connection.provider}`;
  const stored = await getConnection(db, connectionId);
  let cursorsReset = false;
  if (!stored) {
    await createConnection(db, { id: connectionId, schoolId: school.id, config: connection }, now);
  } else {
    // A delta link from another tenant (or another host) would be wrong or unreachable: start over.
    if (identityOf(stored.config) !== identityOf(connection)) {
      await db.prepare('DELETE FROM connector_cursors WHERE connection_id = ?1').bind(connectionId).run();
      cursorsReset = true;
    }
    const tenantRef = connection.provider === 'microsoft365' ? connection.tenantId : connection.domain;
    await db
      .prepare('UPDATE connections SET config_json = ?2, tenant_ref = ?3, updated_at = ?4 WHERE id = ?1')
      .bind(connectionId, JSON.stringify(connection), tenantRef, now.toISOString())
      .run();
  }
  await saveProfileVersion(db, { schoolId: school.id, parsed: setup.profile.parsed, sourceText: setup.profile.text, createdBy: 'cli' }, now);
  return { connectionId, cursorsReset };
}
