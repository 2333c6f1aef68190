/** One request the simulator answered, for tests and benchmarks to assert on. */
export interface RecordedRequest {
  seq: number;
  at: number;
  method: string;
  /** Path and query, without the host. */
  url: string;
  provider: 'microsoft365' | 'google-workspace' | 'simulator';
  /** The mailbox or user the request touches, when it targets one. */
  mailbox?: string;
  /** True for a $batch sub-request (it did not cost an HTTP round-trip of its own). */
  inBatch: boolean;
  status: number;
}

export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  private seq = 0;

  record(entry: Omit<RecordedRequest, 'seq' | 'at'>): void {
    this.requests.push({ ...entry, seq: ++this.seq, at: Date.now() });
  }

  /** HTTP round-trips only (batch sub-requests excluded): what a client actually paid for. */
  get httpCount(): number {
    return this.requests.filter((r) => !r.inBatch).length;
  }

  clear(): void {
    this.requests.length = 0;
  }
}
