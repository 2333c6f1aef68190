import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: Fields): void;
  info(event: string, fields?: Fields): void;
  warn(event: string, fields?: Fields): void;
  error(event: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

// Keys whose values must never reach a log line, whatever the caller passes.
const secretKey = /secret|password|token|assertion|authorization|signature|private|cookie/i;

function redact(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = secretKey.test(key) ? '[redacted]' : value;
  return out;
}

const rank: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Reads LOG_LEVEL from the environment; anything unknown means "info". */
export function levelFrom(env: { LOG_LEVEL?: string | undefined }): Level {
  const v = env.LOG_LEVEL;
  return v === 'debug' || v === 'info' || v === 'warn' || v === 'error' ? v : 'info';
}

/** Structured JSON logs: one object per line, which Workers Logs indexes by field. */
export function createLogger(base: Fields = {}, sink: (line: string) => void = console.log, minLevel: Level = 'info'): Logger {
  const write = (level: Level, event: string, fields: Fields = {}) => {
    if (rank[level] < rank[minLevel]) return;
    sink(JSON.stringify({ level, event, time: new Date().toISOString(), ...redact(base), ...redact(fields) }));
  };
  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    child: (fields) => createLogger({ ...base, ...fields }, sink, minLevel),
  };
}

/** The request-scoped logger set by the request-id middleware. */
export function logger(c: Context<AppEnv>): Logger {
  return c.get('log') ?? createLogger();
}
