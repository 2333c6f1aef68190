/**
 * CSV/formula injection (OWASP): a cell starting with = + - @ (or tab/CR, which some spreadsheet
 * apps skip before evaluating) is run as a formula when an exported CSV is opened, e.g.
 * `=cmd|' /C calc'!A0`. Imported values are kept as data but flagged; anything we write out as CSV
 * goes through `csvSafe`/`csvField`. Full-width ＝＋－＠ are included because some Excel locales
 * evaluate them too; leading spaces are looked through because some importers trim them.
 */
const trigger = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function looksLikeFormula(value: string): boolean {
  return trigger.test(value) || trigger.test(value.trimStart());
}

/** Neutralises a value for a spreadsheet: a leading `'` makes Excel, Sheets and Calc treat it as text. */
export function csvSafe(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

/** One RFC 4180 field: formula-safe, quoted when it holds a delimiter, quote or line break. */
export function csvField(value: string | number | boolean | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  const safe = csvSafe(String(value));
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line (no terminator). */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[], delimiter = ','): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter);
}
