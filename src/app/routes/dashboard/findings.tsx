import { z } from 'zod';
import { catalogueEntry } from '../../../domain/checks/catalogue.ts';
import { checkIds } from '../../../domain/checks/ids.ts';
import { findingStatuses } from '../../../domain/findings/finding.ts';
import { listFindings } from '../../../storage/findings.ts';
import { listActions } from '../../../storage/remediations.ts';
import { Layout, PostButton } from './layout.tsx';
import { pageContext, ukDateTimeShort, type DashContext } from './page-context.ts';

const filterSchema = z.object({
  check: z.enum(checkIds).optional().catch(undefined),
  status: z.enum(findingStatuses).optional().catch(undefined),
});

/** Findings with filters, evidence, and the buttons to fix, approve or accept the risk. */
export async function findingsPage(c: DashContext) {
  const p = await pageContext(c);
  const q = filterSchema.parse({ check: c.req.query('check') || undefined, status: c.req.query('status') || undefined });
  const [findings, pending] = await Promise.all([
    listFindings(c.env.DB, p.school.id, { ...(q.check ? { checkId: q.check } : {}), ...(q.status ? { status: q.status } : {}), limit: 500 }),
    listActions(c.env.DB, p.school.id, { status: 'pending-approval', limit: 1000 }),
  ]);
  const pendingBy = new Map(pending.filter((a) => a.findingId).map((a) => [a.findingId as string, a]));
  return c.html(
    <Layout title="Findings" school={p.school} active="findings" notice={p.notice} signedInAs={p.signedInAs}>
      <form method="get" action={`${p.base}/findings`} aria-label="Filter findings">
        <label for="check">Check</label>
        <select id="check" name="check">
          <option value="">All checks</option>
          {checkIds.map((id) => (
            <option value={id} selected={q.check === id}>
              {catalogueEntry(id).title}
            </option>
          ))}
        </select>{' '}
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="">Any status</option>
          {findingStatuses.map((s) => (
            <option value={s} selected={q.status === s}>
              {s}
            </option>
          ))}
        </select>{' '}
        <button type="submit">Filter</button>
      </form>
      <p class="muted">
        {findings.length} finding{findings.length === 1 ? '' : 's'}
        {findings.length === 500 ? ' (first 500 shown)' : ''}; {pending.length} fix{pending.length === 1 ? '' : 'es'} waiting for approval.
      </p>
      <table>
        <caption>Findings</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Check</th>
            <th scope="col">Who</th>
            <th scope="col">What we found</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => {
            const action = pendingBy.get(f.id);
            const url = `${p.base}/findings/${encodeURIComponent(f.id)}`;
            return (
              <tr>
                <td>{f.severity}</td>
                <td>{catalogueEntry(f.checkId).title}</td>
                <td>{f.subject.email ?? f.subject.id}</td>
                <td>
                  {f.summary}
                  <details>
                    <summary>Evidence</summary>
                    <dl class="evidence">
                      {Object.entries(f.evidence).map(([k, v]) => (
                        <>
                          <dt>{k}</dt>
                          <dd>{Array.isArray(v) ? v.join(', ') : String(v)}</dd>
                        </>
                      ))}
                      <dt>Policy rule</dt>
                      <dd>{f.policyRef}</dd>
                      <dt>First seen</dt>
                      <dd>{ukDateTimeShort(f.firstSeenAt)}</dd>
                      <dt>Last seen</dt>
                      <dd>{ukDateTimeShort(f.lastSeenAt)}</dd>
                    </dl>
                  </details>
                </td>
                <td>
                  {f.status}
                  {f.statusNote ? <div class="muted">{f.statusNote}</div> : null}
                </td>
                <td>
                  {action ? (
                    <>
                      <p>Fix waiting for approval ({action.action}{action.dryRun ? ', dry run' : ''})</p>
                      <PostButton action={`${p.base}/remediations/${encodeURIComponent(action.id)}/approve`} csrf={p.csrf} back={p.here} label="Approve fix" />
                      <PostButton action={`${p.base}/remediations/${encodeURIComponent(action.id)}/reject`} csrf={p.csrf} back={p.here} label="Reject fix" secondary />
                    </>
                  ) : f.status === 'open' && f.remediation.available ? (
                    <>
                      <PostButton action={`${url}/remediate`} csrf={p.csrf} back={p.here} label="Fix now" fields={{ dryRun: 'false' }} />
                      <PostButton action={`${url}/remediate`} csrf={p.csrf} back={p.here} label="Preview fix (dry run)" fields={{ dryRun: 'true' }} secondary />
                    </>
                  ) : null}
                  {f.status === 'open' ? (
                    <PostButton action={`${url}/accept-risk`} csrf={p.csrf} back={p.here} label="Accept risk" secondary>
                      <label for={`note-${f.id}`}>Reason</label>
                      <input id={`note-${f.id}`} name="note" required minlength={3} maxlength={1000} size={18} />{' '}
                    </PostButton>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>,
  );
}
