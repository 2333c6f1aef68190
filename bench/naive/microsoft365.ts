import type { DirectoryUser, MailboxSnapshot, SentMessage, TenantSnapshot } from '../../src/domain/audit/snapshot.ts';
import type { AuditScope } from '../../src/domain/ports/tenant-connector.ts';
import { TenantMailboxes, type ExoMailbox } from '../../connectors/microsoft365/exchange-mailboxes.ts';
import { toMailRule } from '../../connectors/microsoft365/rules.ts';
import { ageDays, disclaimerRules, effectiveSpamPolicy, policyName, type SpamPolicyRow, type TransportRuleRow } from '../../connectors/microsoft365/tenant.ts';
import type { GraphMessageRule, GraphSentMessage, GraphUser } from '../../connectors/microsoft365/wire.ts';

/**
 * The baseline a school's IT person would write: one request at a time, no $batch, no concurrency,
 * wait for Retry-After when throttled. It reads the same data into the same snapshot shapes (the
 * pure mappers are shared) so its findings can be compared with the connector's; only the transport
 * differs. `baseUrl` is one origin serving login, Graph and Exchange paths (the simulator).
 */
export interface NaiveConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

type Json = Record<string, unknown>;

export async function naiveMicrosoftAudit(baseUrl: string, config: NaiveConfig, scope: AuditScope): Promise<{ snapshots: MailboxSnapshot[]; tenant: TenantSnapshot; requests: number }> {
  let requests = 0;
  const base = baseUrl.replace(/\/+$/, '');

  async function call(url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      requests++;
      const res = await fetch(url, init);
      if ((res.status === 429 || res.status === 503 || res.status === 504) && attempt < 8) {
        await res.body?.cancel();
        const seconds = Number(res.headers.get('retry-after') ?? '5');
        await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) ? seconds : 5) * 1000));
        continue;
      }
      return res;
    }
  }

  async function token(resource: string): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clientId, client_secret: config.clientSecret, scope: `${resource}/.default` });
    const res = await call(`${base}/${config.tenantId}/oauth2/v2.0/token`, { method: 'POST', body });
    if (!res.ok) throw new Error(`token: HTTP ${res.status}`);
    return (await res.json<{ access_token: string }>()).access_token;
  }
  const graphToken = await token('https://graph.microsoft.com');
  const exoToken = await token('https://outlook.office365.com');

  async function graph(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Json; text: string }> {
    const url = path.startsWith('http') ? path : `${base}/v1.0${path}`;
    const res = await call(url, { headers: { authorization: `Bearer ${graphToken}`, ...headers } });
    const text = await res.text();
    let body: Json = {};
    try {
      body = JSON.parse(text) as Json;
    } catch {
      // CSV report
    }
    return { status: res.status, body, text };
  }
  async function all<T>(path: string): Promise<T[] | null> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next) {
      const page = await graph(next);
      if (page.status !== 200) return null;
      items.push(...(page.body.value as T[]));
      next = page.body['@odata.nextLink'] as string | undefined;
    }
    return items;
  }
  async function cmdlet<T>(name: string, parameters: Json = {}): Promise<T[]> {
    const rows: T[] = [];
    let url: string | undefined = `${base}/adminapi/beta/${config.tenantId}/InvokeCommand`;
    while (url) {
      const res = await call(url, { method: 'POST', headers: { authorization: `Bearer ${exoToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ CmdletInput: { CmdletName: name, Parameters: parameters } }) });
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      const body = await res.json<Json>();
      rows.push(...(body.value as T[]));
      url = body['@odata.nextLink'] as string | undefined;
    }
    return rows;
  }

  const users = (await all<GraphUser>('/users?$select=id,displayName,mail,userPrincipalName,accountEnabled,employeeId,proxyAddresses,userType,createdDateTime&$top=999')) ?? [];
  const signIns = await all<{ id: string; signInActivity?: Record<string, string | null> }>('/users?$select=id,signInActivity&$top=999');
  const lastSignIn = new Map((signIns ?? []).map((s) => [s.id, [s.signInActivity?.lastSignInDateTime, s.signInActivity?.lastNonInteractiveSignInDateTime].filter((x): x is string => Boolean(x)).sort().pop() ?? null]));
  const mailboxes = new TenantMailboxes(await cmdlet<ExoMailbox>('Get-Mailbox', { ResultSize: 'Unlimited' }));
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

  const snapshots: MailboxSnapshot[] = [];
  for (const u of users.filter((x) => x.userType !== 'Guest')) {
    const email = u.mail ?? u.userPrincipalName ?? '';
    const row = mailboxes.find({ id: u.id, email });
    const facts = row ? mailboxes.facts(row) : null;
    const user: DirectoryUser = {
      id: u.id, email, displayName: u.displayName ?? email,
      aliases: (u.proxyAddresses ?? []).filter((p) => /^smtp:/.test(p)).map((p) => p.slice(5)),
      employeeId: u.employeeId ?? null, enabled: u.accountEnabled !== false, kind: facts?.kind ?? 'user', isAdmin: false,
      lastSignInAt: lastSignIn.get(u.id) ? new Date(lastSignIn.get(u.id) as string).toISOString() : null,
      signInSource: signIns ? 'sign-in-activity' : 'unavailable', createdAt: u.createdDateTime ?? null,
    };
    const snapshot: MailboxSnapshot = { user, rules: [], mailboxForwarding: facts?.forwarding ?? null, sendLimitBytes: facts?.sendLimitBytes ?? null, signatures: null, sent: [], overdue: null, onHold: facts?.onHold ?? false };
    snapshots.push(snapshot);
    if (!row) continue;
    const me = `/users/${u.id}`;
    const deleted = await graph(`${me}/mailFolders/deleteditems?$select=id`);
    const rules = (await all<GraphMessageRule>(`${me}/mailFolders/inbox/messageRules`)) ?? [];
    snapshot.rules = rules.map((r) => toMailRule(r, (deleted.body.id as string | undefined) ?? null));
    const sent = (await all<GraphSentMessage>(`${me}/mailFolders/sentitems/messages?$filter=${encodeURIComponent(`sentDateTime ge ${iso(scope.sentSince)}`)}&$select=id,sentDateTime,toRecipients,ccRecipients&$expand=attachments($select=name,size)&$top=50`)) ?? [];
    snapshot.sent = sent.map((m): SentMessage => {
      const sizes = (m.attachments ?? []).map((a) => a.size ?? 0);
      const addresses = [...(m.toRecipients ?? []), ...(m.ccRecipients ?? [])].flatMap((r) => (r.emailAddress.address ? [r.emailAddress.address] : []));
      return { id: m.id, sentAt: m.sentDateTime ?? '', visibleRecipients: addresses, attachmentCount: sizes.length, attachmentBytes: sizes.reduce((a, b) => a + b, 0), largestAttachmentBytes: sizes.length ? Math.max(...sizes) : 0 };
    });
    if (scope.retentionCutoff) {
      const filter = `$filter=${encodeURIComponent(`receivedDateTime lt ${iso(scope.retentionCutoff)}`)}&$count=true&$top=1&$select=id`;
      const total = await graph(`${me}/messages?${filter}`, { ConsistencyLevel: 'eventual' });
      const binned = await graph(`${me}/mailFolders/deleteditems/messages?${filter}`, { ConsistencyLevel: 'eventual' });
      snapshot.overdue = { count: Number(total.body['@odata.count'] ?? 0) - Number(binned.body['@odata.count'] ?? 0), cutoff: scope.retentionCutoff.toISOString() };
    }
  }

  const rules = await cmdlet<TransportRuleRow>('Get-TransportRule');
  const policies = await cmdlet<SpamPolicyRow>('Get-HostedOutboundSpamFilterPolicy');
  const domains = await cmdlet<{ DomainName?: string; AutoForwardEnabled?: boolean }>('Get-RemoteDomain');
  const retention = await cmdlet<{ Name: string; IsDefault?: boolean; RetentionPolicyTagLinks?: string[] }>('Get-RetentionPolicy');
  const tags = await cmdlet<{ Name: string; Type?: string; RetentionEnabled?: boolean; AgeLimitForRetention?: string | number; RetentionAction?: string }>('Get-RetentionPolicyTag');
  const policy = effectiveSpamPolicy(policies);
  const tenant: TenantSnapshot = {
    disclaimer: { kind: 'transport-rules', rules: disclaimerRules(rules) },
    autoForwarding: {
      readable: true,
      mode: ((policy?.AutoForwardingMode ?? 'Automatic').toLowerCase() as 'on' | 'off' | 'automatic'),
      policyName: policy ? policyName(policy) : 'Default',
      remoteDomainsAllowing: domains.filter((d) => d.AutoForwardEnabled !== false).map((d) => d.DomainName ?? '?'),
    },
    retention: {
      readable: true,
      policies: retention.flatMap((p) =>
        (p.RetentionPolicyTagLinks ?? []).flatMap((link) => {
          const tag = tags.find((t) => t.Name === link);
          if (!tag || tag.RetentionEnabled === false) return [];
          const days = ageDays(tag.AgeLimitForRetention);
          return [{ name: `${p.Name}: ${tag.Name}`, months: days === null ? null : Math.round(days / 30.4), action: tag.RetentionAction ?? 'DeleteAndAllowRecovery', appliesToAll: p.IsDefault === true && (tag.Type ?? 'All') === 'All' }];
        }),
      ),
    },
  };
  return { snapshots, tenant, requests };
}
