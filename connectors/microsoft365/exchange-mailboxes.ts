import { z } from 'zod';
import { domainOf } from '../../src/domain/audit/addresses.ts';
import { ok, type Result } from '../../src/domain/result.ts';
import type { DirectoryUser, MailboxFacts as PortMailboxFacts } from '../../src/domain/audit/snapshot.ts';
import { READ_ROLE, type ExchangeClient } from './exchange-client.ts';

const text = z.string().nullable().optional();

/** The Get-Mailbox properties Tutela reads; Exchange sends many more, which we ignore. */
export const exoMailboxSchema = z
  .object({
    Identity: text,
    Name: text,
    DisplayName: text,
    Alias: text,
    ExternalDirectoryObjectId: text,
    UserPrincipalName: text,
    PrimarySmtpAddress: text,
    /** Proxy addresses ("SMTP:primary", "smtp:alias"); every one is in an accepted domain of the tenant. */
    EmailAddresses: z.array(z.string()).nullable().optional(),
    RecipientTypeDetails: z.string(),
    ForwardingSmtpAddress: text,
    ForwardingAddress: text,
    DeliverToMailboxAndForward: z.boolean().nullable().optional(),
    MaxSendSize: z.union([z.string(), z.number()]).nullable().optional(),
    LitigationHoldEnabled: z.boolean().nullable().optional(),
    InPlaceHolds: z.array(z.string()).nullable().optional(),
  })
  .passthrough();
export type ExoMailbox = z.infer<typeof exoMailboxSchema>;

/** What the audit needs from a mailbox's Exchange settings, with the row it was read from. */
export interface MailboxFacts extends PortMailboxFacts {
  raw: ExoMailbox;
}

/** "35 MB (36,700,160 bytes)" → 36700160; "Unlimited" → null (the organisation default applies). */
export function parseByteSize(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return value;
  if (!value || /unlimited/i.test(value)) return null;
  const bytes = /\(([\d,. ]+)\s*bytes\)/i.exec(value);
  if (bytes?.[1]) return Number(bytes[1].replace(/[^\d]/g, ''));
  const unit = /^([\d.]+)\s*(B|KB|MB|GB)$/i.exec(value.trim());
  if (!unit?.[1] || !unit[2]) return null;
  const scale = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[unit[2].toUpperCase() as 'B' | 'KB' | 'MB' | 'GB'];
  return Math.round(Number(unit[1]) * scale);
}

const stripSmtp = (address: string): string => address.replace(/^smtp:/i, '').trim();

export function kindOf(recipientTypeDetails: string): DirectoryUser['kind'] {
  if (/^SharedMailbox$/i.test(recipientTypeDetails)) return 'shared';
  if (/^(RoomMailbox|EquipmentMailbox)$/i.test(recipientTypeDetails)) return 'room';
  return 'user';
}

/**
 * The tenant's mailboxes from one paged Get-Mailbox, indexed by Entra object id and address. It is
 * read once per connector instance (one audit run) and shared by every batch of mailboxes.
 */
export class TenantMailboxes {
  private readonly byKey = new Map<string, ExoMailbox>();
  readonly all: ExoMailbox[];

  constructor(rows: ExoMailbox[]) {
    this.all = rows;
    for (const row of rows) {
      for (const key of [row.ExternalDirectoryObjectId, row.UserPrincipalName, row.PrimarySmtpAddress]) if (key) this.byKey.set(key.toLowerCase(), row);
    }
  }

  find(user: { id: string; email: string }): ExoMailbox | undefined {
    return this.byKey.get(user.id.toLowerCase()) ?? this.byKey.get(user.email.toLowerCase());
  }

  /** ForwardingAddress names a directory recipient (Identity, name or address): resolve it to SMTP. */
  private resolveRecipient(ref: string): string {
    if (ref.includes('@')) return stripSmtp(ref);
    const key = ref.toLowerCase();
    const match = this.all.find((m) => [m.Identity, m.Name, m.DisplayName, m.Alias, m.ExternalDirectoryObjectId, m.UserPrincipalName].some((v) => v?.toLowerCase() === key));
    return match?.PrimarySmtpAddress ?? ref;
  }

