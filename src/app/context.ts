import type { Env } from '../env.ts';
import type { Logger } from './logger.ts';

/** Hono's generic for every route: the Worker's bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    log: Logger;
    requestId: string;
  };
}
