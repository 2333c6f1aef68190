import { beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../app.ts';
import { scope } from './scopes.ts';
import { GMAIL, api, createSimulator, email, schoolFixture, serviceAccountKey, tokenFor } from './test-kit.ts';
import type { ServiceAccountKey } from './test-kit.ts';

interface ListBody {
  messages?: { id: string; threadId: string }[];
  nextPageToken?: string;
  resultSizeEstimate: number;
}

describe('Gmail messages (metadata only)', () => {
  let key: ServiceAccountKey;
  let sim: Simulator;
  let readonly: string;
  let metadata: string;
  let modify: string;
  beforeAll(async () => {
    key = await serviceAccountKey();
    sim = createSimulator(schoolFixture(key.publicKeyPem));
    readonly = await tokenFor(sim, key, email('teacher'), [scope.readonly]);
    metadata = await tokenFor(sim, key, email('teacher'), [scope.metadata]);
    modify = await tokenFor(sim, key, email('teacher'), [scope.modify]);
  });

  const list = async (params: Record<string, string>, token = readonly): Promise<{ status: number; body: ListBody }> => {
    const response = await api(sim, token, 'GET', `${GMAIL}/me/messages?${new URLSearchParams(params).toString()}`);
    return { status: response.status, body: await response.json() };
  };
  const ids = async (q: string, extra: Record<string, string> = {}): Promise<string[]> => {
    const { status, body } = await list({ q, maxResults: '500', ...extra });
    expect(status).toBe(200);
    return (body.messages ?? []).map((m) => m.id);
  };
  const allIds = async (q: string): Promise<{ ids: string[]; estimate: number; pages: number }> => {
    const out: string[] = [];
    let pageToken: string | undefined;
    let estimate = 0;
    let pages = 0;
    do {
      const { body } = await list({ q, maxResults: '100', ...(pageToken ? { pageToken } : {}) });
      out.push(...(body.messages ?? []).map((m) => m.id));
      estimate = body.resultSizeEstimate;
      pageToken = body.nextPageToken;
      pages += 1;
    } while (pageToken);
    return { ids: out, estimate, pages };
  };

  it('finds sent mail larger than 2 MiB (binary units, strictly larger)', async () => {
    expect(await ids('in:sent larger:2M')).toEqual(['m-big-sent']);
    expect(await ids('in:sent larger:2047K')).toEqual(['m-mid-sent', 'm-big-sent']);
    expect(await ids('in:sent smaller:100K')).toEqual(['m-small-sent']);
    expect(await ids('has:attachment')).toEqual(['m-big-sent']);
  });

  it('finds mail older than 12 months, bulk included, paging to the end with stable ids', async () => {
    const { ids: found, estimate, pages } = await allIds('older_than:12m');
    expect(estimate).toBe(251);
    expect(pages).toBe(3);
    expect(found).toHaveLength(251);
    expect(new Set(found).size).toBe(251);
    expect(found[0]).toBe('m-old-inbox');
    expect(found).toContain('u-teacher-bulk-0');
    expect(found).toContain('u-teacher-bulk-249');
    expect(found).not.toContain('m-recent-inbox');
    expect((await allIds('older_than:12m')).ids).toEqual(found);
    expect(await ids('older_than:12m -in:inbox')).toEqual([]);
  });

  it('excludes spam and trash unless in:anywhere, includeSpamTrash or an explicit in:trash', async () => {
    expect(await ids('older_than:2y')).not.toContain('m-old-trash');
    expect(await ids('older_than:2y in:anywhere')).toContain('m-old-trash');
    expect(await ids('before:2024/02/01')).toEqual([]);
    expect(await ids('before:2024/02/01 in:anywhere')).toEqual(['m-old-trash']);
    expect(await ids('in:trash')).toEqual(['m-old-trash']);
    expect(await ids('newer_than:30d')).toEqual(['m-mid-sent', 'm-big-sent']);
    expect(await ids('newer_than:30d', { includeSpamTrash: 'true' })).toEqual(['m-spam', 'm-mid-sent', 'm-big-sent']);
    expect(await ids('newer_than:30d -in:trash in:anywhere')).toEqual(['m-spam', 'm-mid-sent', 'm-big-sent']);
  });

  it('reads after:/before: as Pacific-time dates or epoch seconds', async () => {
    expect(await ids('in:sent after:2026/10/01')).toEqual(['m-mid-sent', 'm-big-sent']);
    expect(await ids('in:sent after:2026/10/01 before:2026/10/22')).toEqual(['m-big-sent']);
    expect(await ids(`in:sent after:${Date.parse('2026-10-24T00:00:00Z') / 1000}`)).toEqual(['m-mid-sent']);
    expect(await ids('label:unread')).toEqual(['m-recent-inbox']);
  });

  it('refuses search terms it cannot evaluate, and any q with the gmail.metadata scope', async () => {
    expect((await list({ q: 'report card' })).status).toBe(400);
    const withMetadata = await api(sim, metadata, 'GET', `${GMAIL}/me/messages?q=in%3Asent`);
    expect(withMetadata.status).toBe(403);
    const body: { error: { message: string } } = await withMetadata.json();
    expect(body.error.message).toBe("Metadata scope does not support 'q' parameter");
    const both = await tokenFor(sim, key, email('teacher'), [scope.readonly, scope.metadata]);
    expect((await api(sim, both, 'GET', `${GMAIL}/me/messages?q=in%3Asent`)).status).toBe(403);
    expect((await list({ labelIds: 'SENT' }, metadata)).body.resultSizeEstimate).toBe(3);
  });

  it('returns only the requested metadata headers, sizes and labels, never a body', async () => {
    const response = await api(sim, metadata, 'GET', `${GMAIL}/me/messages/m-big-sent?format=metadata&metadataHeaders=To&metadataHeaders=Cc`);
    const message: { payload: { headers: { name: string; value: string }[]; parts?: unknown }; sizeEstimate: number; labelIds: string[]; internalDate: string } = await response.json();
    expect(message.payload.headers).toEqual([
      { name: 'To', value: 'parent@example.com' },
      { name: 'Cc', value: `head@stmarys.sch.uk` },
    ]);
    expect(message.payload.parts).toBeUndefined();
    expect(message).toMatchObject({ sizeEstimate: 3 * 1024 * 1024, labelIds: ['SENT'], internalDate: String(Date.parse('2026-10-20T10:00:00Z')) });
  });

  it('gives attachment names and sizes in format=full with gmail.readonly, and refuses full/raw to gmail.metadata', async () => {
    const full = await api(sim, readonly, 'GET', `${GMAIL}/me/messages/m-big-sent?format=full`);
    const text = await full.text();
    expect(text).not.toContain('"data"');
    const message = JSON.parse(text) as { payload: { parts: { filename: string; body: { size: number; attachmentId?: string } }[] } };
    expect(message.payload.parts.filter((p) => p.filename !== '').map((p) => [p.filename, p.body.size])).toEqual([['report.pdf', 3 * 1024 * 1024 - 20_000]]);
    for (const format of ['full', 'raw']) expect((await api(sim, metadata, 'GET', `${GMAIL}/me/messages/m-big-sent?format=${format}`)).status).toBe(403);
    expect((await api(sim, metadata, 'GET', `${GMAIL}/me/messages/m-big-sent`)).status).toBe(403);
    expect((await api(sim, readonly, 'GET', `${GMAIL}/me/messages/u-teacher-bulk-7?format=minimal`)).status).toBe(200);
    expect((await api(sim, readonly, 'GET', `${GMAIL}/me/messages/u-teacher-bulk-250?format=minimal`)).status).toBe(404);
  });

  it('trashes and batch-modifies only with gmail.modify, materialising bulk mail it touches', async () => {
    expect((await api(sim, readonly, 'POST', `${GMAIL}/me/messages/m-small-sent/trash`)).status).toBe(403);
    const trashed = await api(sim, modify, 'POST', `${GMAIL}/me/messages/m-small-sent/trash`);
    expect((await trashed.json<{ labelIds: string[] }>()).labelIds).toContain('TRASH');
    expect(await ids('in:sent')).toEqual(['m-mid-sent', 'm-big-sent']);

    const bulkIds = ['u-teacher-bulk-0', 'u-teacher-bulk-1', 'u-teacher-bulk-200'];
    expect((await api(sim, readonly, 'POST', `${GMAIL}/me/messages/batchModify`, { ids: bulkIds, addLabelIds: ['TRASH'] })).status).toBe(403);
    const modified = await api(sim, modify, 'POST', `${GMAIL}/me/messages/batchModify`, { ids: bulkIds, addLabelIds: ['TRASH'], removeLabelIds: ['INBOX'] });
    expect(modified.status).toBe(204);
    const old = await allIds('older_than:12m');
    expect(old.estimate).toBe(248);
    expect(old.ids).not.toContain('u-teacher-bulk-200');
    expect(new Set(old.ids).size).toBe(248);
    expect(await ids('in:trash older_than:2y')).toEqual(['u-teacher-bulk-0', 'u-teacher-bulk-1', 'u-teacher-bulk-200', 'm-old-trash']);
  });

  it("refuses another user's messages", async () => {
    const response = await api(sim, readonly, 'GET', `${GMAIL}/${email('admin')}/messages`);
    expect(response.status).toBe(403);
  });
});
