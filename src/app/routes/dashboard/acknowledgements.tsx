import { dueAt, evidenceCsv } from '../../../domain/acknowledgements/index.ts';
import { listAcknowledgements, listAssignmentStatuses, listCampaigns, type Audience } from '../../../storage/acknowledgements.ts';
import { getActiveProfile } from '../../../storage/profiles.ts';
import { Layout, PostButton } from './layout.tsx';
import { pageContext, ukDateTimeShort, type DashContext } from './page-context.ts';

const audienceLabel = (audience: Audience): string => (audience === 'all-staff' ? 'all staff' : audience === 'starters' ? 'new starters' : audience.group);

/** Per document and per person, with the inspection CSV and a "Send reminders" button. */
export async function acknowledgementsPage(c: DashContext) {
  const p = await pageContext(c);
  const [assignments, profile, campaigns] = await Promise.all([
    listAssignmentStatuses(c.env.DB, p.school.id, { activeOnly: true }),
    getActiveProfile(c.env.DB, p.school.id),
    listCampaigns(c.env.DB, p.school.id, 'active'),
  ]);
  // A group campaign's people come from the tenant; until they are read, or when they cannot be, say so.
  const groups = campaigns.flatMap((k) => (typeof k.audience === 'object' ? [{ group: k.audience.group, status: k.audienceStatus }] : []));
  const starterDays = profile?.profile.acknowledgements.starterDays ?? 14;
  const now = Date.now();
  // One row per campaign: a document can run for all staff and for a group at once, and adding the
  // two would count the people in both twice.
  const docs = new Map<string, { title: string; version: number; audience: string; done: number; overdue: number; total: number }>();
  for (const a of assignments) {
    const d = docs.get(a.campaignId) ?? { title: a.documentTitle, version: a.version, audience: audienceLabel(a.audience), done: 0, overdue: 0, total: 0 };
    d.total++;
    if (a.acknowledgedAt) d.done++;
    else if (Date.parse(dueAt(a, starterDays)) < now) d.overdue++;
    docs.set(a.campaignId, d);
  }
  const outstanding = assignments.filter((a) => !a.acknowledgedAt).length;
  return c.html(
    <Layout title="Acknowledgements" school={p.school} active="acknowledgements" notice={p.notice} signedInAs={p.signedInAs}>
      <p>
        <a class="button" href={`${p.base}/acknowledgements.csv`} download>
          Export acknowledgements (CSV)
        </a>{' '}
        {outstanding > 0 ? <PostButton action={`${p.base}/acknowledgements/remind`} csrf={p.csrf} back={p.here} label={`Send reminders (${outstanding} outstanding)`} secondary /> : null}
      </p>
      {groups.length > 0 ? (
        <>
          <h2>Group audiences</h2>
          <ul>
            {groups.map((g) => (
              <li>
                <strong>{g.group}</strong>:{' '}
                {g.status === null
                  ? 'members not read yet (this takes a minute after a policy upload).'
                  : g.status.problem
                    ? `${g.status.problem} (last tried ${ukDateTimeShort(g.status.readAt)})`
                    : `${g.status.members} ${g.status.members === 1 ? 'person' : 'people'}, read ${ukDateTimeShort(g.status.readAt)}.`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {docs.size === 0 ? <p>No acknowledgement campaign is running. Upload the policy document and list it under acknowledgements in the profile.</p> : null}
      <h2>By document</h2>
      <table>
        <caption>Active campaigns</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Version</th>
            <th scope="col">Asked</th>
            <th scope="col">Acknowledged</th>
            <th scope="col">Overdue</th>
          </tr>
        </thead>
        <tbody>
          {[...docs.values()].map((d) => (
            <tr>
              <td>{d.title}</td>
              <td>{d.version}</td>
              <td>{d.audience}</td>
              <td>
                {d.done} of {d.total} ({d.total ? Math.floor((d.done / d.total) * 100) : 0}%)
              </td>
              <td>{d.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>By person</h2>
      <table>
        <caption>Everyone asked, outstanding first</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Document</th>
            <th scope="col">Due</th>
            <th scope="col">Acknowledged</th>
            <th scope="col">Last reminded</th>
          </tr>
        </thead>
        <tbody>
          {[...assignments]
            .sort((a, b) => Number(Boolean(a.acknowledgedAt)) - Number(Boolean(b.acknowledgedAt)) || a.email.localeCompare(b.email))
            .map((a) => (
              <tr>
                <td>{a.email}</td>
                <td>
                  {a.documentTitle} v{a.version}
                </td>
                <td>{ukDateTimeShort(dueAt(a, starterDays))}</td>
                <td>{a.acknowledgedAt ? `${ukDateTimeShort(a.acknowledgedAt)} (${a.ackChannel ?? ''})` : 'not yet'}</td>
                <td>{ukDateTimeShort(a.lastRemindedAt)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </Layout>,
  );
}

/** The inspection evidence; every cell goes through csvSafe (connectors/hr-feed/csv-injection.ts) inside evidenceCsv. */
export async function acknowledgementsCsv(c: DashContext) {
  const p = await pageContext(c);
  const [assignments, acks, profile] = await Promise.all([listAssignmentStatuses(c.env.DB, p.school.id), listAcknowledgements(c.env.DB, p.school.id), getActiveProfile(c.env.DB, p.school.id)]);
  const csv = evidenceCsv(assignments, acks, profile?.profile.acknowledgements.starterDays ?? 14, new Date());
  return c.body(csv, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${p.school.id}-acknowledgements-${new Date().toISOString().slice(0, 10)}.csv"`,
    'cache-control': 'no-store',
  });
}
