import { Hono } from 'hono';
import { z } from 'zod';
import { connectionConfigSchema } from '../../../domain/connections/config.ts';
import { parseProfile } from '../../../domain/profile/parse.ts';
import { createConnection, getConnection, listConnections } from '../../../storage/connections.ts';
import { syncCampaigns } from '../../../domain/acknowledgements/index.ts';
import { queueGroupReads } from '../../../jobs/group-audiences.ts';
import { cloudflareQueue } from '../../../jobs/job-queue.ts';
import { getActiveProfile, listProfileVersions, saveProfileVersion } from '../../../storage/profiles.ts';
import { createSchool, getSchool, listSchools } from '../../../storage/schools.ts';
import type { AppEnv } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { jsonBody, validate } from '../../validate.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use lower-case letters, digits and hyphens');
const newSchoolSchema = z.object({ id: slug, name: z.string().min(1).max(200), trust: z.string().max(200).optional(), notifyChannel: z.enum(['teams', 'slack', 'none']).optional() }).strict();
const newConnectionSchema = z.object({ id: slug, config: connectionConfigSchema }).strict();

export async function schoolOr404(db: D1Database, id: string) {
  const school = await getSchool(db, id);
  if (!school) throw new AppError({ code: 'not_found', message: `No school ${id}` });
  return school;
}

export const schoolRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ ok: true, schools: await listSchools(c.env.DB) }))
  .post('/', async (c) => {
    const input = validate(newSchoolSchema, await jsonBody(c.req), 'school');
    if (await getSchool(c.env.DB, input.id)) throw new AppError({ code: 'conflict', message: `School ${input.id} already exists` });
    return c.json({ ok: true, school: await createSchool(c.env.DB, input, new Date()) }, 201);
  })
  .get('/:schoolId', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const [connections, profile] = await Promise.all([listConnections(c.env.DB, school.id), getActiveProfile(c.env.DB, school.id)]);
    return c.json({
      ok: true,
      school,
      profile: profile && { id: profile.id, version: profile.version, contentHash: profile.contentHash },
      // Config carries no secrets (only the names of the Worker secrets that hold them).
      connections: connections.map(({ id, provider, tenantRef, status, config }) => ({ id, provider, tenantRef, status, endpoints: config.endpoints })),
    });
  })
  .put('/:schoolId/profile', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const text = await c.req.text();
    const type = c.req.header('content-type') ?? '';
    const parsed = await parseProfile(text, type.includes('json') ? 'json' : type.includes('yaml') ? 'yaml' : undefined);
    if (!parsed.ok) {
      throw new AppError({ code: 'invalid_input', message: `The profile has ${parsed.error.problems.length} problem(s)`, details: parsed.error.problems });
    }
    const now = new Date();
    const saved = await saveProfileVersion(c.env.DB, { schoolId: school.id, parsed: parsed.value, sourceText: text, createdBy: c.get('principal').id }, now);
    // A campaign added to or dropped from the profile starts or stops now, not at the next upload.
    const campaigns = await syncCampaigns(c.env.DB, school.id, parsed.value.profile, now, queueGroupReads(cloudflareQueue(c.env.JOBS)));
    return c.json(
      {
        ok: true,
        created: saved.created,
        profile: { id: saved.profile.id, version: saved.profile.version, contentHash: saved.profile.contentHash },
        campaigns: { created: campaigns.created.map((x) => x.id), closed: campaigns.closed, missingDocuments: campaigns.missingDocuments },
      },
      saved.created ? 201 : 200,
    );
  })
  .get('/:schoolId/profile', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const profile = await getActiveProfile(c.env.DB, school.id);
    if (!profile) throw new AppError({ code: 'not_found', message: 'This school has no policy profile yet' });
    return c.json({ ok: true, profile, versions: await listProfileVersions(c.env.DB, school.id) });
  })
  .post('/:schoolId/connections', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const input = validate(newConnectionSchema, await jsonBody(c.req), 'connection');
    if (await getConnection(c.env.DB, input.id)) throw new AppError({ code: 'conflict', message: `Connection id ${input.id} is already in use; choose another` });
    const connection = await createConnection(c.env.DB, { id: input.id, schoolId: school.id, config: input.config }, new Date());
    return c.json({ ok: true, connection: { id: connection.id, provider: connection.provider, tenantRef: connection.tenantRef } }, 201);
  });
