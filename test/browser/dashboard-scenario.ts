import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail?: string;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const root = join(import.meta.dirname, '..', '..');
const AXE = join(root, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

/** axe-core injected into the page; every rule axe runs by default (WCAG 2 A/AA and best practice). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate<AxeViolation[]>(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run((globalThis as unknown as { document: unknown }).document)).violations;
  });
  return violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
}

async function waitForAudits(base: string, say: (l: string) => void): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const res = await fetch(`${base}/api/schools/oakfield/runs`);
    const body = await res.json<{ runs?: { status: string }[] }>();
    const runs = body.runs ?? [];
    if (runs.length >= 2 && runs.every((r) => r.status !== 'running' && r.status !== 'queued')) {
      say(`demo audits finished: ${runs.map((r) => r.status).join(', ')}`);
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the demo audits did not finish within two minutes');
}

export async function dashboardScenario(opts: { base: string; chromium: string; out: string; say: (line: string) => void }): Promise<CheckResult[]> {
  const { base, out, say } = opts;
  // npm start has already uploaded the demo policy and imported the HR feed it holds for approval.
  await waitForAudits(base, say);

  const profileDir = mkdtempSync(join(tmpdir(), 'tutela-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: opts.chromium, headless: true, args: FLAGS, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const results: CheckResult[] = [];
  const check = async (name: string, fn: () => Promise<string | undefined>) => {
    try {
      const detail = await fn();
      results.push({ name, ok: true, ...(detail ? { detail } : {}) });
    } catch (error) {
      results.push({ name, ok: false, detail: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    }
  };
  const accessible = async (label: string) => {
    const v = await axeViolations(page);
    if (v.length) throw new Error(`axe found ${v.length} violation(s) on ${label}: ${v.join('; ')}`);
  };
  const shot = (file: string) => page.screenshot({ path: join(out, file), fullPage: true });
  const school = `${base}/dashboard/schools/oakfield`;

  try {
    await check('signs in automatically in dev mode on loopback', async () => {
      await page.goto(`${base}/dashboard`);
      await page.getByText('Signed in as dev-admin').waitFor();
      await page.getByRole('link', { name: 'Oakfield Primary School' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await shot('01-overview.png');
      await accessible('the overview');
      return undefined;
    });

    await check("shows the demo audit's findings", async () => {
      await page.goto(`${school}/findings?status=open`);
      const rows = await page.locator('tbody tr').count();
      if (rows < 10) throw new Error(`only ${rows} open findings listed`);
      await page.locator('tbody').getByText('Inbox rule forwards mail outside the school').first().waitFor();
      await shot('02-findings.png');
      await accessible('the findings page');
      return `${rows} open findings`;
    });

    await check('approves the held leaver batch, and its offboarding jobs appear', async () => {
      await page.goto(`${school}/offboarding`);
      await page.getByRole('heading', { level: 1, name: 'Offboarding' }).waitFor();
      await accessible('the offboarding page');
      const held = page.getByRole('region', { name: /^HR import received/ });
      if ((await held.count()) !== 1) throw new Error(`expected the demo's one held HR import, saw ${await held.count()}`);
      const why = await held.getByText('Held because:').innerText();
      const jobs = page.getByRole('table', { name: 'Offboarding jobs and their step logs' }).locator('tbody tr');
      if ((await jobs.count()) !== 0) throw new Error('offboarding jobs exist before the batch was approved');
      await shot('03-leavers-held.png');
      await held.getByRole('button', { name: 'Approve leavers' }).click();
      await page.getByRole('status').getByText('Leavers approved.').waitFor();
      await page.getByText('Nothing is held.').waitFor();
      const api = await (await fetch(`${base}/api/schools/oakfield/offboarding`)).json<{ jobs: { subjectEmail: string }[] }>();
      const rows = await jobs.count();
      if (rows < 4 || rows !== api.jobs.length) throw new Error(`expected the approved leavers' jobs (more than the breaker's 3) on the page, saw ${rows} rows and ${api.jobs.length} jobs`);
      for (const j of api.jobs) await jobs.getByRole('cell', { name: j.subjectEmail, exact: true }).first().waitFor();
      await shot('04-leavers-approved.png');
      await accessible('the offboarding page after approval');
      return `${why.replace(/\s+/g, ' ').slice(0, 120)}… → ${rows} offboarding jobs`;
    });

    await check('exports the acknowledgements CSV', async () => {
      await page.goto(`${school}/acknowledgements`);
      await page.getByRole('heading', { name: 'By document' }).waitFor();
      await accessible('the acknowledgements page');
      await shot('05-acknowledgements.png');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export acknowledgements (CSV)' }).click()]);
      const file = join(out, 'acknowledgements.csv');
      await download.saveAs(file);
      const lines = readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
      if (!lines[0]?.startsWith('document,document_title,version,content_hash,email')) throw new Error(`unexpected CSV header: ${lines[0] ?? '(empty)'}`);
      return `${lines.length - 1} rows`;
    });

    await check("opens this week's card preview", async () => {
      await page.goto(`${school}/card`);
      // Drawn by Microsoft's renderer (npm adaptivecards), served from /dashboard/assets.
      const card = page.getByRole('region', { name: 'Weekly card preview' }).locator('.ac-adaptiveCard');
      await card.getByRole('heading', { name: 'Email policy this week — Oakfield Primary School' }).waitFor();
      const blocks = await card.locator('.ac-textBlock').count();
      if (blocks < 5) throw new Error(`the renderer drew only ${blocks} TextBlocks`);
      if (await page.locator('#ac-status').isVisible()) throw new Error(`renderer failure shown: ${await page.locator('#ac-status').innerText()}`);
      await page.getByText('Passes the Adaptive Cards 1.5 checks').waitFor();
      await shot('06-card-preview.png');
      await accessible('the card preview');
      return `${blocks} TextBlocks drawn by the Adaptive Cards renderer`;
    });

    for (const [path, title] of [
      ['runs', 'Audit runs'],
      ['profile', 'Policy profile'],
      ['connections', 'Connection health'],
    ] as const) {
      await check(`${title} page is accessible`, async () => {
        await page.goto(`${school}/${path}`);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await accessible(`the ${path} page`);
        return undefined;
      });
    }
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
  return results;
}
