import { weeklyCardData } from '../../../domain/weekly/assemble.ts';
import { changeText } from '../../../../adaptive-cards/weekly-card-data.ts';
import { listSchools } from '../../../storage/schools.ts';
import { Layout, levelClass } from './layout.tsx';
import { publicUrl } from '../../public-url.ts';
import { pageContext, type DashContext } from './page-context.ts';

export async function schoolList(c: DashContext) {
  const schools = await listSchools(c.env.DB);
  return c.html(
    <Layout title="Schools" signedInAs={c.get('principal').id}>
      {schools.length === 0 ? <p>No schools yet: run npm start for the demo school, or create one through the API.</p> : null}
      <ul>
        {schools.map((s) => (
          <li>
            <a href={`/dashboard/schools/${encodeURIComponent(s.id)}`}>{s.name}</a> {s.trust ? <span class="muted">({s.trust})</span> : null}
          </li>
        ))}
      </ul>
    </Layout>,
  );
}

/** The week at a glance: the same numbers as the Monday card, with links to act on them. */
export async function overview(c: DashContext) {
  const p = await pageContext(c);
  const d = await weeklyCardData(c.env.DB, { schoolId: p.school.id, now: new Date(), publicUrl: publicUrl(c) });
  if (!d) return c.notFound();
  const held = d.leavers.held.reduce((n, h) => n + h.people, 0);
  const tile = (label: string, value: string, detail: string, href: string) => (
    <div class="tile">
      <p>{label}</p>
      <p class="big">{value}</p>
      <p class="muted">{detail}</p>
      <p>
        <a href={`${p.base}/${href}`}>{`Open ${label.toLowerCase()}`}</a>
      </p>
    </div>
  );
  return c.html(
    <Layout title="Overview" school={p.school} active="overview" notice={p.notice} signedInAs={p.signedInAs}>
      <p>
        Status: <span class={levelClass(d.status.level)}>{d.status.headline}</span> <span class="muted">week of {d.weekOf}</span>
      </p>
      <ul>
        {d.status.reasons.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
      <h2>This week</h2>
      <div class="cards">
        {tile('Findings', String(d.findings.totalOpen), `open, ${changeText(d.findings.totalChange)}`, 'findings?status=open')}
        {tile('Approvals', String(d.remediations.pendingCount), `fixes waiting; ${d.remediations.doneThisWeek} applied this week`, 'findings?status=open')}
        {tile('Acknowledgements', d.acknowledgements.percent === null ? '—' : `${d.acknowledgements.percent}%`, `${d.acknowledgements.outstandingCount} people outstanding`, 'acknowledgements')}
        {tile('Offboarding', String(held), d.leavers.tracked ? `held; ${d.leavers.onTime} on time, ${d.leavers.late} late this week` : 'no leavers processed yet', 'offboarding')}
        {tile('Dormant accounts', String(d.dormant.open), changeText(d.dormant.change), 'findings?check=accounts.dormant&status=open')}
        {tile('Retention', d.retention.level === 'good' ? 'OK' : 'Check', d.retention.text, 'findings?check=retention.overdue&status=open')}
      </div>
      <h2>Open findings by check</h2>
      <table>
        <caption class="muted">Change is against the same day last week.</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Open</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {d.findings.byCheck.map((f) => (
            <tr>
              <td>
                <a href={`${p.base}/findings?check=${encodeURIComponent(f.checkId)}&status=open`}>{f.title}</a>
              </td>
              <td>{f.open}</td>
              <td>{changeText(f.change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>,
  );
}
