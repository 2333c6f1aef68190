import { normaliseText } from '../../src/domain/audit/addresses.ts';
import type { RemediationOutcome, RemediationRequest } from '../../src/domain/ports/tenant-connector.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import type { MsContext } from './context.ts';
import { ADMIN_ROLE, READ_ROLE } from './exchange-client.ts';
import { policyName, transportRuleRowSchema, type TransportRuleRow } from './tenant.ts';
import { z } from 'zod';

type Options = { dryRun: boolean };

const spamPolicySchema = z.object({ Identity: z.string().nullable().optional(), Name: z.string().nullable().optional(), IsDefault: z.boolean().nullable().optional(), AutoForwardingMode: z.string().nullable().optional() }).passthrough();
const anyRow = z.unknown();

/** disable-tenant-auto-forwarding: every outbound spam policy not already Off is set to Off. */
export async function disableTenantAutoForwarding(ctx: MsContext, _r: RemediationRequest, o: Options): Promise<Result<RemediationOutcome>> {
  const policies = await ctx.exchange.invoke('Get-HostedOutboundSpamFilterPolicy', {}, spamPolicySchema, { what: 'read outbound spam policies', permission: READ_ROLE });
  if (!policies.ok) return policies;
  const before = Object.fromEntries(policies.value.map((p) => [policyName(p), p.AutoForwardingMode ?? 'Automatic']));
  const toChange = policies.value.filter((p) => (p.AutoForwardingMode ?? 'Automatic').toLowerCase() !== 'off');
  if (toChange.length === 0) return ok({ changed: false, before, after: before, description: 'Automatic forwarding outside the school is already switched off for the whole organisation.' });
  const after = { ...before, ...Object.fromEntries(toChange.map((p) => [policyName(p), 'Off'])) };
  const names = toChange.map(policyName).join(', ');
  if (o.dryRun) return ok({ changed: true, before, after, description: `Would switch automatic external forwarding Off in the outbound policy ${names} (dry run: nothing changed).` });
  for (const p of toChange) {
    const set = await ctx.exchange.invoke('Set-HostedOutboundSpamFilterPolicy', { Identity: policyName(p), AutoForwardingMode: 'Off' }, anyRow, { what: 'switch automatic forwarding off', permission: ADMIN_ROLE });
    if (!set.ok) return set;
  }
  return ok({ changed: true, before, after, description: `Switched automatic external forwarding Off in the outbound policy ${names}. Forwarding rules pointing outside the school stop working.` });
}

const disclaimerParams = z.object({
  text: z.string().min(1),
  phrase: z.string().min(1).optional(),
  exemptSenders: z.array(z.string()).default([]),
  externalScope: z.boolean().default(true),
  enforce: z.boolean().default(true),
  enabled: z.boolean().default(true),
  name: z.string().min(1).default('Tutela: external email disclaimer'),
});

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const x = new Set(a.map((s) => s.toLowerCase()));
  const y = new Set(b.map((s) => s.toLowerCase()));
  return x.size === y.size && [...x].every((v) => y.has(v));
};

function ruleState(r: TransportRuleRow) {
  return { name: r.Name, enabled: (r.State ?? 'Enabled') === 'Enabled', mode: r.Mode ?? 'Enforce', sentToScope: r.SentToScope ?? null, text: r.ApplyHtmlDisclaimerText ?? null, exceptIfFrom: r.ExceptIfFrom ?? [] };
}

/**
 * repair-disclaimer-rule: make one transport rule append the disclaimer to external mail, enforced,
 * on, excepting exactly the exempt senders. The rule carrying the phrase is fixed in place (the
 * enabled one first); otherwise a new rule is created.
 */
