/** The Bot Connector's public host; regional deployments are paths under it (/amer/, /emea/, /uk/, /teams/…). */
export const BOT_CONNECTOR_HOSTS = ['smba.trafficmanager.net'] as const;

/** Parses a comma-separated host list (env TEAMS_EXTRA_SERVICE_HOSTS). */
export function parseHostList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Replies are POSTed to the inbound activity's serviceUrl with our bot token attached, so an
 * attacker-chosen serviceUrl would receive that token: only known Bot Connector hosts, over https.
 */
export function isAllowedServiceUrl(serviceUrl: string, extraHosts: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return (BOT_CONNECTOR_HOSTS as readonly string[]).includes(host) || extraHosts.includes(host);
}
