// Starts `npm start` (the local demo) on free ports with its own local D1, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DemoServer {
  base: string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const root = join(import.meta.dirname, '..', '..');

export async function startDemo(log: (line: string) => void, timeoutMs = 150_000): Promise<DemoServer> {
  const [port, simPort] = [await freePort(), await freePort()];
  const state = mkdtempSync(join(tmpdir(), 'tutela-browser-'));
  // Its own process group, so stopping it also stops wrangler and workerd.
  const child: ChildProcess = spawn('npm', ['start'], { cwd: root, detached: true, env: { ...process.env, PORT: String(port), SIM_PORT: String(simPort), TUTELA_STATE_DIR: state }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready within ${timeoutMs / 1000}s:\n${output.slice(-3000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Tutela is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGINT');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  log(`demo running on http://127.0.0.1:${port} (simulator ${simPort}, state ${state})`);
  return { base: `http://127.0.0.1:${port}`, stop };
}
