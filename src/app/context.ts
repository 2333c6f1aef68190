import type { Env } from '../env.ts';
import type { Principal } from './auth/admin-auth.ts';
import type { Logger } from './logger.ts';

/** Hono's generic for every route: the Worker's bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    log: Logger;
    requestId: string;
    /** Set by the auth middleware on protected routes. */
    principal: Principal;
  };
}
