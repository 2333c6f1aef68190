import type { AdaptiveCardActionCardResponse } from '@microsoft/teams.api';

/** The wire shape of a Universal Actions error (the SDK's type also demands an inner HTTP error we do not have). */
export interface InvokeErrorResponse {
  statusCode: 400;
  type: 'application/vnd.microsoft.error';
  value: { code: string; message: string };
}

/** Universal Actions reply that replaces the card for the person who pressed the button. */
export const invokeCardResponse = (card: AdaptiveCardActionCardResponse['value']): AdaptiveCardActionCardResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card,
});

/** Universal Actions error: Teams shows the message and leaves the card as it was. */
export const invokeErrorResponse = (code: string, message: string): InvokeErrorResponse => ({
  statusCode: 400,
  type: 'application/vnd.microsoft.error',
  value: { code, message },
});
