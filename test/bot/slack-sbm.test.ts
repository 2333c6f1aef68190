import { env } from 'cloudflare:workers';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upsertFindings } from '../../src/storage/findings.ts';
import { getAction, insertActionStatement } from '../../src/storage/remediations.ts';
import { api } from '../support/api.ts';
import { configureBots, postSlack, recorded, seedSchool, slackButtonPress } from './support.ts';

// The weekly card's Block Kit buttons through the real Slack route: signature checked by the route
// and slack-edge, the clicker read from the signed payload's user (users.info → directory).
const SCHOOL = 'slack-sbm';
const people: Record<string, string> = { USBM: `sbm@${SCHOOL}.sch.uk`, UTEACH: `teacher@${SCHOOL}.sch.uk` };
const responded: Record<string, unknown>[] = [];

const server = setupServer(
  http.post('https://slack.com/api/auth.test', () => HttpResponse.json({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' })),
  http.post('https://slack.com/api/users.info', async ({ request }) => {
    const { user } = (await request.json()) as { user: string };
    return HttpResponse.json({ ok: true, user: { id: user, profile: { email: people[user] ?? 'stranger@elsewhere.com' } } });
  }),
  http.post('https://hooks.slack.com/actions/T1/:id/:secret', async ({ request }) => {
    responded.push((await request.json()) as Record<string, unknown>);
    return HttpResponse.text('ok');
  }),
);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  configureBots();
  await seedSchool(SCHOOL, 'tenant-slack-sbm', [{ id: 'aad-sbm', email: people.USBM ?? '' }, { id: 'aad-teacher', email: people.UTEACH ?? '' }], 'slack');
  await api('PUT', `/api/schools/${SCHOOL}/profile`, `school:\n  name: Slack SBM School\n  contacts: { sbm: { name: Office, email: ${people.USBM} } }\ndomains: { internal: [${SCHOOL}.sch.uk] }\nremediation: { forwarding.inbox-rule-external: approve }\n`, { 'content-type': 'text/yaml' });
});
beforeEach(() => {
  responded.length = 0;
});
afterAll(() => server.close());

async function pendingFix(): Promise<string> {
  const [findingId] = await upsertFindings(env.DB, {
    schoolId: SCHOOL,
    runId: `run-${crypto.randomUUID()}`,
    now: new Date(),
    findings: [{ checkId: 'forwarding.inbox-rule-external', severity: 'high', provider: 'microsoft365', subject: { id: 'aad-teacher', email: people.UTEACH ?? '', item: crypto.randomUUID() }, summary: 'Forwards to Gmail.', evidence: {}, policyRef: 'forwarding.external', remediation: { available: true, action: 'disable-inbox-rule', mode: 'approve' } }],
  });
  const actionId = crypto.randomUUID();
  await insertActionStatement(env.DB, { id: actionId, schoolId: SCHOOL, findingId: findingId ?? null, checkId: 'forwarding.inbox-rule-external', action: 'disable-inbox-rule', mode: 'approve', dryRun: false, status: 'pending-approval', params: {}, requestedBy: 'test', idempotencyKey: actionId }, new Date()).run();
  return actionId;
}

/** Presses a button on the weekly card as `user`; the route acks every signed press with 200. */
async function press(user: string, actionId: string, value: unknown): Promise<Response> {
  const res = await postSlack('/bot/slack/events', slackButtonPress(user, actionId, value), 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  return res;
}

describe('weekly card buttons through the Slack bot', () => {
  it('refuses a teacher, whatever the button value says, and leaves the card alone', async () => {
    const actionId = await pendingFix();
    // A value that names the SBM changes nothing: only the signed payload's user counts.
    await press('UTEACH', 'sbm.remediation.approve', { schoolId: SCHOOL, actionId, email: people.USBM, userKey: 'slack:T1:USBM' });
    const [reply] = await recorded(responded, 1);
    expect(reply).toEqual({ text: 'Only the School Business Manager or an administrator can do this.', response_type: 'ephemeral' });
    expect((await getAction(env.DB, actionId))?.status).toBe('pending-approval');
  });

  it('lets the SBM reject a fix and replaces the message with the card rebuilt', async () => {
    const actionId = await pendingFix();
    await press('USBM', 'sbm.remediation.reject', { schoolId: SCHOOL, actionId });
    const [reply] = await recorded(responded, 1);
    expect(reply).toMatchObject({ replace_original: true, text: expect.stringContaining('Email policy this week for School slack-sbm') as string });
    expect(JSON.stringify(reply)).toContain(`Fix rejected by ${people.USBM}`);
    expect((await getAction(env.DB, actionId))?.status).toBe('rejected');
    // The rebuilt card's buttons carry verbs the Slack route handles, and values naming only the school and item.
    const buttons = ((reply?.blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
    expect(buttons.map((b) => b.action_id)).toContain('sbm.weekly.refresh');
    for (const b of buttons.filter((x) => x.action_id?.startsWith('sbm.'))) expect(Object.keys(JSON.parse(b.value ?? '{}') as object)).not.toContain('email');
  });
});
