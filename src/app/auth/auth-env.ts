/** Settings for signing in to the dashboard and for who may press the SBM's buttons (docs: src/app/auth/README.md). */
export interface AuthEnv {
  /** Cloudflare Access team, e.g. "brightpath" for brightpath.cloudflareaccess.com (a full host is accepted too). */
  ACCESS_TEAM_DOMAIN?: string;
  /** The Access application's AUD tag: the audience every Cf-Access-Jwt-Assertion must carry. */
  ACCESS_AUD?: string;
  /** Trust-wide admins by address (comma-separated): may use the SBM's card buttons for their school. */
  SBM_ADMIN_EMAILS?: string;
  // Secret SECRET_SESSION_KEY signs the dashboard's session and CSRF tokens (required outside dev/test).
}
