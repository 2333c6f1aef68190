import type { IAdaptiveCard } from '@microsoft/teams.cards';

/** Teams renders Adaptive Cards up to 1.5 (platform notes); anything newer falls back to text. */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Every staff-facing card: the schema type from Microsoft's own card library, version pinned. */
export type StaffCard = IAdaptiveCard & { $schema: string; version: typeof CARD_VERSION };

export const card = (body: NonNullable<IAdaptiveCard['body']>, actions?: IAdaptiveCard['actions'], fallbackText?: string): StaffCard => ({
  $schema: CARD_SCHEMA,
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  body,
  ...(actions?.length ? { actions } : {}),
  ...(fallbackText ? { fallbackText } : {}),
});

/** Card text is Markdown-ish: stop a policy quote or a name from turning into links or emphasis. */
export const plain = (text: string): string => text.replace(/([\\`*_[\]<>#])/g, '\\$1');
