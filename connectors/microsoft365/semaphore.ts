/** A counting semaphore: at most `limit` holders at once, waiters served first come first served. */
export class Semaphore {
  private readonly limit: number;
  private held = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`semaphore limit must be a positive integer, got ${limit}`);
    this.limit = limit;
  }

  async acquire(): Promise<() => void> {
    if (this.held < this.limit) this.held += 1;
    else await new Promise<void>((resolve) => this.waiters.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // The slot passes straight to the next waiter, so `held` does not change.
      if (next) next();
      else this.held -= 1;
    };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }
}
