// Worker thread: one tenant simulator served on 127.0.0.1, so its CPU is not the audited client's.
import { parentPort, workerData } from 'node:worker_threads';
import { createSimulator } from '../simulator/app.ts';
import { generateFixture, type GenerateOptions } from '../simulator/generate/index.ts';
import { serveSimulator } from '../simulator/server.ts';

export type SimHostRequest = { id: number; kind: 'stats' | 'clear' | 'close' };
export interface SimStats {
  /** HTTP round trips answered (a $batch counts once). */
  http: number;
  /** Sub-requests that travelled inside a $batch or a Gmail batch. */
  inBatch: number;
  throttled: number;
}

const port = parentPort;
if (!port) throw new Error('audit-sim-host.ts runs as a worker thread');
const sim = createSimulator(generateFixture(workerData as GenerateOptions));
const running = await serveSimulator(sim, { host: '127.0.0.1', port: 0 });

port.on('message', (message: SimHostRequest) => {
  const { requests } = sim.ctx.recorder;
  if (message.kind === 'stats') {
    const stats: SimStats = { http: sim.ctx.recorder.httpCount, inBatch: requests.filter((r) => r.inBatch).length, throttled: requests.filter((r) => r.status === 429).length };
    port.postMessage({ id: message.id, stats });
  } else if (message.kind === 'clear') {
    sim.ctx.recorder.clear();
    port.postMessage({ id: message.id });
  } else {
    void running.close().then(() => {
      port.postMessage({ id: message.id });
      port.close();
    });
  }
});
port.postMessage({ id: 0, url: running.url });
