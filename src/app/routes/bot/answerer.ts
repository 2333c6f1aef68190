import { createPolicyQa, workersAiRephrase, type PolicyQa, type Rephrase, type TextGenerator } from '../../../domain/policy-qa/index.ts';
import type { PolicyDocument } from '../../../domain/policy-docs/index.ts';
import { listCurrentPolicyVersions, type PolicyDocumentVersion } from '../../../storage/policy-documents.ts';
import { getActiveProfile } from '../../../storage/profiles.ts';
import type { Logger } from '../../logger.ts';

export interface BotAnswer {
  answered: boolean;
  answer: string;
  /** The answer is generative wording; replies then show the verbatim quote beneath it. */
  worded?: boolean;
  citations: { section: string; quote: string }[];
  documentTitle?: string;
  documentUrl?: string;
}

export interface AnswerDeps {
  db: D1Database;
  publicUrl: string;
  /** The Workers AI binding, when the deployment has one; used only for schools that turn wording on. */
  ai?: TextGenerator | undefined;
  log: Logger;
}

interface Built {
  key: string;
  qa: PolicyQa;
  versions: PolicyDocumentVersion[];
}
// The index is rebuilt only when a school's set of current versions (or its contact) changes. Wording
// is chosen per question (ask's rephrase argument), so the index holds no binding or logger.
const built = new Map<string, Built>();

/** The page that shows a school's current policy document (routes/policy-page.tsx), at a section. */
export const documentUrl = (publicUrl: string, schoolId: string, slug: string, sectionId?: string) =>
  `${publicUrl.replace(/\/+$/, '')}/policies/${encodeURIComponent(schoolId)}/${encodeURIComponent(slug)}${sectionId ? `#${encodeURIComponent(sectionId)}` : ''}`;

/** Generative wording needs both: the deployment's binding and the school's own choice. */
function wordingFor(deps: AnswerDeps, schoolId: string, enabled: boolean): Rephrase | undefined {
  if (!enabled || !deps.ai) return undefined;
  return workersAiRephrase({
    ai: deps.ai,
    onFallback: (reason, detail) =>
      reason === 'error' || reason === 'timeout' || reason === 'invalid_output'
        ? deps.log.warn('bot_wording_failed', { schoolId, reason, ...(detail ? { detail } : {}) })
        : deps.log.info('bot_wording_refused', { schoolId, reason }),
  });
}

/** Answers a policy question from the school's current policy documents, citing the section. */
export async function answerPolicyQuestion(deps: AnswerDeps, schoolId: string, question: string): Promise<BotAnswer> {
  const [versions, profile] = await Promise.all([listCurrentPolicyVersions(deps.db, schoolId), getActiveProfile(deps.db, schoolId)]);
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
      linkFor: (doc, sectionId) => documentUrl(deps.publicUrl, schoolId, slugByTitle.get(doc.title) ?? '', sectionId),
    });
    entry = { key, qa, versions };
    built.set(schoolId, entry);
  }
  const result = await entry.qa.ask(question, wordingFor(deps, schoolId, profile?.profile.bot.generativeWording ?? false));
  const cite = result.citations[0];
  return {
    answered: result.answered,
    answer: result.answer,
    ...(result.worded ? { worded: true } : {}),
    citations: result.citations.map((c) => ({ section: c.section, quote: c.quote })),
    ...(cite ? { documentTitle: cite.document, documentUrl: cite.link } : {}),
  };
}
