import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sdkCardProblems } from '../../adaptive-cards/validate-sdk.ts';
import { weeklyCard } from '../../adaptive-cards/weekly-card.ts';
import { cardRuleProblems } from '../../adaptive-cards/weekly-card-rules.ts';
import { changeText } from '../../adaptive-cards/weekly-card-data.ts';
import { weeklyCardData } from '../../src/domain/weekly/assemble.ts';
import type { CliIO, Command } from '../io.ts';
import { buildDemoSchool, DEMO_SCHOOL_ID } from '../support/demo-school.ts';
import { createLocalTutela, type LocalTutela } from '../support/local-tutela.ts';

const usage = `Usage: tutela card weekly --school ID (--state FILE | --demo) [--json] [--public-url URL]

Builds the School Business Manager's Monday card (Adaptive Cards 1.5) for one school, checks it with
our card rules and Microsoft's Adaptive Cards SDK (targeting 1.5), prints any problem on stderr and
exits 1 if there is one.
  --school ID       the school's id
  --state FILE      the SQLite state written by \`tutela audit --config\` (its "state:" file)
  --demo            build the demo school (${DEMO_SCHOOL_ID}) in memory: generated fixture, in-process simulator, one audit
  --json            print the card JSON (what Teams receives); otherwise a plain-text summary
  --public-url URL  where the dashboard link points (default http://localhost:8787)`;

async function run(args: string[], io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { school: { type: 'string' }, state: { type: 'string' }, demo: { type: 'boolean' }, json: { type: 'boolean' }, 'public-url': { type: 'string' } } }));
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n${usage}\n`);
    return 2;
  }
  if (!values.school || Boolean(values.state) === Boolean(values.demo)) {
    io.stderr(`${usage}\n`);
    return 2;
  }
  if (values.demo && values.school !== DEMO_SCHOOL_ID) {
    io.stderr(`--demo builds only the demo school "${DEMO_SCHOOL_ID}"\n`);
    return 2;
  }
  let local: LocalTutela;
  if (values.demo) {
    io.stderr('Building the demo school in memory (generated fixture, simulated tenants, one audit)…\n');
    local = await buildDemoSchool();
  } else {
    local = createLocalTutela({ dbPath: resolve(io.cwd, values.state ?? ''), env: io.env });
  }
  try {
    const data = await weeklyCardData(local.deps.db, { schoolId: values.school, now: new Date(), publicUrl: values['public-url'] ?? io.env.PUBLIC_URL ?? 'http://localhost:8787' });
    if (!data) {
      io.stderr(`no school "${values.school}" in ${values.demo ? 'the demo' : values.state}\n`);
      return 1;
    }
    const card = weeklyCard(data);
    // Our rules (what Teams needs) and Microsoft's SDK parser at 1.5 (what the schema allows).
    const problems = [...cardRuleProblems(card).map((p) => `card rule broken: ${p}`), ...sdkCardProblems(card).map((p) => `Adaptive Cards SDK (1.5): ${p}`)];
    for (const p of problems) io.stderr(`${p}\n`);
    if (values.json) io.stdout(`${JSON.stringify(card, null, 2)}\n`);
    else {
      io.stdout(`${data.schoolName} — week of ${data.weekOf}: ${data.status.headline}\n`);
      for (const r of data.status.reasons) io.stdout(`  • ${r}\n`);
      io.stdout(`Acknowledgements: ${data.acknowledgements.percent === null ? 'no campaign' : `${data.acknowledgements.percent}% (${data.acknowledgements.outstandingCount} outstanding)`}\n`);
      for (const f of data.findings.byCheck) io.stdout(`  ${f.title}: ${f.open} (${changeText(f.change)})\n`);
      io.stdout(`Dashboard: ${data.dashboardUrl}\n`);
    }
    return problems.length ? 1 : 0;
  } finally {
    local.close();
  }
}

export const cardWeekly: Command = { path: ['card', 'weekly'], summary: "print the SBM's weekly card for a school", usage, run };
