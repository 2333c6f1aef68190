// `npm run test:browser`: the dashboard in a real browser against `npm start`'s demo. Not part of
// `npm test`: it starts wrangler and an audit (about a minute) and needs Debian's chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardScenario } from './dashboard-scenario.ts';
import { startDemo } from './demo-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const out = join(import.meta.dirname, '..', '..', 'test-output');
const say = (line: string) => process.stdout.write(`${line}\n`);

if (!existsSync(CHROMIUM)) {
  say(`SKIPPED: browser tests need ${CHROMIUM} (apt-get install -y chromium); nothing was run.`);
  process.exit(0);
}
mkdirSync(out, { recursive: true });
const demo = await startDemo(say);
let failed = false;
try {
  const results = await dashboardScenario({ base: demo.base, chromium: CHROMIUM, out, say });
  for (const r of results) say(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.detail ? ` — ${r.detail}` : ''}`);
  failed = results.some((r) => !r.ok);
  say(`${results.filter((r) => r.ok).length}/${results.length} browser checks passed; screenshots in test-output/`);
} catch (error) {
  failed = true;
  say(`FAIL ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await demo.stop();
}
process.exit(failed ? 1 : 0);
