/**
 * The Adaptive Cards 1.5 rules we can check without Microsoft's renderer: version, element and
 * action types that exist in 1.5 (Teams renders nothing newer), Action.Execute with a verb and an
 * object of data, unique ids, refresh within Teams' limits. Used by the card tests and by
 * `tutela card weekly`, so a card that breaks a rule never reaches a school.
 */
const ELEMENTS_1_5 = new Set([
  'TextBlock', 'Image', 'Media', 'RichTextBlock', 'TextRun', 'Container', 'ColumnSet', 'Column', 'FactSet', 'ImageSet', 'ActionSet', 'Table', 'TableRow', 'TableCell',
  'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
]);
const ACTIONS_1_5 = new Set(['Action.OpenUrl', 'Action.Submit', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.Execute']);
const MAX_REFRESH_USERS = 60;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

export function cardRuleProblems(card: unknown): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  if (!isNode(card) || card.type !== 'AdaptiveCard') return ['the root must be an object of type "AdaptiveCard"'];
  if (card.version !== '1.5') problems.push(`version must be "1.5" (Teams renders up to 1.5), not ${JSON.stringify(card.version)}`);

  const action = (a: unknown, path: string) => {
    if (!isNode(a) || typeof a.type !== 'string' || !ACTIONS_1_5.has(a.type)) return problems.push(`${path}: ${JSON.stringify(isNode(a) ? a.type : a)} is not an Adaptive Cards 1.5 action`);
    if (typeof a.title !== 'string' && !path.startsWith('refresh')) problems.push(`${path}: an action needs a title`);
    if (a.type === 'Action.Execute') {
      if (typeof a.verb !== 'string' || a.verb.length === 0) problems.push(`${path}: Action.Execute needs a verb`);
      if (a.data !== undefined && !isNode(a.data)) problems.push(`${path}: Action.Execute data must be an object`);
    }
    if (a.type === 'Action.OpenUrl' && (typeof a.url !== 'string' || !/^https?:\/\//.test(a.url))) problems.push(`${path}: Action.OpenUrl needs an http(s) url`);
    if (a.type === 'Action.ShowCard') walkCard(a.card, `${path}.card`);
    return undefined;
  };

  const element = (e: unknown, path: string): void => {
    if (!isNode(e) || typeof e.type !== 'string' || !ELEMENTS_1_5.has(e.type)) {
      problems.push(`${path}: ${JSON.stringify(isNode(e) ? e.type : e)} is not an Adaptive Cards 1.5 element`);
      return;
    }
    if (typeof e.id === 'string') {
      if (ids.has(e.id)) problems.push(`${path}: duplicate id "${e.id}"`);
      ids.add(e.id);
    }
    if (e.type === 'TextBlock' && typeof e.text !== 'string') problems.push(`${path}: TextBlock needs text`);
    if (e.type === 'FactSet' && !(Array.isArray(e.facts) && e.facts.every((f) => isNode(f) && typeof f.title === 'string' && typeof f.value === 'string'))) {
      problems.push(`${path}: FactSet facts need string title and value`);
    }
    for (const key of ['items', 'columns', 'inlines', 'images', 'rows', 'cells'] as const) {
      const children = e[key];
      if (!Array.isArray(children)) continue;
      children.forEach((child, i) => {
        if (key !== 'inlines' || typeof child !== 'string') element(child, `${path}.${key}[${i}]`);
      });
    }
    if (e.type === 'ActionSet') (Array.isArray(e.actions) ? e.actions : []).forEach((a, i) => action(a, `${path}.actions[${i}]`));
    if (isNode(e.selectAction)) action(e.selectAction, `${path}.selectAction`);
  };

  function walkCard(c: unknown, path: string) {
    if (!isNode(c)) return problems.push(`${path}: not a card`);
    (Array.isArray(c.body) ? c.body : []).forEach((e, i) => element(e, `${path}.body[${i}]`));
    (Array.isArray(c.actions) ? c.actions : []).forEach((a, i) => action(a, `${path}.actions[${i}]`));
    return undefined;
  }

  walkCard(card, '(card)');
  if (card.refresh !== undefined) {
    const r = card.refresh;
    if (!isNode(r) || !isNode(r.action) || r.action.type !== 'Action.Execute') problems.push('refresh.action must be an Action.Execute');
    else action(r.action, 'refresh.action');
    if (isNode(r) && r.userIds !== undefined && !(Array.isArray(r.userIds) && r.userIds.length <= MAX_REFRESH_USERS && r.userIds.every((u) => typeof u === 'string'))) {
      problems.push(`refresh.userIds must be at most ${MAX_REFRESH_USERS} strings`);
    }
  }
  return problems;
}
