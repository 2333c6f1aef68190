import { Hono } from 'hono';
import { dashboardAuth, type DashboardEnv } from '../../auth/dashboard-auth.ts';
import { acceptRisk, decideAction, decideImport, remediate, remind } from './actions.ts';
import { acknowledgementsCsv, acknowledgementsPage } from './acknowledgements.tsx';
import { dashboardAsset } from './assets.ts';
import { cardJson, cardPreviewPage } from './card-preview.tsx';
import { connectionsPage } from './connections.tsx';
import { findingsPage } from './findings.tsx';
import { offboardingPage } from './offboarding.tsx';
import { overview, schoolList } from './overview.tsx';
import { profilePage } from './profile.tsx';
import { runsPage } from './runs.tsx';

const s = '/schools/:schoolId';

/**
 * The admin dashboard (server-rendered; the only client script draws the weekly card preview). Every
 * page is signed in (dashboardAuth), and every POST carries the session's CSRF token.
 */
export const dashboardRoutes = new Hono<DashboardEnv>()
  // Static scripts hold no school data; registered before sign-in so browsers may cache them publicly.
  .get('/assets/:file', dashboardAsset)
  .use('*', dashboardAuth)
  .get('/', schoolList)
  .get(s, overview)
  .get(`${s}/findings`, findingsPage)
  .get(`${s}/runs`, runsPage)
  .get(`${s}/offboarding`, offboardingPage)
  .get(`${s}/acknowledgements`, acknowledgementsPage)
  .get(`${s}/acknowledgements.csv`, acknowledgementsCsv)
  .get(`${s}/profile`, profilePage)
  .get(`${s}/connections`, connectionsPage)
  .get(`${s}/card`, cardPreviewPage)
  .get(`${s}/card.json`, cardJson)
  .post(`${s}/findings/:findingId/remediate`, remediate)
  .post(`${s}/findings/:findingId/accept-risk`, acceptRisk)
  .post(`${s}/remediations/:actionId/:decision{approve|reject}`, decideAction)
  .post(`${s}/hr-imports/:importId/:decision{approve|reject}`, decideImport)
  .post(`${s}/acknowledgements/remind`, remind);
