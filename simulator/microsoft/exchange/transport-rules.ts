import type { SimContext } from '../../core/context.ts';
import { transportRuleSchema } from '../../fixture/microsoft.ts';
import type { MicrosoftTenant } from '../../fixture/microsoft.ts';
import { markChanged } from '../state.ts';
import { asBool, text, asStringList, invalid, notFound, param, success, unknownParam } from './cmdlet.ts';
import type { Cmdlet, Params, Row } from './cmdlet.ts';

type Rule = MicrosoftTenant['transportRules'][number];

const EDITABLE = ['Priority', 'Mode', 'FromScope', 'SentToScope', 'ApplyHtmlDisclaimerText', 'ApplyHtmlDisclaimerLocation', 'ApplyHtmlDisclaimerFallbackAction', 'ExceptIfFrom', 'ExceptIfSentTo', 'ExceptIfFromMemberOf'] as const;
const LISTS = new Set(['ExceptIfFrom', 'ExceptIfSentTo', 'ExceptIfFromMemberOf']);

const rulesOf = (ctx: SimContext): Rule[] => ctx.fixture.microsoft?.transportRules ?? [];

function findRule(ctx: SimContext, identity: unknown): Rule | undefined {
  const key = text(identity).toLowerCase();
  return rulesOf(ctx).find((r) => r.Name.toLowerCase() === key || r.Guid.toLowerCase() === key);
}

const ruleRow = (r: Rule): Row => ({ Identity: r.Name, DistinguishedName: `CN=${r.Name},CN=TransportVersioned,CN=Rules,CN=Transport Settings`, ImmutableId: r.Guid, ...r });

/** Applies Set-/New-TransportRule parameters onto a copy, validated by the fixture schema. */
function applied(rule: Rule, params: Params): { ok: true; rule: Rule } | { ok: false; message: string } {
  const next: Record<string, unknown> = { ...rule };
  for (const name of EDITABLE) {
    const value = param(params, name);
    if (value === undefined) continue;
    next[name] = LISTS.has(name) ? asStringList(value) : value;
  }
  const enabled = param(params, 'Enabled');
  if (enabled !== undefined) next.State = asBool(enabled) === false ? 'Disabled' : 'Enabled';
  const parsed = transportRuleSchema.safeParse(next);
  return parsed.success ? { ok: true, rule: parsed.data } : { ok: false, message: parsed.error.issues.map((i) => `Cannot bind parameter '${i.path.join('.')}': ${i.message}`).join('; ') };
}

const getRule: Cmdlet = (ctx, params) => {
  const identity = param(params, 'Identity');
  if (identity === undefined) return success([...rulesOf(ctx)].sort((a, b) => a.Priority - b.Priority).map(ruleRow));
  const rule = findRule(ctx, identity);
  return rule ? success([ruleRow(rule)]) : notFound(text(identity));
};

const newRule: Cmdlet = (ctx, params) => {
  const bad = unknownParam(params, ['Name', 'Enabled', ...EDITABLE]);
  if (bad) return bad;
  const name = param(params, 'Name');
  if (typeof name !== 'string' || !name) return invalid('Cannot process command because of one or more missing mandatory parameters: Name.');
  if (findRule(ctx, name)) return { ok: false, status: 400, code: 'BadRequest', message: `A transport rule with the name '${name}' already exists.` };
  const base = transportRuleSchema.parse({ Guid: crypto.randomUUID(), Name: name, Priority: rulesOf(ctx).length });
  const result = applied(base, params);
  if (!result.ok) return invalid(result.message);
  ctx.fixture.microsoft?.transportRules.push(result.rule);
  markChanged(ctx);
  return success([ruleRow(result.rule)]);
};

const setRule: Cmdlet = (ctx, params) => {
  const bad = unknownParam(params, ['Identity', 'Name', ...EDITABLE]);
  if (bad) return bad;
  const rule = findRule(ctx, param(params, 'Identity'));
  if (!rule) return notFound(text(param(params, 'Identity')));
  const result = applied(rule, params);
  if (!result.ok) return invalid(result.message);
  const name = param(params, 'Name');
  Object.assign(rule, result.rule, typeof name === 'string' && name ? { Name: name } : {});
  markChanged(ctx);
  return success();
};

const toggle = (state: 'Enabled' | 'Disabled'): Cmdlet => (ctx, params) => {
  const rule = findRule(ctx, param(params, 'Identity'));
  if (!rule) return notFound(text(param(params, 'Identity')));
  rule.State = state;
  markChanged(ctx);
  return success();
};

export const transportRuleCmdlets: Record<string, Cmdlet> = {
  'Get-TransportRule': getRule,
  'New-TransportRule': newRule,
  'Set-TransportRule': setRule,
  'Enable-TransportRule': toggle('Enabled'),
  'Disable-TransportRule': toggle('Disabled'),
};