export async function repairDisclaimerRule(ctx: MsContext, r: RemediationRequest, o: Options): Promise<Result<RemediationOutcome>> {
  const parsed = disclaimerParams.safeParse(r.params);
  if (!parsed.success) return err('invalid_input', `repair-disclaimer-rule params: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const p = parsed.data;
  const phrase = normaliseText(p.phrase ?? p.text);
  const rules = await ctx.exchange.invoke('Get-TransportRule', {}, transportRuleRowSchema, { what: 'read transport rules', permission: READ_ROLE });
  if (!rules.ok) return rules;
  const candidates = rules.value.filter((x) => x.ApplyHtmlDisclaimerText && normaliseText(x.ApplyHtmlDisclaimerText).includes(phrase));
  const existing = candidates.find((x) => (x.State ?? 'Enabled') === 'Enabled') ?? candidates[0] ?? rules.value.find((x) => x.Name === p.name);
  const desired = { enabled: p.enabled, mode: p.enforce ? 'Enforce' : 'Audit', sentToScope: p.externalScope ? 'NotInOrganization' : null, exceptIfFrom: p.exemptSenders };
  const write = (cmdlet: string, params: Record<string, unknown>) => ctx.exchange.invoke(cmdlet, params, anyRow, { what: 'change the disclaimer transport rule', permission: ADMIN_ROLE });

  if (!existing) {
    const after = { name: p.name, ...desired, text: p.text };
    if (o.dryRun) return ok({ changed: true, before: null, after, description: `Would create the transport rule "${p.name}" adding the disclaimer to email sent outside the school (dry run: nothing changed).` });
    const created = await write('New-TransportRule', {
      Name: p.name,
      FromScope: 'InOrganization',
      ...(p.externalScope ? { SentToScope: 'NotInOrganization' } : {}),
      ApplyHtmlDisclaimerText: p.text,
      ApplyHtmlDisclaimerLocation: 'Append',
      ApplyHtmlDisclaimerFallbackAction: 'Wrap',
      Mode: desired.mode,
      ExceptIfFrom: p.exemptSenders.length ? p.exemptSenders : null,
      Enabled: p.enabled,
    });
    if (!created.ok) return created;
    return ok({ changed: true, before: null, after, description: `Created the transport rule "${p.name}", which adds the disclaimer to email sent outside the school.` });
  }

  const before = ruleState(existing);
  const changes: Record<string, unknown> = {};
  if (!before.text || !normaliseText(before.text).includes(phrase)) changes.ApplyHtmlDisclaimerText = p.text;
  if (before.mode !== desired.mode) changes.Mode = desired.mode;
  if (p.externalScope && before.sentToScope !== 'NotInOrganization') changes.SentToScope = 'NotInOrganization';
  if (!sameSet(before.exceptIfFrom, p.exemptSenders)) changes.ExceptIfFrom = p.exemptSenders.length ? p.exemptSenders : null;
  const toggle = before.enabled !== desired.enabled;
  const after = {
    ...before,
    ...(changes.ApplyHtmlDisclaimerText ? { text: p.text } : {}),
    mode: desired.mode,
    sentToScope: p.externalScope ? 'NotInOrganization' : before.sentToScope,
    exceptIfFrom: p.exemptSenders,
    enabled: desired.enabled,
  };
  const what = [...Object.keys(changes), ...(toggle ? [desired.enabled ? 'switch it on' : 'switch it off'] : [])];
  if (what.length === 0) return ok({ changed: false, before, after: before, description: `The transport rule "${existing.Name}" already adds the disclaimer as the policy requires.` });
  if (o.dryRun) return ok({ changed: true, before, after, description: `Would fix the transport rule "${existing.Name}": ${what.join(', ')} (dry run: nothing changed).` });
  const identity = existing.Guid ?? existing.ImmutableId ?? existing.Name;
  if (Object.keys(changes).length) {
    const set = await write('Set-TransportRule', { Identity: identity, ...changes });
    if (!set.ok) return set;
  }
  // Set-TransportRule has no Enabled parameter; switching is its own cmdlet.
  if (toggle) {
    const flipped = await write(desired.enabled ? 'Enable-TransportRule' : 'Disable-TransportRule', { Identity: identity });
    if (!flipped.ok) return flipped;
  }
  return ok({ changed: true, before, after, description: `Fixed the transport rule "${existing.Name}": ${what.join(', ')}.` });
}
