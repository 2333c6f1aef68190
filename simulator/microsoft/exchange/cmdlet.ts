import type { SimContext } from '../../core/context.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export type CmdletResult =
  | { ok: true; value: Row[] }
  | { ok: false; status: 400 | 404 | 409; code: string; message: string };

export type Cmdlet = (ctx: SimContext, params: Params) => CmdletResult;

export const success = (value: Row[] = []): CmdletResult => ({ ok: true, value });

export const notFound = (identity: string): CmdletResult => ({
  ok: false,
  status: 404,
  code: 'NotFound',
  message: `|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object '${identity}' couldn't be found on 'SIM01A001DC001.SIMPRD01.PROD.OUTLOOK.COM'.`,
});

export const invalid = (message: string): CmdletResult => ({ ok: false, status: 400, code: 'BadRequest', message });

/** PowerShell parameter names are case-insensitive. */
export function param(params: Params, name: string): unknown {
  const key = Object.keys(params).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : params[key];
}

export function has(params: Params, name: string): boolean {
  return Object.keys(params).some((k) => k.toLowerCase() === name.toLowerCase());
}

/** Refuses parameters a cmdlet does not take, with PowerShell's wording. */
export function unknownParam(params: Params, allowed: string[]): CmdletResult | undefined {
  const lower = new Set(allowed.map((a) => a.toLowerCase()));
  const bad = Object.keys(params).find((k) => !lower.has(k.toLowerCase()));
  return bad ? invalid(`A parameter cannot be found that matches parameter name '${bad}'.`) : undefined;
}

export const asBool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : value === 'true' || value === '$true' ? true : value === 'false' || value === '$false' ? false : undefined);

export const asStringList = (value: unknown): string[] | undefined =>
  value === null ? [] : Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined;

/** A parameter value as PowerShell would print it in a message or match it as a name. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return JSON.stringify(value);
}
