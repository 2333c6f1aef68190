/**
 * Attachment limits in school policies are written by people ("2Mb", "10 MB", "500 KB"). We accept
 * those and store bytes. Units are binary (1 KB = 1,024 bytes, 1 MB = 1,048,576 bytes) because that is
 * how Exchange and Gmail state their own limits; "Mb" is read as megabytes, as schools mean it.
 */
const unitBytes: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

const sizePattern = /^(\d+(?:\.\d+)?)\s*([a-z]+)?$/i;

export const byteSizeHint = 'a whole number of bytes or a size such as "2 MB", "10MB" or "500 KB" (units B, KB, MB, GB; 1 MB = 1,048,576 bytes)';

/** Returns the size in whole bytes, or undefined when the text is not a size we understand. */
export function parseByteSize(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isSafeInteger(input) && input > 0 ? input : undefined;
  const match = sizePattern.exec(input.trim());
  if (!match) return undefined;
  const [, amount = '', unit = 'b'] = match;
  const multiplier = unitBytes[unit.toLowerCase()];
  if (multiplier === undefined) return undefined;
  const bytes = Math.round(Number(amount) * multiplier);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** "2 MB" for 2,097,152; used in summaries so people see the unit they wrote. */
export function formatByteSize(bytes: number): string {
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= size && bytes % (size / 1024) === 0) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(2).replace(/0+$/, '')} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}
