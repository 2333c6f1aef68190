import { importPKCS8, SignJWT } from 'jose';
import type { MailboxSnapshot, SentMessage, TenantSnapshot } from '../../src/domain/audit/snapshot.ts';
import type { GoogleConnection } from '../../src/domain/connections/config.ts';
import type { AuditScope } from '../../src/domain/ports/tenant-connector.ts';
import { toDirectoryUser } from '../../connectors/google-workspace/directory.ts';
import { toMailRule } from '../../connectors/google-workspace/filters.ts';
import { attachmentsOf, recipientsOf } from '../../connectors/google-workspace/message-facts.ts';
import { SCOPE } from '../../connectors/google-workspace/scopes.ts';
import { readTenant } from '../../connectors/google-workspace/tenant.ts';
import { autoForwardingSchema, filtersSchema, messageListSchema, metadataMessageSchema, partsMessageSchema, sendAsListSchema, usersPageSchema } from '../../connectors/google-workspace/wire.ts';

/**
 * The baseline a school's IT person would write: one request at a time, no batch, no concurrency,
 * every message fetched in full format, waiting for Retry-After when throttled. It reads the same
 * data into the same snapshot shapes (the pure mappers are shared) so its findings can be compared
 * with the connector's; only the transport differs. `baseUrl` is one origin serving the token,
 * Directory and Gmail paths (the simulator).
 */
export async function naiveGoogleAudit(
  baseUrl: string,
  config: GoogleConnection,
  scope: AuditScope,
  privateKeyPem: string,
): Promise<{ snapshots: MailboxSnapshot[]; tenant: TenantSnapshot; requests: number }> {
  let requests = 0;
  const base = baseUrl.replace(/\/+$/, '');
  const key = await importPKCS8(privateKeyPem, 'RS256');

  async function call(url: string, init: RequestInit = {}): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      requests++;
      const res = await fetch(url, init);
      if ((res.status === 429 || res.status >= 500) && attempt < 8) {
        await res.body?.cancel();
        const seconds = Number(res.headers.get('retry-after') ?? '5');
        await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) ? seconds : 5) * 1000));
        continue;
      }
      return res;
    }
  }

  // One broad token per user, as a first script would do.
  const tokens = new Map<string, string>();
  async function token(subject: string, scopes: string[]): Promise<string> {
    const cacheKey = `${subject} ${scopes.join(' ')}`;
    const cached = tokens.get(cacheKey);
    if (cached) return cached;
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ scope: scopes.join(' ') })
      .setProtectedHeader({ alg: 'RS256', kid: config.serviceAccount.privateKeyId })
      .setIssuer(config.serviceAccount.clientEmail)
      .setSubject(subject)
      .setAudience(`${base}/token`)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(key);
    const res = await call(`${base}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }) });
    if (!res.ok) throw new Error(`token for ${subject}: HTTP ${res.status}`);
    const value = (await res.json<{ access_token: string }>()).access_token;
    tokens.set(cacheKey, value);
    return value;
  }

  async function get(url: string, bearer: string): Promise<unknown> {
    const res = await call(url, { headers: { authorization: `Bearer ${bearer}` } });
    if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
    return res.json();
  }

  const adminToken = await token(config.adminSubject, [SCOPE.directoryRead]);
  const users = [];
  let pageToken: string | undefined;
  do {
    const page = usersPageSchema.parse(await get(`${base}/admin/directory/v1/users?customer=${config.customerId}&maxResults=100${pageToken ? `&pageToken=${pageToken}` : ''}`, adminToken));
    users.push(...page.users.map(toDirectoryUser));
    pageToken = page.nextPageToken;
  } while (pageToken);

  const after = Math.floor(scope.sentSince.getTime() / 1000);
  const snapshots: MailboxSnapshot[] = [];
  for (const user of users) {
    const snapshot: MailboxSnapshot = { user, rules: [], mailboxForwarding: null, sendLimitBytes: null, signatures: null, sent: [], overdue: null, onHold: false };
    snapshots.push(snapshot);
    if (!user.enabled) continue;
    const bearer = await token(user.email, [SCOPE.settingsBasic, SCOPE.mailRead]);
    const gmail = `${base}/gmail/v1/users/${encodeURIComponent(user.email)}`;
    const fwd = autoForwardingSchema.parse(await get(`${gmail}/settings/autoForwarding`, bearer));
    if (fwd.enabled && fwd.emailAddress) snapshot.mailboxForwarding = { address: fwd.emailAddress.toLowerCase(), keepsCopy: fwd.disposition !== 'trash' };
    snapshot.rules = filtersSchema.parse(await get(`${gmail}/settings/filters`, bearer)).filter.map(toMailRule);
    const sendAs = sendAsListSchema.parse(await get(`${gmail}/settings/sendAs`, bearer)).sendAs;
    snapshot.signatures = sendAs.filter((s) => s.isPrimary === true || s.isDefault === true).map((s) => ({ address: s.sendAsEmail.toLowerCase(), text: s.signature ?? '' }));

    const list = async (q: string): Promise<string[]> => {
      const ids: string[] = [];
      let next: string | undefined;
      do {
        const page = messageListSchema.parse(await get(`${gmail}/messages?q=${encodeURIComponent(q)}${next ? `&pageToken=${next}` : ''}`, bearer));
        ids.push(...page.messages.map((m) => m.id));
        next = page.nextPageToken;
      } while (next);
      return ids;
    };
    for (const id of await list(`in:sent after:${after}`)) {
      const full = await get(`${gmail}/messages/${encodeURIComponent(id)}?format=full`, bearer);
      const meta = metadataMessageSchema.parse(full);
      const files = attachmentsOf(partsMessageSchema.parse(full).payload);
      const sent: SentMessage = { id, sentAt: new Date(Number(meta.internalDate)).toISOString(), visibleRecipients: recipientsOf(meta), attachmentCount: files.count, attachmentBytes: files.bytes, largestAttachmentBytes: files.largest };
      snapshot.sent.push(sent);
    }
    if (scope.retentionCutoff) {
      const count = (await list(`before:${Math.floor(scope.retentionCutoff.getTime() / 1000)}`)).length;
      snapshot.overdue = { count, cutoff: scope.retentionCutoff.toISOString() };
    }
  }
  const tenant = await readTenant();
  if (!tenant.ok) throw new Error(tenant.error.message);
  return { snapshots, tenant: tenant.value, requests };
}
