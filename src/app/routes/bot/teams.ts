import { Hono, type Context } from 'hono';
import {
  activitySchema,
  createTeamsClient,
  envelopeSchema,
  invokeCardResponse,
  invokeErrorResponse,
  parseHostList,
  plainText,
  sharedBotKeySource,
  universalActionValueSchema,
  verifyBotFrameworkRequest,
  type Activity,
  type ActivityOf,
  type TeamsClient,
} from '../../../../connectors/teams/index.ts';
import { acknowledgedCard } from '../../../../adaptive-cards/acknowledged-card.ts';
import { answerCard } from '../../../../adaptive-cards/answer-card.ts';
import { acknowledge, ukDateTime, type VerifiedStaff } from '../../../domain/acknowledgements/index.ts';
import { isSbmVerb, teamsSbmAction } from '../../../domain/sbm-actions/index.ts';
import { sbmDeps } from '../../../jobs/weekly-card.ts';
import type { AppEnv } from '../../context.ts';
import { errorResponse } from '../../errors.ts';
import { logger } from '../../logger.ts';
import { jsonBody } from '../../validate.ts';
import { answerPolicyQuestion } from './answerer.ts';
import { feedbackSchema } from './feedback.ts';
import { later } from './later.ts';
import { HELP } from './replies.ts';
import { teamsCard } from './render-teams.ts';
import { respond, respondDeps } from './respond.ts';
import { rememberTeamsReference, teamsStaff } from './teams-identity.ts';


function teamsClient(c: Context<AppEnv>): TeamsClient | null {
  const { TEAMS_BOT_APP_ID: appId, TEAMS_BOT_TENANT_ID: tenantId } = c.env;
  const password = c.env.SECRET_TEAMS_BOT_PASSWORD;
  return appId && tenantId && password ? createTeamsClient({ appId, tenantId, password }) : null;
}

async function onMessage(c: Context<AppEnv>, activity: ActivityOf<'message'>, who: VerifiedStaff | null): Promise<void> {
  const client = teamsClient(c);
  if (!client) throw new Error('Teams bot credentials are not configured (TEAMS_BOT_TENANT_ID, SECRET_TEAMS_BOT_PASSWORD)');
  const replies = await respond(respondDeps(c), who, plainText(activity.text));
  for (const reply of replies) {
    const sent = await client.reply(
      { serviceUrl: activity.serviceUrl, conversationId: activity.conversation.id, ...(activity.id ? { replyToId: activity.id } : {}) },
      { card: teamsCard(reply) },
    );
    if (!sent.ok) throw new Error(`reply failed: ${sent.error.code} ${sent.error.message}`);
  }
}

/** Universal Actions: the reply replaces the card for the person who pressed the button. */
async function onCardAction(c: Context<AppEnv>, activity: ActivityOf<'invoke'>, who: VerifiedStaff | null) {
  const value = universalActionValueSchema.safeParse(activity.value);
  if (!value.success) return invokeErrorResponse('invalid_input', 'This card action is not one Tutela understands.');
  const { verb, data } = value.data.action;
  if (!who) return invokeErrorResponse('unauthorized', "I can't tell which school you belong to, so I can't record that.");
  if (verb === 'acknowledge') {
    const res = await acknowledge(c.env.DB, { who, data, channel: 'teams', now: new Date() });
    if (!res.ok) {
      logger(c).warn('ack_refused', { code: res.error.code, schoolId: who.schoolId });
      return invokeErrorResponse(res.error.code, res.error.message);
    }
    const { ack, documentTitle, version } = res.value;
    return invokeCardResponse(acknowledgedCard({ documentTitle, version, acknowledgedOn: ukDateTime(ack.acknowledgedAt) }));
  }
  if (verb === 'feedback') {
    const fb = feedbackSchema.safeParse(data);
    if (!fb.success) return invokeErrorResponse('invalid_input', 'This feedback button is not one Tutela made.');
    logger(c).info('bot_feedback', { schoolId: who.schoolId, channel: 'teams', helpful: fb.data.helpful, section: fb.data.section });
    const again = await answerPolicyQuestion(respondDeps(c), who.schoolId, fb.data.question);
    return invokeCardResponse(answerCard({ question: fb.data.question, ...again, feedback: fb.data.helpful ? 'helpful' : 'not-helpful' }));
  }
  if (isSbmVerb(verb)) return teamsSbmAction(sbmDeps(c.env, logger(c)), who, activity.from.id, verb, data);
  return invokeErrorResponse('invalid_input', `Unknown action "${verb}".`);
}

async function handle(c: Context<AppEnv>, activity: Activity): Promise<Response> {
  const db = c.env.DB;
  const who = await teamsStaff(db, activity);
  await later(c, 'teams_reference', () => rememberTeamsReference(db, who, activity, new Date()));
  switch (activity.type) {
    case 'message':
      await later(c, 'teams_message', () => onMessage(c, activity, who));
      return c.body(null, 202);
    case 'invoke':
      if (activity.name !== 'adaptiveCard/action') return c.json(invokeErrorResponse('invalid_input', `Unsupported invoke ${activity.name}`));
      return c.json(await onCardAction(c, activity, who));
    case 'installationUpdate':
      if (activity.action === 'add' && who) {
        await later(c, 'teams_welcome', async () => {
          const client = teamsClient(c);
          await client?.reply({ serviceUrl: activity.serviceUrl, conversationId: activity.conversation.id }, { card: teamsCard(HELP) });
        });
      }
      return c.body(null, 200);
    case 'conversationUpdate':
      return c.body(null, 200);
  }
}

/** POST /bot/teams/messages — the Bot Framework messaging endpoint. Authenticated by the Bot Framework token only. */
export const teamsBotRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const appId = c.env.TEAMS_BOT_APP_ID;
  if (!appId) return errorResponse(c, { code: 'not_configured', message: 'The Teams bot is not configured' });
  const authorization = c.req.header('authorization');
  if (!authorization) return errorResponse(c, { code: 'unauthorized', message: 'A Bot Framework token is required' });
  const body = await jsonBody(c.req);
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return errorResponse(c, { code: 'invalid_input', message: 'Not a Bot Framework activity' });
  const verified = await verifyBotFrameworkRequest(authorization, envelope.data, {
    appId,
    keys: sharedBotKeySource(),
    extraServiceHosts: parseHostList(c.env.TEAMS_EXTRA_SERVICE_HOSTS),
  });
  if (!verified.ok) {
    logger(c).warn('teams_auth_refused', { code: verified.error.code, details: verified.error.details });
    // The reason is logged, not returned: callers learn only that they were refused.
    return verified.error.code === 'unauthorized'
      ? errorResponse(c, { code: 'unauthorized', message: 'The Bot Framework token was refused' })
      : errorResponse(c, { code: verified.error.code, message: 'Could not verify the Bot Framework token' });
  }
  const known = ['message', 'invoke', 'conversationUpdate', 'installationUpdate'];
  if (!known.includes(envelope.data.type)) return c.body(null, 200);
  const activity = activitySchema.safeParse(body);
  if (!activity.success) return errorResponse(c, { code: 'invalid_input', message: 'The activity is not valid' });
  return handle(c, activity.data);
});
