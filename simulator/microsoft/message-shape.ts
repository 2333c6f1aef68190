import type { MsMessage } from '../fixture/microsoft.ts';
import type { Row } from './odata-filter.ts';

export const MESSAGE_DEFAULTS = ['createdDateTime', 'lastModifiedDateTime', 'receivedDateTime', 'sentDateTime', 'hasAttachments', 'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'isRead', 'isDraft'] as const;
export const MESSAGE_PROPERTIES = ['id', ...MESSAGE_DEFAULTS, 'body', 'categories', 'replyTo', 'flag', 'inferenceClassification', 'conversationId', 'webLink'];
export const ATTACHMENT_PROPERTIES = ['id', 'name', 'size', 'contentType', 'isInline', 'lastModifiedDateTime'];

const recipient = (address: string): Row => ({ emailAddress: { name: address, address } });

/** Metadata only: the simulator holds no bodies, so body and bodyPreview are empty. */
export function graphMessage(m: MsMessage, folderId: string): Row {
  return {
    id: m.id,
    createdDateTime: m.receivedDateTime,
    lastModifiedDateTime: m.receivedDateTime,
    receivedDateTime: m.receivedDateTime,
    sentDateTime: m.sentDateTime,
    hasAttachments: m.attachments.length > 0,
    internetMessageId: `<${m.id}@sim.tutela>`,
    subject: m.subject,
    bodyPreview: '',
    body: { contentType: 'text', content: '' },
    importance: 'normal',
    parentFolderId: folderId,
    conversationId: `conv-${m.id}`,
    sender: recipient(m.from),
    from: recipient(m.from),
    toRecipients: m.toRecipients.map(recipient),
    ccRecipients: m.ccRecipients.map(recipient),
    bccRecipients: m.bccRecipients.map(recipient),
    replyTo: [],
    categories: [],
    flag: { flagStatus: 'notFlagged' },
    inferenceClassification: 'focused',
    webLink: null,
    isRead: true,
    isDraft: false,
  };
}

export function graphAttachments(m: MsMessage): Row[] {
  return m.attachments.map((a, i) => ({
    '@odata.type': '#microsoft.graph.fileAttachment',
    id: `${m.id}-att-${i}`,
    lastModifiedDateTime: m.receivedDateTime,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    isInline: false,
  }));
}