  /** Every mailbox's facts by Entra object id, as the directory read hands them to the pipeline. */
  factsById(): Record<string, PortMailboxFacts> {
    const out: Record<string, PortMailboxFacts> = {};
    for (const row of this.all) {
      if (!row.ExternalDirectoryObjectId) continue;
      const { raw: _raw, ...facts } = this.facts(row);
      out[row.ExternalDirectoryObjectId] = facts;
    }
    return out;
  }

  /** The domains the tenant's mailboxes have addresses in: Exchange accepts an address only in an accepted domain. */
  domains(): string[] {
    const found = new Set<string>();
    for (const row of this.all) {
      for (const address of [row.PrimarySmtpAddress, ...(row.EmailAddresses ?? [])]) {
        if (!address || (address.includes(':') && !/^smtp:/i.test(address))) continue;
        const domain = domainOf(address);
        if (domain) found.add(domain);
      }
    }
    return [...found].sort();
  }

  facts(row: ExoMailbox): MailboxFacts {
    const smtp = row.ForwardingSmtpAddress ? stripSmtp(row.ForwardingSmtpAddress) : null;
    // ForwardingSmtpAddress wins when both are set, as in Exchange.
    const address = smtp || (row.ForwardingAddress ? this.resolveRecipient(row.ForwardingAddress) : null);
    return {
      kind: kindOf(row.RecipientTypeDetails),
      forwarding: address ? { address, keepsCopy: row.DeliverToMailboxAndForward === true } : null,
      sendLimitBytes: parseByteSize(row.MaxSendSize),
      onHold: row.LitigationHoldEnabled === true || (row.InPlaceHolds?.length ?? 0) > 0,
      raw: row,
    };
  }
}

/** Reads Get-Mailbox once and shares the result (and the in-flight read) until `ttlMs` passes. */
export function cachedTenantMailboxes(
  exchange: ExchangeClient,
  now: () => Date,
  ttlMs = 15 * 60_000,
): { get: () => Promise<Result<TenantMailboxes>>; forget: () => void; fresh: () => boolean } {
  let cached: { at: number; value: Promise<Result<TenantMailboxes>> } | null = null;
  return {
    /** True while a read is cached (or under way): using it costs nothing. */
    fresh: () => cached !== null && now().getTime() - cached.at < ttlMs,
    get() {
      if (cached && now().getTime() - cached.at < ttlMs) return cached.value;
      const value = exchange
        .invoke('Get-Mailbox', { ResultSize: 'Unlimited' }, exoMailboxSchema, { what: 'read mailbox settings', permission: READ_ROLE })
        .then((rows) => (rows.ok ? ok(new TenantMailboxes(rows.value)) : rows));
      const entry = { at: now().getTime(), value };
      cached = entry;
      // A failed read is not cached: the next caller tries again.
      void value.then((r) => {
        if (!r.ok && cached === entry) cached = null;
      });
      return value;
    },
    forget() {
      cached = null;
    },
  };
}

/**
 * One mailbox's facts by -Identity (object id, address…): for the few mailboxes a run has no stored
 * facts for. A recipient ForwardingAddress is resolved with one more lookup. Null = no mailbox.
 */
export async function mailboxFactsOf(exchange: ExchangeClient, identity: string): Promise<Result<PortMailboxFacts | null>> {
  const lookup = (id: string) => exchange.invoke('Get-Mailbox', { Identity: id }, exoMailboxSchema, { what: `read the mailbox ${id}`, permission: READ_ROLE });
  const rows = await lookup(identity);
  if (!rows.ok) return rows.error.code === 'not_found' ? ok(null) : rows;
  const row = rows.value[0];
  if (!row) return ok(null);
  const known = [row];
  const ref = row.ForwardingSmtpAddress ? null : row.ForwardingAddress;
  if (ref && !ref.includes('@')) {
    const target = await lookup(ref);
    if (target.ok) known.push(...target.value);
  }
  const { raw: _raw, ...facts } = new TenantMailboxes(known).facts(row);
  return ok(facts);
}
