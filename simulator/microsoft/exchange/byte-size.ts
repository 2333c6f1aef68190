const UNITS: [string, number][] = [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024], ['B', 1]];

/** Exchange's ByteQuantifiedSize as text: "35 MB (36,700,160 bytes)". */
export function formatByteSize(bytes: number): string {
  const [unit, size] = UNITS.find(([, s]) => bytes >= s) ?? ['B', 1];
  const amount = Number((bytes / size).toFixed(2));
  return `${amount} ${unit} (${bytes.toLocaleString('en-US')} bytes)`;
}

/** Parses what Set-Mailbox accepts: "2MB", "2 MB", "35840KB", "1.5GB", a byte count, or the text form. */
export function parseByteSize(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const bytesForm = /\(([\d,]+) bytes\)/.exec(value);
  if (bytesForm?.[1]) return Number(bytesForm[1].replaceAll(',', ''));
  const match = /^\s*([\d.]+)\s*(GB|MB|KB|B)?\s*$/i.exec(value);
  if (!match?.[1]) return undefined;
  const unit = (match[2] ?? 'B').toUpperCase();
  const size = UNITS.find(([u]) => u === unit)?.[1] ?? 1;
  const bytes = Math.round(Number(match[1]) * size);
  return bytes > 0 ? bytes : undefined;
}

export const DEFAULT_MAX_SEND_BYTES = 35 * 1024 * 1024;
export const DEFAULT_MAX_RECEIVE_BYTES = 36 * 1024 * 1024;
