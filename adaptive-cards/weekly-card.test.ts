import { describe, expect, it } from 'vitest';
import { busy, quiet } from './card-examples.ts';
import { weeklyCard, MAX_REFRESH_USERS } from './weekly-card.ts';
import { cardRuleProblems } from './weekly-card-rules.ts';
import { weeklyVerbList } from './weekly-card-data.ts';
import { weeklySlackBlocks } from './weekly-slack-blocks.ts';

type Json = Record<string, unknown>;
/** Every Action.Execute anywhere in the card, with its verb and data. */
function executes(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => executes(n, out));
  else if (node && typeof node === 'object') {
    const n = node as Json;
    if (n.type === 'Action.Execute') out.push(n);
    Object.values(n).forEach((v) => executes(v, out));
  }
  return out;
}

describe('weekly card', () => {
  it('renders a busy week (snapshot) within the Adaptive Cards 1.5 rules', () => {
    const card = weeklyCard(busy);
    expect(cardRuleProblems(card)).toEqual([]);
    expect(card).toMatchSnapshot();
  });

  it('renders a quiet week (snapshot) with no decision buttons', () => {
    const card = weeklyCard(quiet);
    expect(cardRuleProblems(card)).toEqual([]);
    expect(executes(card).map((a) => a.verb)).toEqual(['sbm.weekly.refresh']);
    expect(card).toMatchSnapshot();
  });

  it('gives every button a known verb and the school, and approve/reject the item they act on', () => {
    const actions = executes(weeklyCard(busy));
    expect(actions.every((a) => weeklyVerbList.includes(String(a.verb)) && (a.data as Json).schoolId === 'oakfield')).toBe(true);
    expect(actions.map((a) => [a.verb, a.data])).toEqual(
      expect.arrayContaining([
        ['sbm.weekly.remind', { schoolId: 'oakfield' }],
        ['sbm.remediation.approve', { schoolId: 'oakfield', actionId: 'act-1' }],
        ['sbm.leavers.approve', { schoolId: 'oakfield', importId: 'imp-1' }],
        ['sbm.leavers.reject', { schoolId: 'oakfield', importId: 'imp-1' }],
      ]),
    );
  });

  it('refreshes for at most 60 users, as Teams requires', () => {
    const ids = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    const card = weeklyCard({ ...busy, refreshUserIds: ids }) as unknown as { refresh: { userIds: string[]; action: Json } };
    expect(card.refresh.userIds).toHaveLength(MAX_REFRESH_USERS);
    expect(card.refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'sbm.weekly.refresh' });
    expect(cardRuleProblems(card)).toEqual([]);
  });

  it('keeps names from turning into Markdown', () => {
    const card = weeklyCard({ ...busy, schoolName: 'St *Mary*’s [Primary]' });
    expect(JSON.stringify(card.body?.[0])).toContain('St \\\\*Mary\\\\*’s \\\\[Primary\\\\]');
  });

  it('has a Slack rendition with the same headline and a dashboard link', () => {
    const slack = weeklySlackBlocks(busy);
    expect(slack.text).toBe('Email policy this week for Oakfield Primary School: Action needed');
    expect(JSON.stringify(slack.blocks)).toContain(busy.dashboardUrl);
  });
});

describe('Adaptive Cards 1.5 rule check', () => {
  it('catches what Teams would refuse or drop', () => {
    const bad = {
      type: 'AdaptiveCard',
      version: '1.6',
      body: [
        { type: 'TextBlock', text: 'ok' },
        { type: 'Carousel', pages: [] },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'No verb', data: 'x' }, { type: 'Action.Popover', title: 'new' }] },
        { type: 'Container', items: [{ type: 'TextBlock', id: 'a', text: 'x' }, { type: 'TextBlock', id: 'a', text: 'y' }] },
      ],
      refresh: { action: { type: 'Action.Execute', verb: 'r' }, userIds: Array.from({ length: 61 }, (_, i) => String(i)) },
    };
    const problems = cardRuleProblems(bad).join('\n');
    expect(problems).toContain('version must be "1.5"');
    expect(problems).toContain('"Carousel" is not an Adaptive Cards 1.5 element');
    expect(problems).toContain('Action.Execute needs a verb');
    expect(problems).toContain('Action.Execute data must be an object');
    expect(problems).toContain('"Action.Popover" is not an Adaptive Cards 1.5 action');
    expect(problems).toContain('duplicate id "a"');
    expect(problems).toContain('refresh.userIds must be at most 60');
  });
});
