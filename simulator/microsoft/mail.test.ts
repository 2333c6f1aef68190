import { beforeEach, describe, expect, it } from 'vitest';
import { useSimulator } from '../../test/support/simulator.ts';
import { msFixture, userId } from './test-fixture.ts';
import { graph, pageAll, secretToken } from './test-client.ts';

interface Rule { id: string; displayName: string; isEnabled: boolean; actions: Record<string, unknown> }
interface Message { id: string; subject?: string; hasAttachments?: boolean; parentFolderId?: string; attachments?: { name: string; size: number }[] }

const env = useSimulator(msFixture());
let token: string;
const u1 = userId(1);
beforeEach(async () => {
  env.reset();
  token = await secretToken();
});

describe('inbox rules', () => {
  it('lists, creates, patches and deletes, and the fixture follows', async () => {
    const list = await (await graph(token, `/users/${u1}/mailFolders/inbox/messageRules`)).json<{ value: Rule[] }>();
    expect(list.value.map((r) => r.id)).toEqual(['rule-1', 'rule-2']);
    expect(list.value[0]?.actions).toEqual({ forwardTo: [{ emailAddress: { address: 'me@gmail.com' } }] });

    const patched = await graph(token, `/users/${u1}/mailFolders/inbox/messageRules/rule-1`, { method: 'PATCH', body: JSON.stringify({ isEnabled: false }) });
    expect(patched.status).toBe(200);
    const stored = () => env.sim.ctx.fixture.microsoft?.users.find((u) => u.id === u1)?.mailbox?.inboxRules ?? [];
    expect(stored().find((r) => r.id === 'rule-1')?.isEnabled).toBe(false);

    const created = await graph(token, `/users/${u1}/mailFolders/inbox/messageRules`, {
      method: 'POST',
      body: JSON.stringify({ displayName: 'Move to archive', sequence: 3, actions: { moveToFolder: `${u1}-archive`, stopProcessingRules: true } }),
    });
    expect(created.status).toBe(201);
    const newId = (await created.json<Rule>()).id;
    expect(stored().map((r) => r.displayName)).toContain('Move to archive');

    expect((await graph(token, `/users/${u1}/mailFolders/inbox/messageRules/rule-2`, { method: 'DELETE' })).status).toBe(204);
    expect(stored().map((r) => r.id)).toEqual(['rule-1', newId]);
    expect((await graph(token, `/users/${u1}/mailFolders/inbox/messageRules/rule-2`)).status).toBe(404);
  });

  it('refuses an unknown action and needs MailboxSettings.ReadWrite to write', async () => {
    const bad = await graph(token, `/users/${u1}/mailFolders/inbox/messageRules`, { method: 'POST', body: JSON.stringify({ displayName: 'x', actions: { teleport: true } }) });
    expect(bad.status).toBe(400);
    env.reset(msFixture({ realism: { withheldPermissions: ['MailboxSettings.ReadWrite'] } }));
    const t = await secretToken();
    expect((await graph(t, `/users/${u1}/mailFolders/inbox/messageRules`)).status).toBe(200);
    const denied = await graph(t, `/users/${u1}/mailFolders/inbox/messageRules/rule-1`, { method: 'PATCH', body: JSON.stringify({ isEnabled: false }) });
    expect(denied.status).toBe(403);
    expect((await denied.json<{ error: { code: string } }>()).error.code).toBe('ErrorAccessDenied');
  });
});

