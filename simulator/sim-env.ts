import type { MsUser } from './fixture/microsoft.ts';

/**
 * Set while a `$batch` runs its sub-requests: each sub-request reports when the gate has decided on
 * it, and waits until every sibling has, so requests in one batch really overlap (Exchange counts
 * them as concurrent for the per-mailbox limit).
 */
export interface BatchBarrier {
  arrive: () => void;
  allArrived: Promise<void>;
}

export interface SimBindings {
  batch?: BatchBarrier;
}

export interface SimVariables {
  /** The mailbox (user e-mail) the request touches, for the recorder. */
  mailbox: string | undefined;
  /** The Microsoft user named in the path, resolved by the Graph gate. */
  msUser: MsUser | undefined;
}

export interface SimEnv {
  Bindings: SimBindings;
  Variables: SimVariables;
}

/** Which provider a path belongs to, from the real hosts' path layouts. */
export function providerOf(path: string): 'microsoft365' | 'google-workspace' | 'simulator' {
  if (path.startsWith('/_sim')) return 'simulator';
  if (path.startsWith('/v1.0/') || path.startsWith('/adminapi/') || /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) return 'microsoft365';
  return 'google-workspace';
}
