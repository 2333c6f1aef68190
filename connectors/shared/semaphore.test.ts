import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore.ts';

describe('Semaphore', () => {
  it('never lets more than its limit hold at once', async () => {
    const s = new Semaphore(2);
    let holding = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        s.run(async () => {
          peak = Math.max(peak, ++holding);
          await Promise.resolve();
          holding--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });
});
