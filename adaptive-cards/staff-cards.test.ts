import { describe, expect, it } from 'vitest';
import { acknowledgedCard } from './acknowledged-card.ts';
import { acknowledgementCard } from './acknowledgement-card.ts';
import { answerCard, WORDED_NOTE } from './answer-card.ts';
import { ackData, answer } from './card-examples.ts';
import { noticeCard } from './notice-card.ts';

const actionsOf = (card: { actions?: unknown[] }) => (card.actions ?? []) as { type: string; verb?: string; url?: string; data?: unknown }[];

describe('staff cards', () => {
  it('answer card: extract, section citation, link and Was-this-helpful actions', () => {
    const card = answerCard(answer);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(JSON.stringify(card.body)).toContain('From section 4.2 Email');
    expect(actionsOf(card).map((a) => [a.type, a.verb ?? a.url])).toEqual([
      ['Action.OpenUrl', answer.documentUrl],
      ['Action.Execute', 'feedback'],
      ['Action.Execute', 'feedback'],
    ]);
    expect(card).toMatchSnapshot();
  });

  it('answer card after feedback has no buttons to press again', () => {
    const card = answerCard({ ...answer, feedback: 'helpful' });
    expect(actionsOf(card).filter((a) => a.type === 'Action.Execute')).toEqual([]);
    expect(card).toMatchSnapshot();
  });

  it('an answer worded by AI says so and quotes the policy beneath it; a plain one does not', () => {
    const texts = (card: { body?: unknown[] }) => (card.body ?? []).map((b) => (b as { text?: string }).text);
    const worded = texts(answerCard({ ...answer, answer: 'No: automatic forwarding outside the school is not allowed.', worded: true }));
    expect(worded.slice(0, 4)).toEqual(['No: automatic forwarding outside the school is not allowed.', WORDED_NOTE, `“${answer.citations[0]!.quote}”`, 'From section 4.2 Email of Email and Acceptable Use Policy']);
    expect(texts(answerCard(answer))).not.toContain(WORDED_NOTE);
  });

  it('an answer giving the steps of a procedure shows the opening clause and each step in its own block', () => {
    const steps = 'If you have sent personal data to the wrong person, you must:\n• tell the School Business Manager straight away;\n• write down what was sent.';
    const texts = (answerCard({ ...answer, answer: steps }).body ?? []).map((b) => (b as { text?: string }).text);
    expect(texts.slice(0, 4)).toEqual([
      'If you have sent personal data to the wrong person, you must:',
      '• tell the School Business Manager straight away;',
      '• write down what was sent.',
      'From section 4.2 Email of Email and Acceptable Use Policy',
    ]);
  });

  it('an abstaining answer offers neither a citation nor a link', () => {
    const card = answerCard({ question: 'Can I bring a dog?', answered: false, answer: "Our policy doesn't cover that — please ask the School Business Manager.", citations: [] });
    expect(JSON.stringify(card)).not.toContain('From section');
    expect(actionsOf(card).some((a) => a.type === 'Action.OpenUrl')).toBe(false);
  });

  it('escapes Markdown in policy text so quotes cannot become links', () => {
    const card = answerCard({ ...answer, answer: 'See [here](http://evil.example) *now*' });
    expect(JSON.stringify(card.body)).not.toContain('[here](http');
  });

  it('acknowledgement card carries the exact version and the intended person', () => {
    const card = acknowledgementCard(ackData);
    const execute = actionsOf(card).find((a) => a.type === 'Action.Execute');
    expect(execute).toMatchObject({ verb: 'acknowledge', data: ackData.action });
    expect(card).toMatchSnapshot();
  });

  it('acknowledged card replaces the button with the date', () => {
    const card = acknowledgedCard({ documentTitle: ackData.documentTitle, version: 3, acknowledgedOn: '1 December 2026 at 09:15' });
    expect(card.actions).toBeUndefined();
    expect(card).toMatchSnapshot();
  });

  it('notice card puts each line in its own block', () => {
    expect(noticeCard({ title: 'T', text: 'one\ntwo' }).body).toHaveLength(3);
  });
});
