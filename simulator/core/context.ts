import type { Fixture } from '../fixture/schema.ts';
import type { RealismGate } from './realism-gate.ts';
import type { RequestRecorder } from './recorder.ts';

/** An access token the simulator issued; tokens are opaque strings looked up here. */
export interface IssuedToken {
  provider: 'microsoft365' | 'google-workspace';
  /** Microsoft: the resource (".default" scope's host); Google: the granted scopes. */
  audience: string;
  scopes: string[];
  /** Microsoft: the client id; Google: the impersonated user (`sub`). */
  principal: string;
  expiresAt: number;
}

/**
 * Shared state of one running simulator. Provider route modules receive it and mutate
 * `fixture` in place when a write (PATCH, Set-*, update) is applied, so tests can assert effects.
 */
export interface SimContext {
  fixture: Fixture;
  gate: RealismGate;
  recorder: RequestRecorder;
  tokens: Map<string, IssuedToken>;
  /** The simulator's clock: `fixture.now` when pinned, else real time. */
  now: () => Date;
  /** Bumped on every write, so delta queries can tell what changed since a link was issued. */
  changeSeq: { value: number };
}
