import { describe, expect, it } from 'vitest';
import { buildDemoSchool, DEMO_SCHOOL_ID } from '../cli/support/demo-school.ts';
import { weeklyCardData } from '../src/domain/weekly/assemble.ts';
import { acknowledgedCard } from './acknowledged-card.ts';
import { acknowledgementCard } from './acknowledgement-card.ts';
import { answerCard } from './answer-card.ts';
import { ackData, answer, busy, quiet } from './card-examples.ts';
import { noticeCard } from './notice-card.ts';
import type { StaffCard } from './staff-card.ts';
import { sdkCardProblems } from './validate-sdk.ts';
import { weeklyCard } from './weekly-card.ts';

/** Every card we send, in each of its shapes. */
const cards: [string, StaffCard][] = [
  ['weekly card, busy week', weeklyCard(busy)],
  ['weekly card, busy week with refresh', weeklyCard({ ...busy, refreshUserIds: ['29:user-1', '29:user-2'] })],
  ['weekly card, quiet week with a notice', weeklyCard({ ...quiet, notice: { text: 'Reminders sent to 3 people.', tone: 'good' } })],
  ['weekly card, warning notice', weeklyCard({ ...busy, notice: { text: 'That import was already handled.', tone: 'warning' } })],
  ['answer card', answerCard(answer)],
  ['answer card after feedback', answerCard({ ...answer, feedback: 'not-helpful' })],
  ['answer card worded by AI', answerCard({ ...answer, answer: 'No: automatic forwarding outside the school is not allowed.', worded: true })],
  ['abstaining answer card', answerCard({ question: 'Can I bring a dog?', answered: false, answer: "Our policy doesn't cover that — please ask the School Business Manager.", citations: [] })],
  ['acknowledgement card', acknowledgementCard(ackData)],
  ['overdue acknowledgement card', acknowledgementCard({ ...ackData, overdue: true })],
  ['acknowledged card', acknowledgedCard({ documentTitle: ackData.documentTitle, version: 3, acknowledgedOn: '1 December 2026 at 09:15' })],
  ['notice card', noticeCard({ title: 'Auto-forwarding switched off', text: 'Your rule "to Gmail" forwarded mail outside the school.\nIt has been switched off.' })],
];

describe("Microsoft's Adaptive Cards SDK, targeting 1.5", () => {
  it.each(cards)('%s parses, validates and round-trips with no problem', (_name, card) => {
    expect(sdkCardProblems(card)).toEqual([]);
  });

  it("the demo school's weekly card parses, validates and round-trips with no problem", async () => {
    const local = await buildDemoSchool();
    try {
      const data = await weeklyCardData(local.deps.db, { schoolId: DEMO_SCHOOL_ID, now: new Date(), publicUrl: 'http://localhost:8787' });
      expect(data).not.toBeNull();
      const card = weeklyCard(data!);
      // A demo card with real findings and acknowledgements, not an empty shell.
      expect(JSON.stringify(card)).toContain('Action.Execute');
      expect(sdkCardProblems(card)).toEqual([]);
    } finally {
      local.close();
    }
  });

  it('reports what the SDK refuses, drops or only knows from 1.6', () => {
    const bad = structuredClone(weeklyCard(busy)) as unknown as { version: string; body: unknown[] };
    bad.version = '1.6';
    const actionSetAt = bad.body.length + 4;
    bad.body.push(
      { type: 'Carousel', pages: [] },
      { type: 'TextBlock', text: 'typo', colour: 'Good' },
      { type: 'TextBlock', text: 'bad enum', spacing: 'Huge' },
      { type: 'TextBlock', text: 'needs 1.6', requires: { adaptiveCards: '1.6' } },
      { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: '1.6 property', verb: 'v', role: 'Button' }, { type: 'Action.Popover', title: 'unknown' }] },
      { type: 'TextBlock', id: 'twice', text: 'a' },
      { type: 'TextBlock', id: 'twice', text: 'b' },
    );
    const problems = sdkCardProblems(bad).join('\n');
    expect(problems).toContain('UnknownElementType: Unknown element type "Carousel"');
    expect(problems).toContain('the SDK did not keep this Carousel');
    expect(problems).toContain('"colour" is not an Adaptive Cards 1.5 property of TextBlock');
    expect(problems).toContain('InvalidPropertyValue (TextBlock): Invalid value "Huge" for property "spacing"');
    expect(problems).toContain('TextBlock requires adaptiveCards 1.6');
    expect(problems).toContain('UnsupportedProperty (Action.Execute): Property "role" is supported in version 1.6');
    expect(problems).toContain(`(card).body[${actionSetAt}].actions[0].role: needs Adaptive Cards 1.6`);
    expect(problems).toContain('UnknownActionType: Unknown action type "Action.Popover"');
    expect(problems).toContain('DuplicateId: Duplicate Id "twice"');
    expect(problems).toContain('UnsupportedCardVersion: The specified card version (1.6)');
  });

  it('reports a value the SDK changes and data it drops', () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', wrap: 'yes' }], refresh: { action: { type: 'Action.Execute', verb: 'r' }, userIds: ['29:a'], expires: 'soon' } };
    const problems = sdkCardProblems(card).join('\n');
    expect(problems).toContain('(card).body[0].wrap: "yes" is not a valid value; the SDK drops it');
    expect(problems).toContain('(card).refresh.expires: dropped by the SDK round trip');
  });
});
