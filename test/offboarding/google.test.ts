import { describe, expect, it } from 'vitest';
import { createGoogleConnector } from '../../connectors/google-workspace/index.ts';
import { config, googleDelegatedScopes, KEY_REF, makeKey, school } from '../../connectors/google-workspace/test-support.ts';
import { createSimulator } from '../../simulator/app.ts';
import type { OffboardingStep } from '../../src/domain/ports/offboarding.ts';

const SECURITY = 'https://www.googleapis.com/auth/admin.directory.user.security';

describe('Google Workspace offboarding operations', () => {
  it('suspends, signs out, removes external forwarding, sets the vacation responder; each check-before-act', async () => {
    const key = await makeKey();
    const sim = createSimulator(school(key, { scopes: [...googleDelegatedScopes, SECURITY] }));
    const users = sim.ctx.fixture.google?.users ?? [];
    const user = users.find((u) => !u.suspended && !u.isAdmin && u.externalIds.length > 0 && !/^(head|bursar)@/.test(u.primaryEmail));
    if (!user) throw new Error('no ordinary user');
    user.gmail.autoForwarding = { enabled: true, emailAddress: 'me@gmail.com', disposition: 'leaveInInbox' };
    user.gmail.filters.push({ id: 'f-out', criteria: { from: 'parents' }, action: { forward: 'me@gmail.com' } });
    user.gmail.filters.push({ id: 'f-in', criteria: { from: 'head' }, action: { forward: 'deputy@oakfieldprimary.sch.uk' } });
    const connector = createGoogleConnector(config(), { secrets: (n) => (n === KEY_REF ? key.privatePem : undefined), fetch: (i, init) => sim.fetch(new Request(i, init)) });
    const port = connector.offboarding;
    if (!port) throw new Error('no offboarding port');
    expect(port.steps.has('convert-to-shared')).toBe(false);
    const subject = { id: user.id, email: user.primaryEmail };
    const params = { since: new Date('2026-11-20T17:00:00Z'), internalDomains: ['oakfieldprimary.sch.uk', 'brightpath-trust.org.uk'], autoReply: 'This person has left the school.' };

    // Gmail refuses to act as a suspended user, so the port puts mailbox settings before the suspension.
    const steps = port.order.filter((s): s is OffboardingStep => s !== 'delete-account');
    expect(steps).toEqual(['remove-forwarding', 'set-auto-reply', 'disable-sign-in', 'revoke-sessions']);
    for (const step of steps) {
      const before = await port.inspect(step, subject, params);
      expect(before.ok && before.value.compliant, step).toBe(false);
      const applied = await port.apply(step, subject, params);
      expect(applied.ok ? 'ok' : applied.error.message, step).toBe('ok');
      const after = await port.inspect(step, subject, params);
      // Sign-out leaves no readable trace in the Directory API: it is repeated, harmlessly, if redelivered.
      if (step !== 'revoke-sessions') expect(after.ok && after.value.compliant, step).toBe(true);
    }
    expect(user.suspended).toBe(true);
    expect(user.signedOutAt).not.toBeNull();
    expect(user.gmail.autoForwarding.enabled).toBe(false);
    expect(user.gmail.filters.map((f) => f.id)).toEqual(expect.not.arrayContaining(['f-out']));
    expect(user.gmail.filters.map((f) => f.id)).toContain('f-in');
    expect(user.gmail.vacation.enableAutoReply).toBe(true);

    const back = await port.reenable(subject);
    expect(back.ok && back.value.changed).toBe(true);
    expect(user.suspended).toBe(false);
  });
});
