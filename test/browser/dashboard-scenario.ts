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
  await waitForAudits(base, say);
  // Acknowledgements need a policy document; the demo profile asks all staff to acknowledge it.
  const upload = await fetch(`${base}/api/schools/oakfield/policy-documents/email-and-acceptable-use?type=md`, { method: 'PUT', body: readFileSync(join(root, 'policies', 'oakfield-email-and-acceptable-use.md')) });
  say(`policy upload: ${upload.status}`);

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

    await check('approves a held remediation (fix waiting for approval)', async () => {
      await page.goto(`${school}/findings?check=forwarding.inbox-rule-external&status=open`);
      const buttons = page.getByRole('button', { name: 'Approve fix' });
      const before = await buttons.count();
      if (before === 0) throw new Error('no fix is waiting for approval in the demo');
      await buttons.first().click();
      await page.getByRole('status').getByText('Fix approved').waitFor();
      const after = await page.getByRole('button', { name: 'Approve fix' }).count();
      if (after !== before - 1) throw new Error(`expected ${before - 1} fixes waiting after approving one, saw ${after}`);
      await shot('03-fix-approved.png');
      return `${before} waiting before, ${after} after`;
    });

    await check('offboarding queue (held leaver batches, step logs)', async () => {
      await page.goto(`${school}/offboarding`);
      await page.getByRole('heading', { level: 1, name: 'Offboarding' }).waitFor();
      await accessible('the offboarding page');
      const approve = page.getByRole('button', { name: 'Approve leavers' });
      if ((await approve.count()) === 0) {
        await shot('04-offboarding.png');
        return 'the demo has no held HR import, so no leaver batch was approved (a held remediation was approved instead)';
      }
      await approve.first().click();
      await page.getByRole('status').waitFor();
      await shot('04-offboarding.png');
      return `notice: ${await page.getByRole('status').innerText()}`;
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
      const card = page.getByRole('article', { name: 'Weekly card preview' });
      await card.getByText('Email policy this week — Oakfield Primary School').waitFor();
      await page.getByText('Passes the Adaptive Cards 1.5 checks').waitFor();
      await shot('06-card-preview.png');
      await accessible('the card preview');
      return undefined;
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
