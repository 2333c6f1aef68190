import type { Child } from 'hono/jsx';

/**
 * The card preview's text version: a server-side HTML rendering of an Adaptive Card (the elements the
 * weekly card uses: TextBlock, Container, ColumnSet/Column, FactSet, ActionSet, Action.OpenUrl and
 * Action.Execute). Microsoft's renderer draws the card in the browser (card-preview.tsx); this is what
 * shows without scripts or when that renderer fails, and stays below it for anyone who prefers text.
 * Execute buttons are shown but inert here.
 */
type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
/** Undo the backslash escapes `plain()` adds for Teams' Markdown. */
const unescape = (text: string) => text.replace(/\\([\\`*_[\]<>#])/g, '$1');

const colors: Record<string, string> = { Good: '#1e6b2e', Warning: '#7a4a00', Attention: '#a50e0e', Accent: '#0b57d0', Default: '#1b1b1b' };
const sizes: Record<string, string> = { Small: '.85rem', Default: '1rem', Medium: '1.1rem', Large: '1.3rem', ExtraLarge: '1.6rem' };
const styles: Record<string, string> = { good: '#e6f4ea', warning: '#fff4e0', attention: '#fce8e6', emphasis: '#f1f3f6', accent: '#e8f0fe' };
const gaps: Record<string, string> = { None: '0', Small: '.2rem', Default: '.5rem', Medium: '.75rem', Large: '1.1rem', ExtraLarge: '1.5rem' };

function action(a: unknown): Child {
  if (!isNode(a)) return null;
  if (a.type === 'Action.OpenUrl') {
    return (
      <a class="ac-action" href={str(a.url)}>
        {str(a.title)}
      </a>
    );
  }
  return (
    <button type="button" class="ac-action" disabled title={`In Teams this button sends "${str(a.verb)}" to Tutela`}>
      {str(a.title)}
    </button>
  );
}

function element(e: unknown): Child {
  if (!isNode(e)) return null;
  const spacing = `margin-top:${gaps[str(e.spacing) || 'Default'] ?? '.5rem'};${e.separator ? 'border-top:1px solid #d0d4da;padding-top:.5rem;' : ''}`;
  switch (e.type) {
    case 'TextBlock': {
      const css = `${spacing}color:${e.isSubtle ? '#4a4f57' : (colors[str(e.color)] ?? colors.Default)};font-size:${sizes[str(e.size)] ?? '1rem'};font-weight:${e.weight === 'Bolder' ? 700 : 400};margin-bottom:0`;
      return <p style={css}>{unescape(str(e.text))}</p>;
    }
    case 'Container':
      return (
        <div style={`${spacing}padding:${e.style ? '.6rem .8rem' : '0'};border-radius:6px;background:${styles[str(e.style)] ?? 'transparent'}`}>{(Array.isArray(e.items) ? e.items : []).map(element)}</div>
      );
    case 'ColumnSet':
      return <div style={`${spacing}display:flex;gap:.75rem`}>{(Array.isArray(e.columns) ? e.columns : []).map(element)}</div>;
    case 'Column':
      return <div style="flex:1">{(Array.isArray(e.items) ? e.items : []).map(element)}</div>;
    case 'FactSet':
      return (
        <dl class="ac-facts" style={spacing}>
          {(Array.isArray(e.facts) ? e.facts : []).filter(isNode).map((f) => (
            <>
              <dt>{unescape(str(f.title))}</dt>
              <dd>{unescape(str(f.value))}</dd>
            </>
          ))}
        </dl>
      );
    case 'ActionSet':
      return <div style={`${spacing}display:flex;flex-wrap:wrap;gap:.4rem`}>{(Array.isArray(e.actions) ? e.actions : []).map(action)}</div>;
    default:
      return <p style={spacing}>{`[${str(e.type)} is not drawn in this preview]`}</p>;
  }
}

const css = `.ac-card{max-width:34rem;border:1px solid #c4c9d0;border-radius:8px;padding:1rem 1.1rem;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.ac-facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .9rem;margin-bottom:0}.ac-facts dt{font-weight:700}.ac-facts dd{margin:0}
.ac-action{font:inherit;font-size:.95rem;border:1px solid #0b57d0;color:#0b57d0;background:#fff;border-radius:4px;padding:.3rem .7rem;text-decoration:none}
.ac-action[disabled]{color:#1b1b1b;border-color:#6b717a;background:#f1f3f6;cursor:not-allowed}.ac-actions{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:1rem;border-top:1px solid #d0d4da;padding-top:.75rem}`;

export function CardPreview(props: { card: unknown; label: string }) {
  const card = isNode(props.card) ? props.card : {};
  return (
    <>
      <style>{css}</style>
      <article class="ac-card" aria-label={props.label}>
        {(Array.isArray(card.body) ? card.body : []).map(element)}
        {Array.isArray(card.actions) && card.actions.length ? <div class="ac-actions">{card.actions.map(action)}</div> : null}
      </article>
    </>
  );
}
