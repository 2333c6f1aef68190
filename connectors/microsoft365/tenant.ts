import { z } from 'zod';
import type { DisclaimerSetup, TenantSnapshot } from '../../src/domain/audit/snapshot.ts';
import type { AuditScope } from '../../src/domain/ports/tenant-connector.ts';
import { ok, type Result } from '../../src/domain/result.ts';
import type { MsContext } from './context.ts';
import { READ_ROLE } from './exchange-client.ts';

const text = z.string().nullable().optional();
const list = z.array(z.string()).nullable().optional();

export const transportRuleRowSchema = z
  .object({
    Guid: text,
    ImmutableId: text,
    Identity: text,
    Name: z.string(),
    State: text,
    Mode: text,
    Priority: z.number().nullable().optional(),
    SentToScope: text,
    FromScope: text,
    ApplyHtmlDisclaimerText: text,
    ExceptIfFrom: list,
    ExceptIfFromMemberOf: list,
    ExceptIfSentTo: list,
  })
  .passthrough();
export type TransportRuleRow = z.infer<typeof transportRuleRowSchema>;

const spamPolicySchema = z.object({ Identity: text, Name: text, IsDefault: z.boolean().nullable().optional(), AutoForwardingMode: text }).passthrough();
export type SpamPolicyRow = z.infer<typeof spamPolicySchema>;
const remoteDomainSchema = z.object({ Identity: text, Name: text, DomainName: text, AutoForwardEnabled: z.boolean().nullable().optional() }).passthrough();
const retentionPolicySchema = z.object({ Name: z.string(), IsDefault: z.boolean().nullable().optional(), RetentionPolicyTagLinks: list }).passthrough();
const retentionTagSchema = z
  .object({ Name: z.string(), Type: text, RetentionEnabled: z.boolean().nullable().optional(), AgeLimitForRetention: z.union([z.string(), z.number()]).nullable().optional(), RetentionAction: text })
  .passthrough();

const read = { what: 'read tenant mail settings', permission: READ_ROLE };
const CONSOLE = 'https://admin.exchange.microsoft.com';

export const policyName = (p: SpamPolicyRow): string => p.Identity ?? p.Name ?? 'Default';

/** Transport rules that add a disclaimer, as the disclaimer check sees them. */
export function disclaimerRules(rows: TransportRuleRow[]): Extract<DisclaimerSetup, { kind: 'transport-rules' }>['rules'] {
  return rows
    .filter((r) => r.ApplyHtmlDisclaimerText)
    .map((r) => ({
      id: r.Guid ?? r.ImmutableId ?? r.Name,
      name: r.Name,
      enabled: (r.State ?? 'Enabled') === 'Enabled',
      enforced: (r.Mode ?? 'Enforce') === 'Enforce',
      // No recipient scope means every recipient, outside ones included; a rule scoped to senders
      // outside the school never touches staff mail.
      appliesToExternal: (r.SentToScope ?? 'NotInOrganization') === 'NotInOrganization' && (r.FromScope ?? 'InOrganization') === 'InOrganization',
      text: r.ApplyHtmlDisclaimerText ?? '',
      // Group and recipient exceptions also stop the disclaimer, so they are reported alongside senders.
      exceptFrom: [...(r.ExceptIfFrom ?? []), ...(r.ExceptIfFromMemberOf ?? []), ...(r.ExceptIfSentTo ?? [])],
    }));
}

/**
 * The policy that decides auto-forwarding for most people: the default outbound spam policy. A
 * custom policy set to On loosens it for the people it covers, so that one is reported instead.
 */
export function effectiveSpamPolicy(policies: SpamPolicyRow[]): SpamPolicyRow | undefined {
  return policies.find((p) => (p.AutoForwardingMode ?? '').toLowerCase() === 'on') ?? policies.find((p) => p.IsDefault) ?? policies[0];
}

const MODES = { on: 'on', off: 'off', automatic: 'automatic' } as const;

/** "730.00:00:00" (TimeSpan) or a day count → whole days. */
export function ageDays(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return value;
  const match = /^(\d+)(?:\.|$)/.exec(value ?? '');
  return match?.[1] ? Number(match[1]) : null;
}

/** Tenant-wide settings: disclaimer transport rules, auto-forwarding policy, retention (MRM) policies. */
export async function readTenant(ctx: MsContext, scope: AuditScope): Promise<Result<TenantSnapshot>> {
  const want = scope.checks;
  const ex = ctx.exchange;
  const [rules, policies, domains, retention, tags] = await Promise.all([
    want.has('disclaimer.missing') ? ex.invoke('Get-TransportRule', {}, transportRuleRowSchema, read) : null,
    want.has('forwarding.tenant-policy') ? ex.invoke('Get-HostedOutboundSpamFilterPolicy', {}, spamPolicySchema, read) : null,
    want.has('forwarding.tenant-policy') ? ex.invoke('Get-RemoteDomain', {}, remoteDomainSchema, read) : null,
    want.has('retention.policy-missing') ? ex.invoke('Get-RetentionPolicy', {}, retentionPolicySchema, read) : null,
    want.has('retention.policy-missing') ? ex.invoke('Get-RetentionPolicyTag', {}, retentionTagSchema, read) : null,
  ]);
  for (const r of [rules, policies, domains, retention, tags]) if (r && !r.ok) return r;

  const disclaimer: DisclaimerSetup = { kind: 'transport-rules', rules: rules?.ok ? disclaimerRules(rules.value) : [] };

  let autoForwarding: TenantSnapshot['autoForwarding'] = { readable: false, note: 'Not read in this run.', consoleUrl: CONSOLE };
  if (policies?.ok && domains?.ok) {
    const policy = effectiveSpamPolicy(policies.value);
    const mode = MODES[(policy?.AutoForwardingMode ?? 'Automatic').toLowerCase() as keyof typeof MODES] ?? 'automatic';
    autoForwarding = {
      readable: true,
      mode,
      policyName: policy ? policyName(policy) : 'Default',
      remoteDomainsAllowing: domains.value.filter((d) => d.AutoForwardEnabled !== false).map((d) => d.DomainName ?? d.Identity ?? '?'),
    };
  }

  let retentionOut: TenantSnapshot['retention'] = { readable: false, note: 'Not read in this run.', consoleUrl: CONSOLE };
  if (retention?.ok && tags?.ok) {
    const byName = new Map(tags.value.map((t) => [t.Name.toLowerCase(), t]));
    retentionOut = {
      readable: true,
      policies: retention.value.flatMap((p) =>
        (p.RetentionPolicyTagLinks ?? []).flatMap((link) => {
          const tag = byName.get(link.toLowerCase());
          if (!tag || tag.RetentionEnabled === false) return [];
          const days = ageDays(tag.AgeLimitForRetention);
          return [{
            name: `${p.Name}: ${tag.Name}`,
            months: days === null ? null : Math.round(days / 30.4),
            action: tag.RetentionAction ?? 'DeleteAndAllowRecovery',
            // The default MRM policy applies to every mailbox without its own; a tag of type All covers every folder.
            appliesToAll: p.IsDefault === true && (tag.Type ?? 'All') === 'All',
          }];
        }),
      ),
    };
  }
  return ok({ disclaimer, autoForwarding, retention: retentionOut });
}
