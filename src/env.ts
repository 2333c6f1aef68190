import type { AuthEnv } from './app/auth/auth-env.ts';
import type { JobMessage } from './jobs/messages.ts';

/** Bindings and vars the Worker needs; wrangler.toml and Worker secrets provide them. */
export interface Env extends AuthEnv {
  DB: D1Database;
  JOBS: Queue<JobMessage>;
  /** "dev" enables the local demo's automatic sign-in; "test" is set by the test pool. */
  TUTELA_MODE?: string;
  PUBLIC_URL?: string;
  /** debug | info | warn | error (default info). */
  LOG_LEVEL?: string;
  /**
   * Workers AI, when wrangler.toml binds it (off by default). Used only to word bot answers for schools
   * whose profile sets bot.generativeWording; the bot answers in full without it (ADR 0011).
   */
  AI?: Ai;
  /** Bearer token for the admin API (automation, CLI against a deployment). */
  ADMIN_API_TOKEN?: string;
  /** Staff bot in Teams (connectors/teams/README.md): the Entra app id the Bot Framework signs tokens for. */
  TEAMS_BOT_APP_ID?: string;
  /** The bot's home tenant (single-tenant bot); its password is the Worker secret SECRET_TEAMS_BOT_PASSWORD. */
  TEAMS_BOT_TENANT_ID?: string;
  /** Comma-separated extra serviceUrl hosts to accept besides smba.trafficmanager.net (tests, emulators). */
  TEAMS_EXTRA_SERVICE_HOSTS?: string;
  // Staff bot in Slack (connectors/slack/README.md): secrets SECRET_SLACK_SIGNING_SECRET and SECRET_SLACK_BOT_TOKEN.
  /** Connection secrets are looked up by the names a connection's config gives (see docs/permissions.md). */
  [secretName: `SECRET_${string}`]: string | undefined;
}
