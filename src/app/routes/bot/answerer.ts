import { createPolicyQa, type PolicyQa } from '../../../domain/policy-qa/index.ts';
import type { PolicyDocument } from '../../../domain/policy-docs/index.ts';
import { listCurrentPolicyVersions, type PolicyDocumentVersion } from '../../../storage/policy-documents.ts';
import { getActiveProfile } from '../../../storage/profiles.ts';

export interface BotAnswer {
  answered: boolean;
  answer: string;
  citations: { section: string; quote: string }[];
  documentTitle?: string;
  documentUrl?: string;
}

interface Built {
  key: string;
  qa: PolicyQa;
  versions: PolicyDocumentVersion[];
}
// The index is rebuilt only when a school's set of current versions (or its contact) changes.
const built = new Map<string, Built>();

/** The page that shows a school's current policy document (routes/policy-page.tsx), at a section. */
export const documentUrl = (publicUrl: string, schoolId: string, slug: string, sectionId?: string) =>
  `${publicUrl.replace(/\/+$/, '')}/policies/${encodeURIComponent(schoolId)}/${encodeURIComponent(slug)}${sectionId ? `#${encodeURIComponent(sectionId)}` : ''}`;

/** Answers a policy question from the school's current policy documents, citing the section. */
export async function answerPolicyQuestion(db: D1Database, schoolId: string, question: string, publicUrl: string): Promise<BotAnswer> {
  const [versions, profile] = await Promise.all([listCurrentPolicyVersions(db, schoolId), getActiveProfile(db, schoolId)]);
  const sbm = profile?.profile.school.contacts.sbm;
  const contact = sbm ? `${sbm.name} (${sbm.email})` : undefined;
  if (versions.length === 0) {
    return { answered: false, answer: `Your school has not given me its policies yet — please ask ${contact ?? 'the School Business Manager'}.`, citations: [] };
  }
  const key = `${versions.map((v) => v.versionId).join(',')}|${contact ?? ''}`;
  let entry = built.get(schoolId);
  if (entry?.key !== key) {
    const docs: PolicyDocument[] = versions.map((v) => ({ title: v.title, sections: v.sections, contentHash: v.contentHash }));
    const slugByTitle = new Map(versions.map((v) => [v.title, v.slug]));
    const qa = createPolicyQa(docs, {
      ...(contact ? { contact } : {}),
      linkFor: (doc, sectionId) => documentUrl(publicUrl, schoolId, slugByTitle.get(doc.title) ?? '', sectionId),
    });
    entry = { key, qa, versions };
    built.set(schoolId, entry);
  }
  const result = await entry.qa.ask(question);
  const cite = result.citations[0];
  return {
    answered: result.answered,
    answer: result.answer,
    citations: result.citations.map((c) => ({ section: c.section, quote: c.quote })),
    ...(cite ? { documentTitle: cite.document, documentUrl: cite.link } : {}),
  };
}
