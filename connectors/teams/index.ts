/** The Teams staff-bot connector: inbound authentication and activities, outbound Bot Connector calls. */
export { activitySchema, envelopeSchema, plainText, tenantOf, universalActionValueSchema, type Activity, type ActivityOf } from './activity.ts';
export { sharedBotKeySource, createBotKeySource, BOT_FRAMEWORK_OPENID_METADATA, type BotKeySource } from './bot-keys.ts';
export { createTeamsClient, type OutboundMessage, type TeamsClient } from './client.ts';
export { referenceFrom, teamsReferenceSchema, type TeamsReference } from './reference.ts';
export { isAllowedServiceUrl, parseHostList } from './service-url.ts';
export { verifyBotFrameworkRequest, BOT_FRAMEWORK_ISSUER, type RefusalReason } from './verify-token.ts';
export { invokeCardResponse, invokeErrorResponse } from './invoke-response.ts';
