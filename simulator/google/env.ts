/** Hono variables the Google routes share; `mailbox` has the same meaning as on the Microsoft side. */
export interface GoogleVariables {
  /** The user (primary email) the request touches, for the recorder. */
  mailbox: string | undefined;
  /** Frees the per-mailbox concurrency slot the gate granted. */
  release: (() => void) | undefined;
}

export interface GoogleEnv {
  Variables: GoogleVariables;
}
