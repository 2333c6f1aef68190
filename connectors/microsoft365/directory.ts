import { z } from 'zod';
import { domainOf } from '../../src/domain/audit/addresses.ts';
import type { DirectoryUser } from '../../src/domain/audit/snapshot.ts';
import type { DirectoryPage } from '../../src/domain/ports/tenant-connector.ts';
import { ok, type Result } from '../../src/domain/result.ts';
import type { MsContext } from './context.ts';
import { detailsOf } from './errors.ts';
import type { TenantMailboxes } from './exchange-mailboxes.ts';
import { readSignIns, type SignIns } from './sign-in.ts';
import { graphUserSchema, type GraphUser } from './wire.ts';

const SELECT = 'id,displayName,mail,userPrincipalName,accountEnabled,employeeId,proxyAddresses,userType,createdDateTime,assignedLicenses';
const DELTA_PATH = `/users/delta?$select=${SELECT}`;
const USER_READ = 'User.Read.All';

/** The opaque cursor: Graph's delta link plus when that read started (for sign-in freshness). */
const cursorSchema = z.object({ v: z.literal(1), delta: z.string().min(1), at: z.iso.datetime() });
type Cursor = z.infer<typeof cursorSchema>;

function parseCursor(cursor: string | null): Cursor | null {
  if (!cursor) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toDirectoryUser(row: GraphUser, signIns: SignIns, mailboxes: TenantMailboxes | null): DirectoryUser {
  const upn = row.userPrincipalName ?? '';
  const email = row.mail ?? upn;
  const aliases = (row.proxyAddresses ?? [])
    .filter((p) => /^smtp:/i.test(p))
    .map((p) => p.slice(5))
    .filter((a) => a.toLowerCase() !== email.toLowerCase());
  const mailbox = mailboxes?.find({ id: row.id, email });
  return {
    id: row.id,
    email,
    displayName: row.displayName ?? email,
    aliases,
    employeeId: row.employeeId ?? null,
    enabled: row.accountEnabled !== false,
    kind: mailbox ? mailboxes!.facts(mailbox).kind : 'user',
    // Admin roles need RoleManagement.Read.Directory; no check uses them yet, so we do not ask for it.
    isAdmin: false,
    lastSignInAt: signIns.lastFor({ id: row.id, email, upn }),
    signInSource: signIns.source,
    createdAt: row.createdDateTime ?? null,
  };
}

/** Guests are outside people invited to Teams or SharePoint, not staff mailboxes the policy covers. */
const isMember = (row: GraphUser): boolean => (row.userType ?? 'Member') !== 'Guest';

/**
 * `users/delta`: the first read lists everyone and keeps the deltaLink; later reads return only
 * changes and removals. An expired or unusable link (410 Gone, 400 syncStateNotFound / bad token)
 * falls back to a full read. Mailbox kind comes from one tenant-wide Get-Mailbox; sign-ins from one
 * paged call. On an incremental read, users who signed in since the last read are returned as
 * changed too, so a stored copy never keeps a stale sign-in date.
 */
export async function readDirectory(ctx: MsContext, cursor: string | null): Promise<Result<DirectoryPage>> {
  const startedAt = ctx.now().toISOString();
  const previous = parseCursor(cursor);
  let full = previous === null;
  let delta = previous ? await ctx.graph.getAll(previous.delta, graphUserSchema, { what: 'read directory changes', permission: USER_READ }) : null;
  if (delta && !delta.ok) {
    const status = detailsOf(delta.error)?.status;
    if (status !== 410 && status !== 400) return delta;
    ctx.log?.info('microsoft.delta_reset', { status, reason: delta.error.message });
    full = true;
    delta = null;
  }
  delta ??= await ctx.graph.getAll(DELTA_PATH, graphUserSchema, { what: 'read the directory', permission: USER_READ });
  if (!delta.ok) return delta;
  if (!delta.value.deltaLink) return { ok: false, error: { code: 'upstream_failed', message: 'Graph ended the users delta without a deltaLink' } };

  const [signIns, mailboxes] = await Promise.all([readSignIns(ctx), ctx.mailboxes.get()]);
  if (signIns.warning) ctx.log?.warn('microsoft.sign_in_unavailable', { tenantId: ctx.config.tenantId, warning: signIns.warning });
  if (!mailboxes.ok) ctx.log?.warn('microsoft.mailbox_kinds_unavailable', { tenantId: ctx.config.tenantId, reason: mailboxes.error.message });
  const exo = mailboxes.ok ? mailboxes.value : null;

  const removed = delta.value.items.filter((r) => r['@removed']).map((r) => r.id);
  let rows = delta.value.items.filter((r) => !r['@removed']);
  if (!full && previous) {
    const more = await refreshRows(ctx, rows, signIns, exo, Date.parse(previous.at));
    if (!more.ok) return more;
    rows = more.value;
  }
  const members = rows.filter(isMember);
  const changed = members.map((r) => toDirectoryUser(r, signIns, exo));
  const guests = rows.filter((r) => !isMember(r)).map((r) => r.id);
  const nextCursor = JSON.stringify({ v: 1, delta: delta.value.deltaLink, at: startedAt } satisfies Cursor);
  const warnings = [
    ...(signIns.warning ? [signIns.warning] : []),
    ...(mailboxes.ok ? [] : [`Mailbox settings could not be read with the directory, so shared mailboxes may be counted as people and each batch reads forwarding and send limits itself: ${mailboxes.error.message}`]),
  ];
  // Every run carries the whole tenant's Get-Mailbox facts (delta reads too), so batches need not call it again.
  const domains = exo ? [...new Set([...exo.domains(), ...domainsOf(members)])].sort() : full ? domainsOf(members) : undefined;
  return ok({
    changed,
    removed: full ? removed : [...removed, ...guests],
    cursor: nextCursor,
    full,
    ...(domains?.length ? { domains } : {}),
    ...(exo ? { mailboxFacts: exo.factsById() } : {}),
    ...(warnings.length ? { warnings } : {}),
  });
}

/**
 * The tenant's own mail domains, from the addresses its members hold: Exchange and Entra accept a
 * mail address only in a verified, accepted domain, so an alias domain (oakfield.sch.uk next to
 * oakfieldprimary.sch.uk) shows up here without asking for another permission.
 */
function domainsOf(rows: GraphUser[]): string[] {
  const found = new Set<string>();
  for (const row of rows) {
    const addresses = [row.mail ?? '', ...(row.proxyAddresses ?? []).filter((p) => /^smtp:/i.test(p))];
    for (const address of addresses) {
      const domain = domainOf(address);
      if (domain) found.add(domain);
    }
  }
  return [...found].sort();
}

/**
 * Delta may send only the properties that changed; rows without a UPN are read whole. Users whose
 * sign-in is newer than the last read are added (read whole) so their stored date moves on.
 */
async function refreshRows(ctx: MsContext, rows: GraphUser[], signIns: SignIns, exo: TenantMailboxes | null, since: number): Promise<Result<GraphUser[]>> {
  const complete = rows.filter((r) => r.userPrincipalName);
  const want = new Set(rows.filter((r) => !r.userPrincipalName).map((r) => r.id));
  const have = new Set(complete.map((r) => r.id));
  if (signIns.source === 'sign-in-activity' || signIns.source === 'active-user-report') {
    const candidates = signIns.source === 'sign-in-activity' ? signIns.knownIds() : (exo?.all ?? []).flatMap((m) => (m.ExternalDirectoryObjectId ? [{ id: m.ExternalDirectoryObjectId, email: m.PrimarySmtpAddress ?? '', upn: m.UserPrincipalName ?? '' }] : []));
    for (const c of candidates) {
      const last = signIns.lastFor(c);
      if (last && Date.parse(last) > since && !have.has(c.id)) want.add(c.id);
    }
  }
  const fetched = await Promise.all(
    [...want].map((id) => ctx.graph.batched({ method: 'GET', url: `/users/${encodeURIComponent(id)}?$select=${SELECT}`, mailbox: id, what: 'read a user', permission: USER_READ })),
  );
  const out = [...complete];
  for (const res of fetched) {
    if (!res.ok) {
      // A user deleted since is reported as removed by the next delta round.
      if (res.error.code === 'not_found') continue;
      return res;
    }
    const row = graphUserSchema.safeParse(res.value.body);
    if (row.success) out.push(row.data);
  }
  return ok(out);
}
