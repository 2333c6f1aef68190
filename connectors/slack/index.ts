/** The Slack staff-bot connector: verified inbound requests through slack-edge, outbound Web API calls. */
export { createSlackBot, ACK_ACTION_ID, FEEDBACK_ACTION_ID, SBM_ACTION_ID, SLACK_COMMAND, type SlackActionIn, type SlackCommandIn, type SlackHandlers, type SlackMessageIn } from './app.ts';
export { createSlackApi, SLACK_API_BASE, type SlackApi, type SlackBlock } from './web-api.ts';
export { signSlackBody, verifySlackSignature, SLACK_MAX_SKEW_SECONDS } from './verify-signature.ts';
export { slackReferenceSchema, slackUserKey, type SlackReference } from './reference.ts';
export { firstDelivery, pruneSeenEvents } from './seen-events-d1.ts';
