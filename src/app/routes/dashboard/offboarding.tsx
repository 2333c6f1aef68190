import { Layout, PostButton } from './layout.tsx';
import { recentImports, recentJobs } from './offboarding-queries.ts';
import { pageContext, ukDateTimeShort, type DashContext } from './page-context.ts';

/** Held HR imports to approve or reject, and each leaver's offboarding steps as they ran. */
export async function offboardingPage(c: DashContext) {
  const p = await pageContext(c);
  const [imports, jobs] = await Promise.all([recentImports(c.env.DB, p.school.id), recentJobs(c.env.DB, p.school.id)]);
  const held = imports.filter((i) => i.status === 'held');
  return c.html(
    <Layout title="Offboarding" school={p.school} active="offboarding" notice={p.notice} signedInAs={p.signedInAs}>
      {imports.length === 0 && jobs.length === 0 ? <p>No HR feed has been imported for this school yet, so no leavers have been processed.</p> : null}
      <h2>Held for approval</h2>
      {held.length === 0 ? <p>Nothing is held.</p> : null}
      {held.map((i) => (
        <section aria-label={`HR import received ${ukDateTimeShort(i.receivedAt)}`} class="tile">
          <p>
            HR import received {ukDateTimeShort(i.receivedAt)} ({i.source}, {i.rowCount} rows, {i.actions.length} planned actions)
          </p>
          <p>Held because: {i.heldReason ?? 'the safety limits were reached'}</p>
          <PostButton action={`${p.base}/hr-imports/${encodeURIComponent(i.id)}/approve`} csrf={p.csrf} back={p.here} label="Approve leavers" />
          <PostButton action={`${p.base}/hr-imports/${encodeURIComponent(i.id)}/reject`} csrf={p.csrf} back={p.here} label="Reject import" secondary />
        </section>
      ))}
      <h2>HR imports</h2>
      <table>
        <caption>The last {imports.length} imports</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Source</th>
            <th scope="col">Rows</th>
            <th scope="col">Status</th>
            <th scope="col">Decided</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr>
              <td>{ukDateTimeShort(i.receivedAt)}</td>
              <td>{i.source}</td>
              <td>{i.rowCount}</td>
              <td>{i.status}</td>
              <td>{ukDateTimeShort(i.decidedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Leavers</h2>
      <table>
        <caption>Offboarding jobs and their step logs</caption>
        <thead>
          <tr>
            <th scope="col">Leaver</th>
            <th scope="col">Act at</th>
            <th scope="col">Status</th>
            <th scope="col">Steps</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr>
              <td>{j.subjectEmail}</td>
              <td>{ukDateTimeShort(j.actAt)}</td>
              <td>{j.status}</td>
              <td>
                <details>
                  <summary>{j.steps.length} steps</summary>
                  <ol>
                    {j.steps.map((s) => (
                      <li>
                        {s.step}: {s.status} ({s.attempts} attempt{s.attempts === 1 ? '' : 's'}, {ukDateTimeShort(s.updatedAt)}){s.lastError ? ` — ${s.lastError}` : ''}
                      </li>
                    ))}
                  </ol>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>,
  );
}
