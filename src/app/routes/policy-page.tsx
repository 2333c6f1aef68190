import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Paragraph, PolicySection } from '../../domain/policy-docs/index.ts';
import { getCurrentPolicyVersion } from '../../storage/policy-documents.ts';
import { errorResponse } from '../errors.ts';

/**
 * The whole policy behind a bot answer's "read the policy" link: the current version, each section
 * anchored by the id the answer cites. Staff open it from Teams or Slack in a browser where they have no
 * Tutela session, so it is public and read-only; it shows the school's own policy text, which holds no
 * personal data beyond what the school publishes, and nothing else of Tutela's.
 */
const Body = ({ paragraphs }: { paragraphs: Paragraph[] }) => {
  const out: unknown[] = [];
  let bullets: Paragraph[] = [];
  const flush = (): void => {
    if (bullets.length) out.push(<ul>{bullets.map((b) => <li>{b.text}</li>)}</ul>);
    bullets = [];
  };
  for (const p of paragraphs) {
    if (p.kind === 'bullet') {
      // A list's lead-in was ingested as a paragraph of its own; the bullets follow it.
      bullets.push(p);
      continue;
    }
    flush();
    out.push(p.kind === 'row' && p.label ? <p><strong>{p.label}</strong> — {p.text}</p> : <p>{p.text}</p>);
  }
  flush();
  return <>{out}</>;
};

const Section = ({ section, title }: { section: PolicySection; title: string }) => {
  const heading = [section.number, section.heading].filter(Boolean).join(' ');
  return (
    <section id={section.id}>
      {/* A document's opening section is often headed by its own title, already the page's h1. */}
      {heading === title ? null : <h2>{heading}</h2>}
      <Body paragraphs={section.paragraphs} />
    </section>
  );
};

export const policyPageRoutes = new Hono<AppEnv>().get('/:schoolId/:slug', async (c) => {
  const { schoolId, slug } = c.req.param();
  const version = await getCurrentPolicyVersion(c.env.DB, schoolId, slug);
  if (!version) return errorResponse(c, { code: 'not_found', message: 'No such policy document' });
  c.header('Cache-Control', 'no-store');
  return c.html(
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{version.title}</title>
        <style>{`body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.75rem}section:target{background:#fff8d6;outline:4px solid #fff8d6}.muted{color:#555}`}</style>
      </head>
      <body>
        <main>
          <h1>{version.title}</h1>
          <p class="muted">
            Version {version.version} · {version.createdAt.slice(0, 10)} · content hash {version.contentHash.slice(0, 12)}
          </p>
          {version.sections.map((s) => (
            <Section section={s} title={version.title} />
          ))}
        </main>
      </body>
    </html>,
  );
});
