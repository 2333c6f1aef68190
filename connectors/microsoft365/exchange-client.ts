import { z } from 'zod';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { EXCHANGE_SCOPE } from './auth.ts';
import { send, type HttpCore } from './http.ts';

const invokeResponse = z.object({ value: z.array(z.unknown()).default([]), '@odata.nextLink': z.string().optional() });

/** The Entra role each cmdlet family needs alongside Exchange.ManageAsApp; named in 403 messages. */
export const READ_ROLE = 'Exchange.ManageAsApp with the Global Reader role';
export const RECIPIENT_ROLE = 'Exchange.ManageAsApp with the Exchange Recipient Administrator role';
export const ADMIN_ROLE = 'Exchange.ManageAsApp with the Exchange Administrator role';

/**
 * Exchange Online admin REST: `POST adminapi/beta/{tenant}/InvokeCommand` runs one cmdlet, as the
 * ExchangeOnlineManagement module does under the hood. Results page with @odata.nextLink, which is
 * POSTed with the same body. App-only calls are anchored on the tenant's system mailbox.
 */
export class ExchangeClient {
  private readonly core: HttpCore;
  private readonly url: string;
  private readonly anchor: string;

  constructor(core: HttpCore, exchangeBase: string, tenantId: string) {
    this.core = core;
    this.url = `${exchangeBase}/adminapi/beta/${encodeURIComponent(tenantId)}/InvokeCommand`;
    this.anchor = `UPN:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${tenantId}`;
  }

  async invoke<T>(cmdlet: string, parameters: Record<string, unknown>, schema: z.ZodType<T>, call: { what: string; permission: string }): Promise<Result<T[]>> {
    const body = JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } });
    const rows: T[] = [];
    let url: string | undefined = this.url;
    while (url) {
      const res = await send(this.core, {
        service: 'Exchange',
        scope: EXCHANGE_SCOPE,
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-anchormailbox': this.anchor, prefer: 'odata.maxpagesize=1000' },
        body,
        what: `${call.what} (${cmdlet})`,
        permission: call.permission,
      });
      if (!res.ok) return res;
      const page = invokeResponse.safeParse(res.value.body ?? { value: [] });
      if (!page.success) return err('upstream_failed', `Exchange answered ${cmdlet} without a value list`);
      const parsed = z.array(schema).safeParse(page.data.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return err('upstream_failed', `Exchange answered ${cmdlet} with an unexpected shape (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
      }
      rows.push(...parsed.data);
      url = page.data['@odata.nextLink'];
    }
    return ok(rows);
  }
}
