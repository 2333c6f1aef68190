import { Hono } from 'hono';
import { z } from 'zod';
import { evidenceCsv, syncCampaigns } from '../../../domain/acknowledgements/index.ts';
import { ingest, policyDocTypes } from '../../../domain/policy-docs/index.ts';
import { listAcknowledgements, listAssignmentStatuses } from '../../../storage/acknowledgements.ts';
import { cloudflareQueue } from '../../../jobs/job-queue.ts';
import { queueGroupReads } from '../../../jobs/group-audiences.ts';
import { savePolicyDocument } from '../../../storage/policy-documents.ts';
import { getActiveProfile } from '../../../storage/profiles.ts';
import type { AppEnv } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { validate } from '../../validate.ts';
import { schoolOr404 } from './schools.ts';

const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use lower-case letters, digits and hyphens');
const uploadQuery = z.object({ type: z.enum(policyDocTypes), title: z.string().min(1).max(200).optional() }).strict();
const MAX_BYTES = 5 * 1024 * 1024;

export const acknowledgementRoutes = new Hono<AppEnv>()
  /** Inspection evidence: who acknowledged which exact version, when and where; and who has not yet. */
  .get('/:schoolId/acknowledgements.csv', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const [assignments, acks, profile] = await Promise.all([listAssignmentStatuses(c.env.DB, school.id), listAcknowledgements(c.env.DB, school.id), getActiveProfile(c.env.DB, school.id)]);
    const csv = evidenceCsv(assignments, acks, profile?.profile.acknowledgements.starterDays ?? 14, new Date());
    const day = new Date().toISOString().slice(0, 10);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${school.id}-acknowledgements-${day}.csv"`,
      'cache-control': 'no-store',
    });
  })
  /**
   * Uploads a policy document (raw body; ?type=md|txt|docx|pdf|html). Changed content is a new version,
   * and the profile's acknowledgement campaigns are brought up to date, so staff are asked again.
   */
  .put('/:schoolId/policy-documents/:slug', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const slug = validate(slugSchema, c.req.param('slug'), 'document slug');
    const query = validate(uploadQuery, c.req.query(), 'upload options');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength === 0 || bytes.byteLength > MAX_BYTES) throw new AppError({ code: 'invalid_input', message: 'Send the document as the request body (at most 5 MB).' });
    const doc = await ingest({ bytes, type: query.type, ...(query.title ? { title: query.title } : {}) });
    if (!doc.ok) throw new AppError(doc.error);
    const now = new Date();
    const saved = await savePolicyDocument(c.env.DB, { schoolId: school.id, slug, title: doc.value.title, contentHash: doc.value.contentHash, sourceType: query.type, sections: doc.value.sections }, now);
    const profile = await getActiveProfile(c.env.DB, school.id);
    const campaigns = profile ? await syncCampaigns(c.env.DB, school.id, profile.profile, now, queueGroupReads(cloudflareQueue(c.env.JOBS))) : null;
    const { versionId, version, contentHash, title } = saved.version;
    return c.json(
      { ok: true, created: saved.created, document: { slug, title, versionId, version, contentHash, sections: saved.version.sections.length }, campaigns: campaigns && { created: campaigns.created.map((x) => x.id), closed: campaigns.closed } },
      saved.created ? 201 : 200,
    );
  });
