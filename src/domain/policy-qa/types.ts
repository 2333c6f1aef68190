import type { AnswerFeatures } from './answerability.ts';
import type { RerankFeatures } from './rerank.ts';

/** A paragraph-level chunk of a policy, carrying where it sits so answers can cite it. */
export interface Passage {
  id: string;
  /** A paragraph, a list item or a table row. */
  kind: 'para' | 'bullet' | 'row';
  docIndex: number;
  sectionId: string;
  /** Clause number if the paragraph has one, else its section's number. */
  number?: string;
  heading: string;
  path: string[];
  label?: string;
  leadIn?: string;
  text: string;
}

export interface Citation {
  /** "4.2 Email": number and heading of the cited section. */
  section: string;
  /** Words taken from the document (whitespace normalised). */
  quote: string;
  passageId: string;
  document: string;
  /** Placeholder link to the whole document, at the cited section. */
  link: string;
}

export interface PolicyAnswer {
  question: string;
  answered: boolean;
  answer: string;
  /** Set when `answer` is generative wording of the cited text rather than the extract itself. */
  worded?: boolean;
  citations: Citation[];
  /** What the decision rested on, for tuning and for the bot's logs; probability is the answer model's (answerability.ts). */
  evidence: { score: number; coverage: number; probability: number };
  /** The best passage's features, present whenever a passage matched at all. */
  features?: AnswerFeatures;
  /** The first candidates in the hand-set order with their re-ranking features (option `withCandidates`), for fitting. */
  candidates?: { passageId: string; features: RerankFeatures }[];
  /** …and the question's terms with their shares of its weight, which the learned pairs are scaled by. */
  questionTerms?: [term: string, share: number][];
}

/** Optional generative wording (e.g. a Workers AI binding); citations always stay verbatim. */
export type Rephrase = (question: string, passages: Passage[]) => Promise<string>;
