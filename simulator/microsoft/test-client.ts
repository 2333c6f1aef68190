import { DOMAIN, SECRET_APP, TENANT_ID } from './test-fixture.ts';

/** Real fetches to the real hosts (routed to the simulator by test/support/simulator.ts). */
export const TOKEN_URL = `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`;
export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const EXO = `https://outlook.office365.com/adminapi/beta/${TENANT_ID}/InvokeCommand`;
export { DOMAIN };

export async function secretToken(resource = 'https://graph.microsoft.com'): Promise<string> {
  const res = await fetch(TOKEN_URL, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SECRET_APP.clientId, client_secret: SECRET_APP.clientSecret, scope: `${resource}/.default` }),
  });
  const body = await res.json<{ access_token: string }>();
  return body.access_token;
}

export async function graph(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(path.startsWith('http') ? path : `${GRAPH}${path}`, { ...init, headers });
}

export async function invoke(token: string, CmdletName: string, Parameters: Record<string, unknown> = {}, url = EXO): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ CmdletInput: { CmdletName, Parameters } }) });
}

/** Follows @odata.nextLink to the end, returning every item and the number of pages. */
export async function pageAll<T>(token: string, path: string, init: RequestInit = {}): Promise<{ items: T[]; pages: number; last: Record<string, unknown> }> {
  let url: string | undefined = path;
  const items: T[] = [];
  let pages = 0;
  let last: Record<string, unknown> = {};
  while (url) {
    const res = await graph(token, url, init);
    if (res.status !== 200) throw new Error(`GET ${url} → ${res.status} ${await res.text()}`);
    last = await res.json<Record<string, unknown>>();
    items.push(...(last.value as T[]));
    pages++;
    url = last['@odata.nextLink'] as string | undefined;
  }
  return { items, pages, last };
}
