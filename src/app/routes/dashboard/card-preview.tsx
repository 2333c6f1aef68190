import { weeklyCard } from '../../../../adaptive-cards/weekly-card.ts';
import { cardRuleProblems } from '../../../../adaptive-cards/weekly-card-rules.ts';
import { weeklyCardData } from '../../../domain/weekly/assemble.ts';
import { CardPreview } from './card-html.tsx';
import { Layout } from './layout.tsx';
import { publicUrl } from './overview.tsx';
import { pageContext, type DashContext } from './page-context.ts';

async function cardFor(c: DashContext, schoolId: string) {
  const data = await weeklyCardData(c.env.DB, { schoolId, now: new Date(), publicUrl: publicUrl(c) });
  return data ? weeklyCard(data) : null;
}

/** This week's card as the SBM will see it on Monday, drawn from the exact JSON Teams receives. */
export async function cardPreviewPage(c: DashContext) {
  const p = await pageContext(c);
  const card = await cardFor(c, p.school.id);
  if (!card) return c.notFound();
  const problems = cardRuleProblems(card);
  return c.html(
    <Layout title="This week's card" school={p.school} active="card" notice={p.notice} signedInAs={p.signedInAs}>
      <p class="muted">
        A preview of the Monday 08:00 card, built from today's data. It is drawn here from the card's JSON (Adaptive Cards 1.5); Teams draws it with its own styles. Buttons act only in Teams.
      </p>
      <p>{problems.length === 0 ? <span class="badge good">Passes the Adaptive Cards 1.5 checks</span> : <span class="badge action">{`${problems.length} card problem(s)`}</span>}</p>
      {problems.length ? (
        <ul>
          {problems.map((x) => (
            <li>{x}</li>
          ))}
        </ul>
      ) : null}
      <CardPreview card={card} label="Weekly card preview" />
      <h2>Card JSON</h2>
      <p>
        <a href={`${p.base}/card.json`}>Download the card JSON</a> (paste it into the Adaptive Cards Designer to see Microsoft's rendering).
      </p>
    </Layout>,
  );
}

export async function cardJson(c: DashContext) {
  const p = await pageContext(c);
  const card = await cardFor(c, p.school.id);
  return card ? c.json(card) : c.notFound();
}