describe('mail folders and messages', () => {
  it('generates the well-known folders with stable ids when the fixture has none', async () => {
    const folders = await (await graph(token, `/users/${u1}/mailFolders`)).json<{ value: { id: string; displayName: string; totalItemCount: number }[] }>();
    expect(folders.value.map((f) => f.id)).toEqual([`${u1}-inbox`, `${u1}-sentitems`, `${u1}-deleteditems`, `${u1}-archive`]);
    expect(folders.value.find((f) => f.displayName === 'Inbox')?.totalItemCount).toBe(26);
    const inbox = await (await graph(token, `/users/${u1}/mailFolders/Inbox`)).json<{ id: string }>();
    expect(inbox.id).toBe(`${u1}-inbox`);
  });

  it('pages through bulk mail materialised on demand, with $count', async () => {
    const { items, pages } = await pageAll<Message>(token, `/users/${u1}/mailFolders/inbox/messages?$select=id&$top=10`);
    expect(items).toHaveLength(26);
    expect(pages).toBe(3);
    expect(items.at(-1)?.id).toBe(`${u1}-bulk-24`);
    const counted = await (await graph(token, `/users/${u1}/messages?$count=true&$top=1&$select=id`, { headers: { ConsistencyLevel: 'eventual' } })).json<{ '@odata.count': number }>();
    expect(counted['@odata.count']).toBe(28);
  });

  it('filters on dates and attachments and expands attachment names and sizes', async () => {
    const filter = encodeURIComponent('sentDateTime ge 2026-10-15T00:00:00Z and hasAttachments eq true');
    const res = await graph(token, `/users/${u1}/mailFolders/sentitems/messages?$filter=${filter}&$select=id,subject,hasAttachments&$expand=${encodeURIComponent('attachments($select=name,size)')}`);
    const body = await res.json<{ value: Message[] }>();
    expect(body.value).toEqual([{ id: 'm-1', subject: 'Report', hasAttachments: true, attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', id: 'm-1-att-0', name: 'report.pdf', size: 3_000_000 }] }]);
    const old = await pageAll<Message>(token, `/users/${u1}/messages?$select=id&$filter=${encodeURIComponent('receivedDateTime lt 2025-01-01T00:00:00Z')}&$top=100`);
    expect(old.items).toHaveLength(25);
    const attachments = await (await graph(token, `/users/${u1}/messages/m-1/attachments?$select=name,size`)).json<{ value: { name: string; size: number }[] }>();
    expect(attachments.value).toMatchObject([{ name: 'report.pdf', size: 3_000_000 }]);
  });

  it('moves a bulk message and it leaves its bulk block', async () => {
    const res = await graph(token, `/users/${u1}/messages/${u1}-bulk-3/move`, { method: 'POST', body: JSON.stringify({ destinationId: 'deleteditems' }) });
    expect(res.status).toBe(201);
    expect((await res.json<Message>()).parentFolderId).toBe(`${u1}-deleteditems`);
    const inbox = await pageAll<Message>(token, `/users/${u1}/mailFolders/inbox/messages?$select=id&$top=100`);
    expect(inbox.items.map((m) => m.id)).not.toContain(`${u1}-bulk-3`);
    const deleted = await pageAll<Message>(token, `/users/${u1}/mailFolders/deleteditems/messages?$select=id`);
    expect(deleted.items.map((m) => m.id)).toEqual([`${u1}-bulk-3`]);
    env.reset(msFixture({ realism: { withheldPermissions: ['Mail.ReadWrite'] } }));
    expect((await graph(await secretToken(), `/users/${u1}/messages/m-1/move`, { method: 'POST', body: JSON.stringify({ destinationId: 'archive' }) })).status).toBe(403);
  });

  it('answers MailboxNotEnabledForRESTAPI for a user without a mailbox', async () => {
    const res = await graph(token, `/users/${userId(3)}/mailFolders`);
    expect(res.status).toBe(404);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('MailboxNotEnabledForRESTAPI');
  });
});

describe('mailboxSettings and reports', () => {
  it('reads and patches automatic replies', async () => {
    const patch = await graph(token, `/users/${u1}/mailboxSettings`, { method: 'PATCH', body: JSON.stringify({ automaticRepliesSetting: { status: 'alwaysEnabled', externalReplyMessage: 'Away' } }) });
    expect(patch.status).toBe(200);
    const got = await (await graph(token, `/users/${u1}/mailboxSettings`)).json<{ automaticRepliesSetting: { status: string; externalReplyMessage: string } }>();
    expect(got.automaticRepliesSetting).toMatchObject({ status: 'alwaysEnabled', externalReplyMessage: 'Away' });
  });

  it('serves the Office 365 active-user report as CSV', async () => {
    const res = await graph(token, "/reports/getOffice365ActiveUserDetail(period='D180')");
    expect(res.status).toBe(200);
    const lines = new TextDecoder().decode(await res.arrayBuffer()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Report Refresh Date,User Principal Name,Display Name/);
    expect(lines[1]).toContain('user2@oakfield.sch.uk,User 2');
    expect(lines[1]?.split(',')[11]).toBe('2026-03-01');
  });
});
