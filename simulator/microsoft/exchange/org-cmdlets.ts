import type { SimContext } from '../../core/context.ts';
import { markChanged } from '../state.ts';
import { asBool, text, invalid, notFound, param, success, unknownParam } from './cmdlet.ts';
import type { Cmdlet, Row } from './cmdlet.ts';

const tenant = (ctx: SimContext) => ctx.fixture.microsoft;
const same = (a: string, b: unknown): boolean => a.toLowerCase() === text(b).toLowerCase();

/** Lists a collection, or the one item -Identity names. */
function getter<T extends { Identity?: string; Name?: string }>(list: (ctx: SimContext) => T[], row: (item: T) => Row): Cmdlet {
  return (ctx, params) => {
    const identity = param(params, 'Identity');
    const items = list(ctx);
    if (identity === undefined) return success(items.map(row));
    const item = items.find((i) => same(i.Identity ?? i.Name ?? '', identity));
    return item ? success([row(item)]) : notFound(text(identity));
  };
}

const setSpamPolicy: Cmdlet = (ctx, params) => {
  const bad = unknownParam(params, ['Identity', 'AutoForwardingMode']);
  if (bad) return bad;
  const policy = tenant(ctx)?.outboundSpamPolicies.find((p) => same(p.Identity, param(params, 'Identity')));
  if (!policy) return notFound(text(param(params, 'Identity')));
  const mode = param(params, 'AutoForwardingMode');
  if (mode !== undefined) {
    const valid = (['Automatic', 'On', 'Off'] as const).find((m) => same(m, mode));
    if (!valid) return invalid(`Cannot process argument transformation on parameter 'AutoForwardingMode'. Unknown value '${text(mode)}'.`);
    policy.AutoForwardingMode = valid;
  }
  markChanged(ctx);
  return success();
};

const setRemoteDomain: Cmdlet = (ctx, params) => {
  const bad = unknownParam(params, ['Identity', 'AutoForwardEnabled']);
  if (bad) return bad;
  const domain = tenant(ctx)?.remoteDomains.find((d) => same(d.Identity, param(params, 'Identity')));
  if (!domain) return notFound(text(param(params, 'Identity')));
  if (param(params, 'AutoForwardEnabled') !== undefined) {
    const value = asBool(param(params, 'AutoForwardEnabled'));
    if (value === undefined) return invalid("Cannot process argument transformation on parameter 'AutoForwardEnabled'. Expected a boolean.");
    domain.AutoForwardEnabled = value;
  }
  markChanged(ctx);
  return success();
};

/** Exchange prints retention ages as TimeSpan text ("365.00:00:00"). */
const timeSpan = (days: number | null): string | null => (days === null ? null : `${days}.00:00:00`);

export const orgCmdlets: Record<string, Cmdlet> = {
  'Get-HostedOutboundSpamFilterPolicy': getter((ctx) => tenant(ctx)?.outboundSpamPolicies ?? [], (p) => ({ Name: p.Identity, ...p })),
  'Set-HostedOutboundSpamFilterPolicy': setSpamPolicy,
  'Get-RemoteDomain': getter((ctx) => tenant(ctx)?.remoteDomains ?? [], (d) => ({ Name: d.Identity, ...d })),
  'Set-RemoteDomain': setRemoteDomain,
  'Get-RetentionPolicy': getter((ctx) => tenant(ctx)?.retentionPolicies ?? [], (p) => ({ Identity: p.Name, ...p })),
  'Get-RetentionPolicyTag': getter((ctx) => tenant(ctx)?.retentionPolicyTags ?? [], (t) => ({ Identity: t.Name, ...t, AgeLimitForRetention: timeSpan(t.AgeLimitForRetention) })),
};
