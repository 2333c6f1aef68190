import type { Child } from 'hono/jsx';

// hono/jsx escapes <style> text (a quote becomes &quot;), so this CSS avoids quotes and angle brackets.
const css = `*{box-sizing:border-box}body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}.skip:focus{left:.5rem}
header{background:#0f2f57;color:#fff;padding:.75rem 1.5rem}header a{color:#fff}header .brand{font-weight:700;font-size:1.1rem;margin-right:1.5rem;text-decoration:none}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.5rem 0 0;padding:0}nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}th,td{padding:.4rem .6rem;text-align:left;border-bottom:1px solid #d0d4da;vertical-align:top}th{background:#f1f3f6}
a{color:#0b57d0}.muted{color:#4a4f57}.flash{border:2px solid #1e6b2e;background:#e6f4ea;padding:.5rem 1rem;border-radius:6px}.flash.warn{border-color:#8a4b00;background:#fff4e0}
.badge{display:inline-block;padding:0 .5rem;border-radius:999px;font-size:.85rem;font-weight:600}.good{background:#e6f4ea;color:#1e5b28}.attention{background:#fff4e0;color:#6b3d00}.action{background:#fce8e6;color:#8c1010}
button,.button{font:inherit;background:#0b57d0;color:#fff;border:0;border-radius:6px;padding:.35rem .8rem;cursor:pointer;text-decoration:none;display:inline-block}button.secondary{background:#e8eaed;color:#1b1b1b;border:1px solid #8a9099}
form.inline{display:inline-block;margin:0 .25rem .25rem 0}label{font-weight:600;margin-right:.35rem}select,input,textarea{font:inherit;padding:.25rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem}.tile{border:1px solid #d0d4da;border-radius:8px;padding:.75rem 1rem}.tile p{margin:.25rem 0}.big{font-size:1.6rem;font-weight:700}
pre{background:#f6f8fa;border:1px solid #d0d4da;padding:.75rem;overflow:auto;max-height:30rem}dl.evidence{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}dl.evidence dt{font-weight:600}dl.evidence dd{margin:0}`;

export interface LayoutProps {
  title: string;
  school?: { id: string; name: string };
  active?: string;
  notice?: string | undefined;
  signedInAs: string;
  children?: Child;
}

const sections = [
  ['', 'Overview'],
  ['findings', 'Findings'],
  ['runs', 'Audit runs'],
  ['offboarding', 'Offboarding'],
  ['acknowledgements', 'Acknowledgements'],
  ['profile', 'Policy profile'],
  ['connections', 'Connections'],
  ['card', 'Weekly card'],
] as const;

/** Every dashboard page: a skip link, the school's sections, one main landmark with one h1. */
export function Layout(props: LayoutProps) {
  const base = props.school ? `/dashboard/schools/${encodeURIComponent(props.school.id)}` : '/dashboard';
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title}${props.school ? ` — ${props.school.name}` : ''} — Tutela`}</title>
        <style>{css}</style>
      </head>
      <body>
        <header>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <a class="brand" href="/dashboard">
            Tutela
          </a>
          <span>{props.school ? props.school.name : 'Schools'}</span>
          <span class="muted" style="color:#dfe6ef;margin-left:1rem">Signed in as {props.signedInAs}</span>
          {props.school ? (
            <nav aria-label="School sections">
              <ul>
                {sections.map(([path, label]) => (
                  <li>
                    <a href={path ? `${base}/${path}` : base} aria-current={props.active === (path || 'overview') ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main">
          <h1>{props.title}</h1>
          {props.notice ? (
            <p class="flash" role="status">
              {props.notice}
            </p>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A state-changing button: a POST form carrying the session's CSRF token and where to come back to. */
export function PostButton(props: { action: string; csrf: string; label: string; back: string; secondary?: boolean; fields?: Record<string, string>; children?: Child }) {
  return (
    <form class="inline" method="post" action={props.action}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="back" value={props.back} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button type="submit" class={props.secondary ? 'secondary' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

export const levelClass = (level: 'good' | 'attention' | 'action') => `badge ${level}`;
