import { describe, expect, it } from 'vitest';
import { checkIds, providers, severities } from './ids.ts';
import { catalogueEntry, checkCatalogue, isRemediable, remediableCheckIds } from './catalogue.ts';
import { policyProfileSchema } from '../profile/schema.ts';
import { minimalData } from '../profile/test-profiles.ts';

describe('check catalogue', () => {
  it('catalogues every check id exactly once and nothing else', () => {
    const ids = checkCatalogue.map((c) => c.id);
    expect(ids.toSorted()).toEqual([...checkIds].toSorted());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points every check at a rule that exists in a parsed profile', () => {
    const profile: unknown = policyProfileSchema.parse(minimalData);
    for (const entry of checkCatalogue) {
      let node = profile;
      for (const key of entry.policyRef.split('.')) {
        expect(node, `${entry.id}: ${entry.policyRef}`).toBeTypeOf('object');
        expect(Object.keys(node as object), `${entry.id}: ${entry.policyRef}`).toContain(key);
        node = (node as Record<string, unknown>)[key];
      }
    }
  });

  it('describes each check for people and uses known severities', () => {
    for (const entry of checkCatalogue) {
      expect(severities).toContain(entry.severity);
      expect(entry.title.length, entry.id).toBeGreaterThan(10);
      expect(entry.detects, entry.id).toMatch(/^[A-Z].{30,}\.$/);
    }
  });

  it('gives every provider either permissions to read or a note saying why it cannot', () => {
    for (const entry of checkCatalogue) {
      for (const provider of providers) {
        const support = entry.providers[provider];
        if (support.read.length === 0) expect(support.notes.join(' '), `${entry.id} on ${provider}`).toMatch(/not verifiable|not readable/);
      }
    }
  });

  it('lists permissions for remediation only where remediation exists on that provider', () => {
    for (const entry of checkCatalogue) {
      for (const provider of providers) {
        const offered = entry.remediation?.providers.some((p) => p === provider) ?? false;
        expect(entry.providers[provider].remediate.length > 0, `${entry.id} on ${provider}`).toBe(offered);
      }
    }
  });

  it('names Google scopes as full scope URLs and Graph permissions in Graph style', () => {
    const all = checkCatalogue.flatMap((c) => providers.flatMap((p) => [...c.providers[p].read, ...c.providers[p].remediate]));
    for (const permission of all) {
      if (permission.kind === 'google-scope') expect(permission.name).toMatch(/^https:\/\/www\.googleapis\.com\/auth\/[a-z.-]+$/);
      if (permission.kind === 'graph-application') expect(permission.name).toMatch(/^[A-Z][A-Za-z]+(\.[A-Z][A-Za-z]+)+$/);
    }
  });

  it('keeps the least-privilege facts the connectors rely on', () => {
    const names = (id: (typeof checkIds)[number], provider: (typeof providers)[number], kind: 'read' | 'remediate') =>
      catalogueEntry(id).providers[provider][kind].map((p) => p.name);
    expect(names('forwarding.inbox-rule-external', 'microsoft365', 'read')).toContain('MailboxSettings.Read');
    expect(names('forwarding.mailbox-external', 'microsoft365', 'read')).toContain('Exchange.ManageAsApp');
    expect(names('forwarding.mailbox-external', 'google-workspace', 'remediate')).toEqual(['https://www.googleapis.com/auth/gmail.settings.sharing']);
    expect(names('accounts.dormant', 'microsoft365', 'read')).toEqual(expect.arrayContaining(['AuditLog.Read.All', 'Reports.Read.All']));
    expect(names('accounts.leaver-active', 'microsoft365', 'remediate')).toEqual(expect.arrayContaining(['User.EnableDisableAccount.All', 'User.RevokeSessions.All']));
    expect(names('recipients.exposed', 'google-workspace', 'read')).toContain('https://www.googleapis.com/auth/gmail.metadata');
  });

  it('names an action for exactly the providers a remediation is offered on', () => {
    for (const entry of checkCatalogue) {
      if (!entry.remediation) continue;
      expect(Object.keys(entry.remediation.actions).toSorted(), entry.id).toEqual([...entry.remediation.providers].toSorted());
      for (const action of Object.values(entry.remediation.actions)) expect(action, entry.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
    }
  });

  it('derives the remediable ids from the entries', () => {
    expect(remediableCheckIds).toEqual(checkCatalogue.filter((c) => c.remediation !== null).map((c) => c.id));
    expect(isRemediable('recipients.exposed')).toBe(false);
    expect(isRemediable('forwarding.mailbox-external')).toBe(true);
    expect(isRemediable('no.such-check')).toBe(false);
  });
});
