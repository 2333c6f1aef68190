import { beforeAll, describe, expect, it } from 'vitest';
import { USER_QUOTA_UNITS_PER_MINUTE, gmailCost } from './quota.ts';
import { scope } from './scopes.ts';
import { DIRECTORY, GMAIL, api, createSimulator, email, schoolFixture, serviceAccountKey, tokenFor } from './test-kit.ts';
import type { ServiceAccountKey } from './test-kit.ts';

interface GoogleErrorBody {
  error: { code: number; message: string; errors: { reason: string }[] };
}

/** A batch of `count` identical batchModify parts (the most expensive call the connector makes). */
function batchModifyBatch(count: number): { body: string; boundary: string } {
  const boundary = 'quota_batch';
  const part = ['Content-Type: application/http', '', 'POST /gmail/v1/users/me/messages/batchModify HTTP/1.1', 'Content-Type: application/json', '', '{"ids":["m-spam"],"addLabelIds":["TRASH"]}'].join('\r\n');
  return { boundary, body: Array.from({ length: count }, () => `--${boundary}\r\n${part}\r\n`).join('') + `--${boundary}--\r\n` };
}

describe('Google realism: quota, deletion mid-run', () => {
  let key: ServiceAccountKey;
  beforeAll(async () => {
    key = await serviceAccountKey();
  });

  it('answers 429 rateLimitExceeded with Retry-After once a user spends 15,000 units in a minute', async () => {
    const sim = createSimulator(schoolFixture(key.publicKeyPem));
    const teacher = await tokenFor(sim, key, email('teacher'), [scope.modify]);
    const { body, boundary } = batchModifyBatch(100);
    const batches = USER_QUOTA_UNITS_PER_MINUTE / (100 * gmailCost['messages.batchModify']);
    expect(batches).toBe(3);
    for (let i = 0; i < batches; i += 1) {
      const response = await sim.fetch(
        new Request('https://gmail.googleapis.com/batch/gmail/v1', { method: 'POST', headers: { authorization: `Bearer ${teacher}`, 'content-type': `multipart/mixed; boundary=${boundary}` }, body }),
      );
      const text = new TextDecoder().decode(await response.arrayBuffer());
      expect(text.match(/HTTP\/1\.1 204/g)).toHaveLength(100);
    }
    const refused = await api(sim, teacher, 'GET', `${GMAIL}/me/messages?maxResults=1`);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const error: GoogleErrorBody = await refused.json();
    expect(error.error.errors[0]?.reason).toBe('rateLimitExceeded');
    expect(error.error.message).toMatch(/^User-rate limit exceeded/);

    const admin = await tokenFor(sim, key, email('admin'), [scope.modify]);
    expect((await api(sim, admin, 'GET', `${GMAIL}/me/messages?maxResults=1`)).status).toBe(200);
  });

  it('answers 404 for a user deleted mid-run, in the Directory and in Gmail, and mints no more tokens', async () => {
    const sim = createSimulator(schoolFixture(key.publicKeyPem, { deleteMidRun: [{ email: email('leaver'), afterRequests: 3 }] }));
    const admin = await tokenFor(sim, key, email('admin'), [scope.directoryUserReadonly]);
    const leaver = await tokenFor(sim, key, email('leaver'), [scope.settingsBasic]);

    expect((await api(sim, admin, 'GET', `${DIRECTORY}/${email('leaver')}`)).status).toBe(200);
    expect((await api(sim, leaver, 'GET', `${GMAIL}/me/settings/autoForwarding`)).status).toBe(200);

    const gone = await api(sim, leaver, 'GET', `${GMAIL}/me/settings/autoForwarding`);
    expect(gone.status).toBe(404);
    expect((await gone.json<GoogleErrorBody>()).error.message).toBe('Requested entity was not found.');
    const directory = await api(sim, admin, 'GET', `${DIRECTORY}/${email('leaver')}`);
    expect(directory.status).toBe(404);
    expect((await directory.json<GoogleErrorBody>()).error.message).toBe('Resource Not Found: userKey');
    const listed: { users?: { primaryEmail: string }[] } = await (await api(sim, admin, 'GET', `${DIRECTORY}?customer=my_customer&maxResults=500`)).json();
    expect(listed.users?.map((u) => u.primaryEmail)).not.toContain(email('leaver'));
    await expect(tokenFor(sim, key, email('leaver'), [scope.settingsBasic])).rejects.toThrow(/invalid_grant/);
  });
});
