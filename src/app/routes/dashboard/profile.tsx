import { parseProfile } from '../../../domain/profile/parse.ts';
import { getActiveProfile, listProfileVersions } from '../../../storage/profiles.ts';
import { Layout } from './layout.tsx';
import { pageContext, ukDateTimeShort, type DashContext } from './page-context.ts';

/** The active policy profile, re-validated against today's rules, and its version history. */
export async function profilePage(c: DashContext) {
  const p = await pageContext(c);
  const [profile, versions] = await Promise.all([getActiveProfile(c.env.DB, p.school.id), listProfileVersions(c.env.DB, p.school.id)]);
  const check = profile ? await parseProfile(profile.sourceText) : null;
  const pr = profile?.profile;
  const rows: [string, string][] = pr
    ? [
        ['School business manager', `${pr.school.contacts.sbm.name} <${pr.school.contacts.sbm.email}>`],
        ['School domains', pr.domains.internal.join(', ')],
        ['Disclaimer on outside mail', pr.disclaimer.required ? `required${pr.disclaimer.exemptSenders.length ? ` (exempt: ${pr.disclaimer.exemptSenders.join(', ')})` : ''}` : 'not required'],
        ['Forwarding outside the school', pr.forwarding.external],
        ['Rules that delete mail', pr.deletionRules.blocked ? 'not allowed' : 'allowed'],
        ['Attachment limit', pr.attachments.maxBytes === null ? 'none' : `${Math.round((pr.attachments.maxBytes / 1024 / 1024) * 10) / 10} MB`],
        ['Retention', pr.retention.months === null ? 'not set' : `${pr.retention.months} months (${pr.retention.action})`],
        ['Leavers switched off', pr.leavers.disableAt === 'immediately' ? 'immediately' : `at ${pr.leavers.disableAt} on their last day`],
        ['Dormant after', pr.dormantAccounts.days === null ? 'never' : `${pr.dormantAccounts.days} days`],
        ['Bot answers worded by AI', pr.bot.generativeWording ? (c.env.AI ? 'on' : 'on, but this deployment has no Workers AI binding') : 'off (verbatim quotes)'],
        ['Remediation', Object.entries(pr.remediation).map(([k, v]) => `${k}: ${v}`).join('; ') || 'report only'],
      ]
    : [];
  return c.html(
    <Layout title="Policy profile" school={p.school} active="profile" notice={p.notice} signedInAs={p.signedInAs}>
      {!profile ? <p>This school has no policy profile yet. Upload one with PUT /api/schools/{p.school.id}/profile.</p> : null}
      {profile && check ? (
        <>
          <p>
            Version {profile.version}, uploaded by {profile.createdBy} on {ukDateTimeShort(profile.createdAt)}.{' '}
            {check.ok ? <span class="badge good">Valid</span> : <span class="badge action">{`${check.error.problems.length} problem(s)`}</span>}
          </p>
          {!check.ok ? (
            <ul>
              {check.error.problems.map((x) => (
                <li>
                  {x.path}: {x.message}
                </li>
              ))}
            </ul>
          ) : null}
          <table>
            <caption>What the profile says</caption>
            <tbody>
              {rows.map(([k, v]) => (
                <tr>
                  <th scope="row">{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Source</h2>
          <pre tabindex={0} aria-label="Profile source">{profile.sourceText}</pre>
        </>
      ) : null}
      <h2>Versions</h2>
      <ul>
        {versions.map((v) => (
          <li>
            Version {v.version} — {ukDateTimeShort(v.createdAt)} by {v.createdBy} <span class="muted">({v.contentHash.slice(0, 12)})</span>
          </li>
        ))}
      </ul>
    </Layout>,
  );
}
