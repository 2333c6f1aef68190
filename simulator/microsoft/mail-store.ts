import type { SimContext } from '../core/context.ts';
import type { MsMessage, MsUser } from '../fixture/microsoft.ts';
import { msState } from './state.ts';

type Mailbox = NonNullable<MsUser['mailbox']>;
export interface Folder { id: string; displayName: string; wellKnownName?: string }

const DEFAULT_FOLDERS: [string, string][] = [['inbox', 'Inbox'], ['sentitems', 'Sent Items'], ['deleteditems', 'Deleted Items'], ['archive', 'Archive']];

/** The mailbox's folders; a fixture without any gets the four well-known ones with stable ids. */
export function foldersOf(user: MsUser): Folder[] {
  const mailbox = user.mailbox;
  if (!mailbox) return [];
  if (mailbox.folders.length > 0) return mailbox.folders;
  return DEFAULT_FOLDERS.map(([wellKnownName, displayName]) => ({ id: `${user.id}-${wellKnownName}`, displayName, wellKnownName }));
}

/** A folder by id or well-known name (Graph accepts both in the path). */
export function findFolder(user: MsUser, ref: string): Folder | undefined {
  const key = decodeURIComponent(ref).toLowerCase();
  return foldersOf(user).find((f) => f.id.toLowerCase() === key || f.wellKnownName?.toLowerCase() === key);
}

/** Fixture messages may name their folder by id or well-known name. */
function inFolder(user: MsUser, folderRef: string, folder: Folder): boolean {
  return folderRef === folder.id || findFolder(user, folderRef)?.id === folder.id;
}

/** One element per bulk block: the block's shared message and how its ids are numbered. */
interface BulkBlock { start: number; count: number; folderId: string; receivedDateTime: string }

function bulkBlocks(mailbox: Mailbox): BulkBlock[] {
  let start = 0;
  return mailbox.bulk.map((b) => {
    const block = { start, count: b.count, folderId: b.folderId, receivedDateTime: b.receivedDateTime };
    start += b.count;
    return block;
  });
}

function bulkMessage(user: MsUser, block: BulkBlock, n: number): MsMessage {
  const own = user.mail ?? user.userPrincipalName;
  const sent = block.folderId === 'sentitems' || /sent/i.test(block.folderId);
  return {
    id: `${user.id}-bulk-${n}`,
    folderId: block.folderId,
    subject: '',
    from: sent ? own : `newsletter@${own.split('@')[1] ?? 'example.org'}`,
    toRecipients: sent ? [`parent@example.org`] : [own],
    ccRecipients: [],
    bccRecipients: [],
    sentDateTime: block.receivedDateTime,
    receivedDateTime: block.receivedDateTime,
    attachments: [],
  };
}

/**
 * The mailbox's messages, explicit ones first then bulk ones materialised on demand. `test` is
 * asked once per bulk block (its messages differ only by id), so skipping pages stays cheap.
 */
export function* messagesOf(ctx: SimContext, user: MsUser, folder: Folder | undefined, test: (m: MsMessage) => boolean): Generator<MsMessage> {
  const mailbox = user.mailbox;
  if (!mailbox) return;
  for (const m of mailbox.messages) if ((!folder || inFolder(user, m.folderId, folder)) && test(m)) yield m;
  const taken = msState(ctx).takenBulk.get(user.id);
  for (const block of bulkBlocks(mailbox)) {
    if (folder && !inFolder(user, block.folderId, folder)) continue;
    if (!test(bulkMessage(user, block, block.start))) continue;
    for (let n = block.start; n < block.start + block.count; n++) if (!taken?.has(n)) yield bulkMessage(user, block, n);
  }
}

export function findMessage(ctx: SimContext, user: MsUser, id: string): MsMessage | undefined {
  const mailbox = user.mailbox;
  if (!mailbox) return undefined;
  const explicit = mailbox.messages.find((m) => m.id === id);
  if (explicit) return explicit;
  const match = new RegExp(`^${user.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-bulk-(\\d+)$`).exec(id);
  if (!match) return undefined;
  const n = Number(match[1]);
  if (msState(ctx).takenBulk.get(user.id)?.has(n)) return undefined;
  const block = bulkBlocks(mailbox).find((b) => n >= b.start && n < b.start + b.count);
  return block ? bulkMessage(user, block, n) : undefined;
}

/** Moves a message; a bulk one is materialised into `mailbox.messages` first. */
export function moveMessage(ctx: SimContext, user: MsUser, message: MsMessage, destination: Folder): MsMessage {
  const mailbox = user.mailbox;
  if (!mailbox) return message;
  if (!mailbox.messages.includes(message)) {
    const n = Number(message.id.slice(message.id.lastIndexOf('-') + 1));
    const state = msState(ctx);
    const taken = state.takenBulk.get(user.id) ?? new Set<number>();
    taken.add(n);
    state.takenBulk.set(user.id, taken);
    mailbox.messages.push(message);
  }
  message.folderId = destination.id;
  return message;
}

/** totalItemCount without materialising bulk messages. */
export function countIn(ctx: SimContext, user: MsUser, folder: Folder): number {
  const mailbox = user.mailbox;
  if (!mailbox) return 0;
  const taken = msState(ctx).takenBulk.get(user.id);
  let n = mailbox.messages.filter((m) => inFolder(user, m.folderId, folder)).length;
  for (const block of bulkBlocks(mailbox)) {
    if (!inFolder(user, block.folderId, folder)) continue;
    n += block.count;
    for (const t of taken ?? []) if (t >= block.start && t < block.start + block.count) n--;
  }
  return n;
}
