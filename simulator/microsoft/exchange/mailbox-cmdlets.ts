import type { SimContext } from '../../core/context.ts';
import type { MsUser } from '../../fixture/microsoft.ts';
import { liveUsers } from '../directory.ts';
import { markChanged } from '../state.ts';
import { DEFAULT_MAX_RECEIVE_BYTES, DEFAULT_MAX_SEND_BYTES, formatByteSize, parseByteSize } from './byte-size.ts';
import { asBool, text, has, invalid, notFound, param, success, unknownParam } from './cmdlet.ts';
import type { Cmdlet, Params, Row } from './cmdlet.ts';

type MailboxUser = MsUser & { mailbox: NonNullable<MsUser['mailbox']> };

const stripSmtp = (address: string): string => address.replace(/^smtp:/i, '');

/** Resolves -Identity as Exchange does: UPN, primary address, alias, proxy address, object id or name. */
export function findMailboxUser(ctx: SimContext, identity: string): MailboxUser | undefined {
  const key = stripSmtp(identity).toLowerCase();
  return liveUsers(ctx).find(
    (u): u is MailboxUser =>
      u.mailbox !== null &&
      [u.id, u.userPrincipalName, u.mail ?? '', u.userPrincipalName.split('@')[0] ?? '', u.displayName, ...u.proxyAddresses.map(stripSmtp)].some((v) => v.toLowerCase() === key),
  );
}

function defaultRetentionPolicy(ctx: SimContext): string | null {
  return ctx.fixture.microsoft?.retentionPolicies.find((p) => p.IsDefault)?.Name ?? null;
}

function mailboxRow(ctx: SimContext, u: MailboxUser): Row {
  const m = u.mailbox;
  const primary = u.mail ?? u.userPrincipalName;
  const alias = u.userPrincipalName.split('@')[0] ?? u.id;
  const proxies = u.proxyAddresses.length ? u.proxyAddresses : [`SMTP:${primary}`];
  return {
    Identity: alias,
    Name: alias,
    Alias: alias,
    DisplayName: u.displayName,
    UserPrincipalName: u.userPrincipalName,
    PrimarySmtpAddress: primary,
    EmailAddresses: proxies,
    ExternalDirectoryObjectId: u.id,
    Guid: u.id,
    RecipientType: 'UserMailbox',
    RecipientTypeDetails: m.type,
    AccountDisabled: !u.accountEnabled,
    IsMailboxEnabled: true,
    ForwardingSmtpAddress: m.forwardingSmtpAddress ? `smtp:${stripSmtp(m.forwardingSmtpAddress)}` : null,
    ForwardingAddress: m.forwardingAddress,
    DeliverToMailboxAndForward: m.deliverToMailboxAndForward,
    MaxSendSize: formatByteSize(m.maxSendSizeBytes ?? DEFAULT_MAX_SEND_BYTES),
    MaxReceiveSize: formatByteSize(DEFAULT_MAX_RECEIVE_BYTES),
    LitigationHoldEnabled: m.litigationHoldEnabled,
    InPlaceHolds: m.inPlaceHolds,
    RetentionPolicy: m.retentionPolicy ?? defaultRetentionPolicy(ctx),
    WhenCreated: u.createdDateTime,
    WhenMailboxCreated: u.createdDateTime,
  };
}

const getMailbox: Cmdlet = (ctx, params) => {
  const bad = unknownParam(params, ['Identity', 'ResultSize', 'RecipientTypeDetails', 'PropertySets', 'Properties']);
  if (bad) return bad;
  const identity = param(params, 'Identity');
  if (identity !== undefined) {
    const user = findMailboxUser(ctx, text(identity));
    return user ? success([mailboxRow(ctx, user)]) : notFound(text(identity));
  }
  const types = param(params, 'RecipientTypeDetails');
  const wanted = types === undefined ? undefined : (Array.isArray(types) ? types : text(types).split(',')).map((t) => text(t).trim().toLowerCase());
  const rows = liveUsers(ctx)
    .filter((u): u is MailboxUser => u.mailbox !== null)
    .filter((u) => !wanted || wanted.includes(u.mailbox.type.toLowerCase()))
    .map((u) => mailboxRow(ctx, u));
  return success(rows);
};

const SET_MAILBOX_PARAMS = ['Identity', 'ForwardingSmtpAddress', 'ForwardingAddress', 'DeliverToMailboxAndForward', 'MaxSendSize', 'Type', 'LitigationHoldEnabled', 'RetentionPolicy'];

