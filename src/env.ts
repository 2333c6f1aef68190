import type { JobMessage } from './jobs/messages.ts';

/** Bindings and vars the Worker needs; wrangler.toml and Worker secrets provide them. */
export interface Env {
  DB: D1Database;
  JOBS: Queue<JobMessage>;
  /** "dev" enables the local demo's automatic sign-in; "test" is set by the test pool. */
  TUTELA_MODE?: string;
  PUBLIC_URL?: string;
  /** Bearer token for the admin API (automation, CLI against a deployment). */
  ADMIN_API_TOKEN?: string;
  /** Connection secrets are looked up by the names a connection's config gives (see docs/permissions.md). */
  [secretName: `SECRET_${string}`]: string | undefined;
}
