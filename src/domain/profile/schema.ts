import { z } from 'zod';
import { checkIds, remediationModes } from '../checks/ids.ts';
import { catalogueEntry, isRemediable, remediableCheckIds } from '../checks/catalogue.ts';
import { byteSize, clockTime, domain, email, slug, text, uniqueList, wholeDays } from './fields.ts';

/**
 * A school's email policy in machine terms. docs/profile.md documents every field; defaults are the
 * baseline a UK school would accept when its written policy is silent.
 */

const contact = z.strictObject({ name: text, email });
const helpdesk = z
  .strictObject({ name: text, email: email.optional(), phone: text.optional(), url: z.url({ error: 'must be a web address' }).optional() })
  .refine((c) => c.email ?? c.phone ?? c.url, { error: 'give at least one of email, phone or url' });

const school = z.strictObject({
  name: text,
  id: slug.optional(),
  contacts: z.strictObject({
    /** Whoever runs the office: the bot's default "ask …" when it abstains. */
    sbm: contact,
    itSupport: helpdesk.optional(),
    dpo: z.strictObject({ name: text.optional(), email }).optional(),
  }),
});

const domains = z.strictObject({
  internal: uniqueList(domain).min(1, { error: 'list at least one school or trust domain' }),
});

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

const disclaimer = z
  .strictObject({
    required: z.boolean().default(false),
    phrase: text.optional(),
    text: text.optional(),
    appliesTo: z.literal('external', { error: 'only "external" is supported: internal mail never needs the disclaimer' }).default('external'),
    exemptSenders: uniqueList(email).default([]),
  })
  .superRefine((d, ctx) => {
    // Without a phrase the checks can only confirm that an organisation-wide disclaimer rule exists.
    if (d.text && d.phrase && !squash(d.text).includes(squash(d.phrase))) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: `must contain the phrase "${d.phrase}"` });
    }
  });

const forwarding = z.strictObject({
  external: z.enum(['blocked', 'allowed']).default('blocked'),
  internal: z.enum(['allowed', 'blocked']).default('allowed'),
  allowedExternalDomains: uniqueList(domain).default([]),
});

const retention = z.strictObject({
  months: z.number().int({ error: 'must be a whole number of months' }).positive({ error: 'must be at least 1' }).nullable().default(null),
  action: z.enum(['report', 'soft-delete']).default('report'),
  holdExemptions: uniqueList(email).default([]),
});

const breaker = z.strictObject({
  maxDisables: z.number().int().positive().default(3),
  maxPercent: z.number().positive().max(100).default(10),
  minFeedRatio: z.number().positive().max(1).default(0.8),
});

const disableAtHint = 'must be "immediately" or a 24-hour time "HH:MM", e.g. "17:00"';

const leavers = z.strictObject({
  disableAt: z.union([z.literal('immediately'), clockTime(disableAtHint)], { error: disableAtHint }).default('17:00'),
  mailboxRetentionDays: z.number().int().nonnegative().default(30),
  protectedAccounts: uniqueList(email).default([]),
  breaker: breaker.prefault({}),
  autoReply: text.optional(),
  convertToShared: z.boolean().default(false),
  removeLicences: z.boolean().default(false),
});

const audience = z.union([z.literal('all-staff'), z.literal('starters'), z.strictObject({ group: email })], {
  error: 'must be "all-staff", "starters" or { group: <group email> }',
});

const acknowledgements = z.strictObject({
  campaigns: z
    .array(z.strictObject({ document: slug, audience, dueDays: wholeDays.default(14), annual: z.boolean().default(false) }))
    .default([])
    .superRefine((campaigns, ctx) => {
      const seen = new Set<string>();
      campaigns.forEach((c, i) => {
        const key = `${c.document}|${JSON.stringify(c.audience)}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `a campaign for "${c.document}" with this audience already exists` });
        seen.add(key);
      });
    }),
  starterDays: wholeDays.default(14),
});

const bot = z.strictObject({
  /** Workers AI words answered questions (grounded in the cited text), when the deployment binds it. */
  generativeWording: z.boolean().default(false),
});

const remediation = z.record(z.string(), z.enum(remediationModes)).default({}).superRefine((modes, ctx) => {
  for (const id of Object.keys(modes)) {
    if (isRemediable(id)) continue;
    const message = (checkIds as readonly string[]).includes(id)
      ? `check "${id}" offers no remediation, so it can only report; remove it`
      : `unknown check id "${id}"; remediable checks are ${remediableCheckIds.join(', ')}`;
    ctx.addIssue({ code: 'custom', path: [id], message });
  }
});

export const policyProfileSchema = z
  .strictObject({
    school,
    domains,
    disclaimer: disclaimer.prefault({}),
    forwarding: forwarding.prefault({}),
    deletionRules: z.strictObject({ blocked: z.boolean().default(false) }).prefault({}),
    attachments: z.strictObject({ maxBytes: byteSize.nullable().default(null) }).prefault({}),
    retention: retention.prefault({}),
    leavers: leavers.prefault({}),
    dormantAccounts: z.strictObject({ days: wholeDays.nullable().default(90) }).prefault({}),
    recipients: z.strictObject({ exposedThreshold: z.number().int().positive().nullable().default(10) }).prefault({}),
    acknowledgements: acknowledgements.prefault({}),
    bot: bot.prefault({}),
    remediation,
  })
  .superRefine((p, ctx) => {
    // Rules that involve two sections; each issue points at the remediation entry the user wrote.
    for (const [id, mode] of Object.entries(p.remediation)) {
      if (!isRemediable(id) || mode === 'report') continue;
      const path = ['remediation', id];
      if (mode === 'auto' && !catalogueEntry(id).remediation?.autoAllowed) {
        ctx.addIssue({ code: 'custom', path, message: `"auto" is not allowed for ${id}; use "approve" so a person confirms each change` });
      }
      if (id === 'disclaimer.missing' && !p.disclaimer.text) {
        ctx.addIssue({ code: 'custom', path, message: 'needs disclaimer.text: Tutela can only add a disclaimer whose full text it knows' });
      }
      if (id === 'retention.overdue' && (p.retention.action !== 'soft-delete' || p.retention.months === null)) {
        ctx.addIssue({ code: 'custom', path, message: 'needs retention.months and retention.action "soft-delete"; otherwise overdue mail is only reported' });
      }
      if (id === 'attachments.limit-config' && p.attachments.maxBytes === null) {
        ctx.addIssue({ code: 'custom', path, message: 'needs attachments.maxBytes: there is no limit to apply' });
      }
    }
  });

/** What a profile looks like after parsing: every default filled in, sizes in bytes. */
export type PolicyProfile = z.output<typeof policyProfileSchema>;
/** What a school may write: optional sections, sizes as text. */
export type PolicyProfileInput = z.input<typeof policyProfileSchema>;

export { modeFor } from './modes.ts';
