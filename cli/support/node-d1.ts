import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

/**
 * The slice of Cloudflare's D1 API our storage modules use, over Node's built-in SQLite, so the CLI
 * and benchmarks run the same SQL as the Worker. D1 is SQLite too; the dialect is identical.
 */
type Value = SQLInputValue | undefined;

class NodeStatement {
  private readonly db: DatabaseSync;
  private readonly sql: string;
  private readonly values: Value[];

  constructor(db: DatabaseSync, sql: string, values: Value[] = []) {
    this.db = db;
    this.sql = sql;
    this.values = values;
  }

  bind(...values: unknown[]): NodeStatement {
    return new NodeStatement(this.db, this.sql, values.map(toSqlValue));
  }

  private stmt(): StatementSync {
    return this.db.prepare(this.sql);
  }

  private params(): SQLInputValue[] {
    return this.values.map((v) => (v === undefined ? null : v));
  }

  first<T>(column?: string): Promise<T | null> {
    const row = this.stmt().get(...this.params()) as Record<string, unknown> | undefined;
    if (!row) return Promise.resolve(null);
    return Promise.resolve((column ? row[column] : { ...row }) as T);
  }

  all<T>(): Promise<{ results: T[]; success: true; meta: { changes: number } }> {
    const rows = this.stmt().all(...this.params()) as T[];
    return Promise.resolve({ results: rows.map((r) => ({ ...r })), success: true, meta: { changes: 0 } });
  }

  run(): Promise<{ results: []; success: true; meta: { changes: number; last_row_id: number } }> {
    return Promise.resolve(this.runSync());
  }

  runSync(): { results: []; success: true; meta: { changes: number; last_row_id: number } } {
    const info = this.stmt().run(...this.params());
    return { results: [], success: true, meta: { changes: Number(info.changes), last_row_id: Number(info.lastInsertRowid) } };
  }
}

function toSqlValue(v: unknown): Value {
  if (v === null || v === undefined || typeof v === 'number' || typeof v === 'string' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Uint8Array) return v;
  throw new TypeError(`cannot bind a ${typeof v} to SQLite`);
}

export interface NodeD1 {
  db: D1Database;
  close: () => void;
}

/** Opens (or creates) a database file, or ":memory:", and applies the migrations in order. */
export function openNodeD1(path: string, migrationsDir: string): NodeD1 {
  const raw = new DatabaseSync(path);
  raw.exec('PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;');
  raw.exec('CREATE TABLE IF NOT EXISTS d1_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set((raw.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name));
  for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) {
    if (applied.has(file)) continue;
    raw.exec('BEGIN');
    raw.exec(readFileSync(join(migrationsDir, file), 'utf8'));
    raw.prepare('INSERT INTO d1_migrations (name, applied_at) VALUES (?, ?)').run(file, new Date().toISOString());
    raw.exec('COMMIT');
  }
  const adapter = {
    prepare: (sql: string) => new NodeStatement(raw, sql),
    // D1 runs a batch as one transaction; so do we.
    batch: (statements: NodeStatement[]) => {
      raw.exec('BEGIN');
      try {
        const results = statements.map((s) => s.runSync());
        raw.exec('COMMIT');
        return Promise.resolve(results);
      } catch (error) {
        raw.exec('ROLLBACK');
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    exec: (sql: string) => {
      raw.exec(sql);
      return Promise.resolve({ count: 0, duration: 0 });
    },
  };
  // One cast at the boundary: the adapter implements the methods our storage modules call.
  return { db: adapter as unknown as D1Database, close: () => raw.close() };
}
