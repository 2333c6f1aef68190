import { connectionConfigSchema, type ConnectionConfig } from '../domain/connections/config.ts';
import { readJson } from './json.ts';

export interface Connection {
  id: string;
  schoolId: string;
  provider: ConnectionConfig['provider'];
  tenantRef: string;
  config: ConnectionConfig;
  status: 'unknown' | 'healthy' | 'degraded' | 'failing';
  health: unknown;
}

interface ConnectionRow {
  id: string;
  school_id: string;
  provider: ConnectionConfig['provider'];
  tenant_ref: string;
  config_json: string;
  status: Connection['status'];
  health_json: string | null;
}

const toConnection = (row: ConnectionRow): Connection => ({
  id: row.id,
  schoolId: row.school_id,
  provider: row.provider,
  tenantRef: row.tenant_ref,
  config: readJson(connectionConfigSchema, row.config_json, 'connections.config_json'),
  status: row.status,
  health: row.health_json === null ? null : (JSON.parse(row.health_json) as unknown),
});

const tenantRefOf = (config: ConnectionConfig): string => (config.provider === 'microsoft365' ? config.tenantId : config.domain);

export async function createConnection(db: D1Database, input: { id: string; schoolId: string; config: ConnectionConfig }, now: Date): Promise<Connection> {
  const at = now.toISOString();
  await db
    .prepare('INSERT INTO connections (id, school_id, provider, tenant_ref, config_json, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)')
    .bind(input.id, input.schoolId, input.config.provider, tenantRefOf(input.config), JSON.stringify(input.config), at)
    .run();
  return { id: input.id, schoolId: input.schoolId, provider: input.config.provider, tenantRef: tenantRefOf(input.config), config: input.config, status: 'unknown', health: null };
}

export async function getConnection(db: D1Database, id: string): Promise<Connection | null> {
  const row = await db.prepare('SELECT * FROM connections WHERE id = ?1').bind(id).first<ConnectionRow>();
  return row ? toConnection(row) : null;
}

export async function listConnections(db: D1Database, schoolId?: string): Promise<Connection[]> {
  const stmt = schoolId
    ? db.prepare('SELECT * FROM connections WHERE school_id = ?1 ORDER BY id').bind(schoolId)
    : db.prepare('SELECT * FROM connections ORDER BY school_id, id');
  const { results } = await stmt.all<ConnectionRow>();
  return results.map(toConnection);
}

export async function recordConnectionHealth(db: D1Database, id: string, status: Connection['status'], health: unknown, now: Date): Promise<void> {
  await db
    .prepare('UPDATE connections SET status = ?2, health_json = ?3, updated_at = ?4 WHERE id = ?1')
    .bind(id, status, JSON.stringify(health), now.toISOString())
    .run();
}
