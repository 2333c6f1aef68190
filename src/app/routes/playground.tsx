import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../auth/admin-auth.ts';
import type { AppEnv } from '../context.ts';
import { errorResponse } from '../errors.ts';
import { validate } from '../validate.ts';
import { listConnections } from '../../storage/connections.ts';
import { listDirectoryUsers } from '../../storage/directory.ts';
import { listSchools } from '../../storage/schools.ts';
import { respond, respondDeps } from './bot/respond.ts';
import { slackMessage } from './bot/render-slack.ts';
import { teamsCard } from './bot/render-teams.ts';

const querySchema = z.object({ school: z.string().optional(), as: z.string().optional(), q: z.string().max(500).optional() }).strict();

/** Pulls the readable text out of a card so the page shows what a person would read. */
function cardText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => cardText(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text.replace(/\\([\\`*_[\]<>#])/g, '$1'));
    if (o.type === 'Fact' || (typeof o.title === 'string' && typeof o.value === 'string')) out.push(`${String(o.title)}: ${String(o.value)}`);
    if ((o.type === 'Action.Execute' || o.type === 'Action.OpenUrl') && typeof o.title === 'string') out.push(`[${o.title}]`);
    Object.values(o).forEach((v) => typeof v === 'object' && cardText(v, out));
  }
  return out;
}

/**
 * The bot playground: ask the staff bot a question as any member of a school's staff, and see the
 * Teams card and Slack message it would send. Impersonation is only safe on a developer's machine,
 * so the page exists only in explicit dev mode.
 */
export const playgroundRoutes = new Hono<AppEnv>().get('/playground', requireAdmin, async (c) => {
  if (c.env.TUTELA_MODE !== 'dev') return errorResponse(c, { code: 'not_found', message: 'The bot playground runs only in dev mode.' });
  const query = validate(querySchema, c.req.query(), 'playground query');
  const schools = await listSchools(c.env.DB);
  const school = schools.find((s) => s.id === query.school) ?? schools[0];
  const connection = school ? (await listConnections(c.env.DB, school.id))[0] : undefined;
  const staff = connection ? (await listDirectoryUsers(c.env.DB, connection.id)).filter((u) => u.enabled && u.kind === 'user').slice(0, 300) : [];
  const who = staff.find((u) => u.id === query.as) ?? staff[0];
  const replies =
    query.q && school && who
      ? await respond(respondDeps(c), { schoolId: school.id, email: who.email, userKey: who.id }, query.q)
      : [];
  return c.html(
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <title>Tutela bot playground</title>
        <style>{`body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem}
label{display:block;margin:.5rem 0 .2rem}input,select{font:inherit;padding:.3rem;width:100%}button{font:inherit;margin-top:.6rem;padding:.4rem 1rem}
.card{border:1px solid #ccd;border-radius:8px;padding:1rem;margin:1rem 0;white-space:pre-wrap}pre{overflow:auto;background:#f6f6f8;padding:.5rem}`}</style>
      </head>
      <body>
        <main>
          <h1>Bot playground</h1>
          <p>Ask what staff would ask in Teams or Slack. Try “Can I forward my email to my Gmail?”, “Have I signed the AUP?” or “Is my mailbox compliant?”.</p>
          <form method="get" action="/playground">
            <input type="hidden" name="school" value={school?.id ?? ''} />
            <label for="as">Ask as</label>
            <select id="as" name="as">
              {staff.map((u) => (
                <option value={u.id} selected={u.id === who?.id}>
                  {u.displayName} ({u.email})
                </option>
              ))}
            </select>
            <label for="q">Question</label>
            <input id="q" name="q" value={query.q ?? ''} required />
            <button type="submit">Ask</button>
          </form>
          {replies.map((reply) => {
            const card = teamsCard(reply);
            return (
              <section aria-label="Bot reply">
                <div class="card">{cardText(card.body).join('\n\n')}</div>
                <details>
                  <summary>Teams Adaptive Card (JSON)</summary>
                  <pre>{JSON.stringify(card, null, 2)}</pre>
                </details>
                <details>
                  <summary>Slack Block Kit (JSON)</summary>
                  <pre>{JSON.stringify(slackMessage([reply]), null, 2)}</pre>
                </details>
              </section>
            );
          })}
        </main>
      </body>
    </html>,
  );
});
