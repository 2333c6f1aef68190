import { weeklyCard } from '../../../../adaptive-cards/weekly-card.ts';
import { cardRuleProblems } from '../../../../adaptive-cards/weekly-card-rules.ts';
import { weeklyCardData } from '../../../domain/weekly/assemble.ts';
import { assetUrl } from './assets.ts';
import { CardPreview } from './card-html.tsx';
import { Layout } from './layout.tsx';
import { publicUrl } from '../../public-url.ts';
import { pageContext, type DashContext } from './page-context.ts';
import { teamsHostConfig } from './teams-host-config.ts';

async function cardFor(c: DashContext, schoolId: string) {
  const data = await weeklyCardData(c.env.DB, { schoolId, now: new Date(), publicUrl: publicUrl(c) });
  return data ? weeklyCard(data) : null;
}

/**
 * JSON that is safe as the text of a <script> element: with every `<`, `>` and `&` written as a
 * \u escape, school data can never close the element, and JSON.parse reads it back unchanged.
 */
export const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

const css = `.ac-host{max-width:34rem;border:1px solid #c4c9d0;border-radius:8px;overflow:hidden;box-shadow:0 1px 3px rgba(0,0,0,.12)}.ac-host:empty{display:none}
.ac-host{font-family:Segoe UI,system-ui,-apple-system,sans-serif}.ac-host table{width:auto;margin:0}.ac-host th,.ac-host td{border:0;padding:0;background:none}
.ac-host .ac-pushButton{font-family:inherit;font-size:14px;font-weight:600;background:#fff;color:#242424;border:1px solid #8a8886;border-radius:4px;padding:5px 12px;cursor:pointer}
.ac-host .ac-pushButton:hover{background:#f5f5f5}details#ac-text{margin-top:1rem}details#ac-text summary{cursor:pointer;font-weight:600}`;

/** This week's card as the SBM will see it on Monday, drawn by Microsoft's renderer from the exact JSON Teams receives. */
export async function cardPreviewPage(c: DashContext) {
  const p = await pageContext(c);
  const card = await cardFor(c, p.school.id);
  if (!card) return c.notFound();
  const problems = cardRuleProblems(card);
  const [renderer, boot] = await Promise.all([assetUrl('adaptivecards.min.js'), assetUrl('card-preview.js')]);
  return c.html(
    <Layout title="This week's card" school={p.school} active="card" notice={p.notice} signedInAs={p.signedInAs}>
      <style>{css}</style>
      <p class="muted">
        A preview of the Monday 08:00 card, built from today's data. It is drawn here by Microsoft's Adaptive Cards renderer (the one the Adaptive Cards Designer uses) from the card's JSON (Adaptive Cards 1.5), with Teams-like styles; Teams draws it with its own. Buttons act only in Teams.
      </p>
      <p>{problems.length === 0 ? <span class="badge good">Passes the Adaptive Cards 1.5 checks</span> : <span class="badge action">{`${problems.length} card problem(s)`}</span>}</p>
      {problems.length ? (
        <ul>
          {problems.map((x) => (
            <li>{x}</li>
          ))}
        </ul>
      ) : null}
      <p id="ac-status" class="flash warn" role="alert" hidden></p>
      <noscript>
        <p class="flash warn">The card is drawn by a script, and scripts are off: the text version below shows what it says.</p>
      </noscript>
      <div id="ac-rendered" class="ac-host" role="region" aria-label="Weekly card preview"></div>
      {/* Open until the renderer has drawn the card, so it is what you see without scripts or if the renderer fails. */}
      <details id="ac-text" open>
        <summary>Text version of the card</summary>
        <CardPreview card={card} label="Weekly card preview (text version)" />
      </details>
      <script type="application/json" id="ac-card-data" dangerouslySetInnerHTML={{ __html: scriptSafeJson({ card, hostConfig: teamsHostConfig }) }} />
      <script src={renderer} defer />
      <script src={boot} defer />
      <h2>Card JSON</h2>
      <p>
        <a href={`${p.base}/card.json`}>Download the card JSON</a> (paste it into the Adaptive Cards Designer to try it against other hosts).
      </p>
    </Layout>,
  );
}

export async function cardJson(c: DashContext) {
  const p = await pageContext(c);
  const card = await cardFor(c, p.school.id);
  return card ? c.json(card) : c.notFound();
}
