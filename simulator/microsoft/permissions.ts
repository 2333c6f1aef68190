import type { Context } from 'hono';
import type { SimContext } from '../core/context.ts';
import { badRequest, forbidden } from './errors.ts';
import { FilterError } from './odata-filter.ts';
import { QueryError } from './odata-query.ts';

/** 403 when the tenant withheld `permission` (see realism.withheldPermissions). */
export function denied(ctx: SimContext, c: Context, permission: string, style: 'directory' | 'mailbox'): Response | undefined {
  return ctx.gate.isWithheld(permission) ? forbidden(c, style) : undefined;
}

/** Runs a handler, turning OData parse errors into Graph's 400. */
export async function withQueryErrors(c: Context, run: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof FilterError) return badRequest(c, `Invalid filter clause: ${error.message}`);
    if (error instanceof QueryError) return badRequest(c, error.message);
    throw error;
  }
}
