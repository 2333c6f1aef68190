import type { GmailMessage } from './mailbox.ts';

export type MessageFormat = 'minimal' | 'metadata' | 'full' | 'raw';
type Header = { name: string; value: string };

/** Headers in message order; empty recipient headers are absent, as on a real message. */
function headersOf(message: GmailMessage): Header[] {
  const h = message.headers;
  const date = h.Date || new Date(Number(message.internalDate)).toUTCString().replace('GMT', '+0000');
  const all: Header[] = [
    { name: 'From', value: h.From },
    { name: 'To', value: h.To },
    { name: 'Cc', value: h.Cc },
    { name: 'Bcc', value: h.Bcc },
    { name: 'Subject', value: h.Subject },
    { name: 'Date', value: date },
  ];
  return all.filter((x) => x.name === 'Subject' || x.value !== '');
}

const mimeTypeOf = (message: GmailMessage): string => (message.attachments.length > 0 ? 'multipart/mixed' : 'text/plain');

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A Gmail `Message` resource. The simulator holds no bodies: `full` carries the part tree with
 * sizes and attachment ids but never `body.data`, and `raw` is the header block only.
 */
export function formatMessage(message: GmailMessage, format: MessageFormat, metadataHeaders: string[], historyId: string): Record<string, unknown> {
  const base = {
    id: message.id,
    threadId: message.threadId,
    labelIds: message.labelIds,
    snippet: '',
    historyId,
    internalDate: message.internalDate,
    sizeEstimate: message.sizeEstimate,
  };
  const headers = headersOf(message);
  switch (format) {
    case 'minimal':
      return base;
    case 'metadata': {
      const wanted = metadataHeaders.map((n) => n.toLowerCase());
      // "Returns only email message ID, labels, and email headers": no parts in this format.
      return { ...base, payload: { mimeType: mimeTypeOf(message), headers: wanted.length > 0 ? headers.filter((x) => wanted.includes(x.name.toLowerCase())) : headers } };
    }
    case 'raw':
      return { ...base, raw: base64Url(headers.map((x) => `${x.name}: ${x.value}`).join('\r\n') + '\r\n\r\n') };
    case 'full': {
      const attachmentBytes = message.attachments.reduce((sum, a) => sum + a.size, 0);
      const textPart = { partId: message.attachments.length > 0 ? '0' : '', mimeType: 'text/plain', filename: '', headers: [{ name: 'Content-Type', value: 'text/plain; charset="UTF-8"' }], body: { size: Math.max(0, message.sizeEstimate - attachmentBytes) } };
      if (message.attachments.length === 0) return { ...base, payload: { ...textPart, headers } };
      const parts = [
        textPart,
        ...message.attachments.map((a, i) => ({
          partId: String(i + 1),
          mimeType: a.mimeType,
          filename: a.filename,
          headers: [
            { name: 'Content-Type', value: `${a.mimeType}; name="${a.filename}"` },
            { name: 'Content-Disposition', value: `attachment; filename="${a.filename}"` },
          ],
          body: { attachmentId: `${message.id}-att-${i + 1}`, size: a.size },
        })),
      ];
      return { ...base, payload: { partId: '', mimeType: 'multipart/mixed', filename: '', headers, body: { size: 0 }, parts } };
    }
  }
}
