/**
 * Replay protection for webhook events: the signature window stops old captures, this stops a
 * resend inside the window (and a sender's retry after we already took the event).
 */
export interface SeenEvents {
  /** Records the event id; resolves false when it was already recorded for this school. */
  remember(schoolId: string, eventId: string, at: Date): Promise<boolean>;
}

/** For the CLI, benchmarks and single-process tools; the Worker uses the D1 adapter. */
export function memorySeenEvents(): SeenEvents {
  const seen = new Set<string>();
  return {
    remember(schoolId, eventId) {
      const key = JSON.stringify([schoolId, eventId]);
      const fresh = !seen.has(key);
      seen.add(key);
      return Promise.resolve(fresh);
    },
  };
}