const setMailbox: Cmdlet = (ctx, params) => {
  const bad = unknownParam(params, SET_MAILBOX_PARAMS);
  if (bad) return bad;
  const identity = param(params, 'Identity');
  if (identity === undefined) return invalid("Cannot process command because of one or more missing mandatory parameters: Identity.");
  const user = findMailboxUser(ctx, text(identity));
  if (!user) return notFound(text(identity));
  const next = { ...user.mailbox };
  if (has(params, 'ForwardingSmtpAddress')) {
    const v = param(params, 'ForwardingSmtpAddress');
    next.forwardingSmtpAddress = v === null || v === '' ? null : stripSmtp(text(v));
  }
  if (has(params, 'ForwardingAddress')) {
    const v = param(params, 'ForwardingAddress');
    next.forwardingAddress = v === null || v === '' ? null : text(v);
  }
  if (has(params, 'DeliverToMailboxAndForward')) {
    const v = asBool(param(params, 'DeliverToMailboxAndForward'));
    if (v === undefined) return invalid("Cannot process argument transformation on parameter 'DeliverToMailboxAndForward'. Expected a boolean.");
    next.deliverToMailboxAndForward = v;
  }
  if (has(params, 'LitigationHoldEnabled')) {
    const v = asBool(param(params, 'LitigationHoldEnabled'));
    if (v === undefined) return invalid("Cannot process argument transformation on parameter 'LitigationHoldEnabled'. Expected a boolean.");
    next.litigationHoldEnabled = v;
  }
  if (has(params, 'MaxSendSize')) {
    const raw = param(params, 'MaxSendSize');
    const bytes = text(raw).toLowerCase() === 'unlimited' ? null : parseByteSize(raw);
    if (bytes === undefined) return invalid(`Cannot process argument transformation on parameter 'MaxSendSize'. Cannot convert value "${text(raw)}" to type "Microsoft.Exchange.Data.Unlimited\`1[Microsoft.Exchange.Data.ByteQuantifiedSize]".`);
    next.maxSendSizeBytes = bytes;
  }
  if (has(params, 'RetentionPolicy')) {
    const v = param(params, 'RetentionPolicy');
    if (v !== null && !ctx.fixture.microsoft?.retentionPolicies.some((p) => p.Name === v)) return notFound(text(v));
    next.retentionPolicy = v === null ? null : text(v);
  }
  if (has(params, 'Type')) {
    const type = text(param(params, 'Type')).toLowerCase();
    const mapped = ({ shared: 'SharedMailbox', regular: 'UserMailbox', room: 'RoomMailbox' } as const)[type as 'shared' | 'regular' | 'room'];
    if (!mapped) return invalid(`Cannot process argument transformation on parameter 'Type'. Unknown value '${text(param(params, 'Type'))}'.`);
    next.type = mapped;
  }
  Object.assign(user.mailbox, next);
  markChanged(ctx);
  return success();
};

const AUTO_REPLY_STATE = { disabled: 'Disabled', alwaysEnabled: 'Enabled', scheduled: 'Scheduled' } as const;
const AUDIENCE = { none: 'None', contactsOnly: 'Known', all: 'All' } as const;

const getAutoReply: Cmdlet = (ctx, params: Params) => {
  const identity = text(param(params, 'Identity') ?? '');
  const user = findMailboxUser(ctx, identity);
  if (!user) return notFound(identity);
  const r = user.mailbox.autoReply;
  return success([{ Identity: user.userPrincipalName.split('@')[0], MailboxOwnerId: user.userPrincipalName, AutoReplyState: AUTO_REPLY_STATE[r.status], ExternalAudience: AUDIENCE[r.externalAudience], InternalMessage: r.internalReplyMessage, ExternalMessage: r.externalReplyMessage }]);
};

const setAutoReply: Cmdlet = (ctx, params) => {
  const bad = unknownParam(params, ['Identity', 'AutoReplyState', 'ExternalAudience', 'InternalMessage', 'ExternalMessage']);
  if (bad) return bad;
  const identity = text(param(params, 'Identity') ?? '');
  const user = findMailboxUser(ctx, identity);
  if (!user) return notFound(identity);
  const reply = user.mailbox.autoReply;
  const state = param(params, 'AutoReplyState');
  if (state !== undefined) {
    const found = Object.entries(AUTO_REPLY_STATE).find(([, v]) => v.toLowerCase() === text(state).toLowerCase());
    if (!found) return invalid(`Cannot process argument transformation on parameter 'AutoReplyState'. Unknown value '${text(state)}'.`);
    reply.status = found[0] as keyof typeof AUTO_REPLY_STATE;
  }
  const audience = param(params, 'ExternalAudience');
  if (audience !== undefined) {
    const found = Object.entries(AUDIENCE).find(([, v]) => v.toLowerCase() === text(audience).toLowerCase());
    if (!found) return invalid(`Cannot process argument transformation on parameter 'ExternalAudience'. Unknown value '${text(audience)}'.`);
    reply.externalAudience = found[0] as keyof typeof AUDIENCE;
  }
  if (has(params, 'InternalMessage')) reply.internalReplyMessage = text(param(params, 'InternalMessage') ?? '');
  if (has(params, 'ExternalMessage')) reply.externalReplyMessage = text(param(params, 'ExternalMessage') ?? '');
  markChanged(ctx);
  return success();
};

export const mailboxCmdlets: Record<string, Cmdlet> = {
  'Get-Mailbox': getMailbox,
  'Set-Mailbox': setMailbox,
  'Get-MailboxAutoReplyConfiguration': getAutoReply,
  'Set-MailboxAutoReplyConfiguration': setAutoReply,
};
