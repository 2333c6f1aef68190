import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GenerateOptions } from '../simulator/generate/index.ts';
import type { SimHostRequest, SimStats } from './audit-sim-host.ts';

export interface SimulatorThread {
  url: string;
  stats: () => Promise<SimStats>;
  clearRecorder: () => Promise<void>;
  close: () => Promise<void>;
}

type Reply = { id: number; url?: string; stats?: SimStats };

/**
 * Starts a fresh simulator of the generated fixture in its own thread (the tenant is another
 * machine in real life, so its work must not slow the client being measured).
 */
export function startSimulatorThread(options: GenerateOptions): Promise<SimulatorThread> {
  const worker = new Worker(join(import.meta.dirname, 'audit-sim-host.ts'), { workerData: options });
  const waiting = new Map<number, (reply: Reply) => void>();
  let nextId = 1;
  const ask = (kind: SimHostRequest['kind']): Promise<Reply> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      worker.postMessage({ id, kind } satisfies SimHostRequest);
    });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (reply: Reply) => {
      if (reply.id === 0 && reply.url) {
        const url = reply.url;
        resolve({
          url,
          stats: async () => {
            const { stats } = await ask('stats');
            if (!stats) throw new Error('the simulator thread sent no stats');
            return stats;
          },
          clearRecorder: async () => void (await ask('clear')),
          close: async () => {
            await ask('close');
            await worker.terminate();
          },
        });
        return;
      }
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
  });
}
