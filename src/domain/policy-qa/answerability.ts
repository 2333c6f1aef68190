import type { QueryUnit } from './analyse.ts';
import type { Bm25fIndex } from './bm25f.ts';
import { credit, covers, unitWeight, unseen } from './coverage.ts';
import { namesPerson } from './people.ts';

/**
 * What the answerer knows when it decides whether the best passage answers the question. Each is a
 * property of the question–passage pair that holds whatever the policy's length or wording, so one
 * small model (below) decides for every school's policy.
 */
export interface AnswerFeatures {
  /** Rarity-weighted share of the question's ideas the passage meets (coverage.ts). */
  coverage: number;
  /** The same, over only the ideas the policy mentions somewhere: does this passage pick the right part? */
  seenCoverage: number;
  /** log(1 + rarity weight of the question's ideas the passage meets): specific evidence, however chatty the question. */
  metWeight: number;
  /** Share of the question's weight on words the policy never uses ("minibus", or just "easier"). */
  unseenShare: number;
  /** The question names a known topic (pay, parking, AI tools…) that the policy never mentions. */
  topicMissing: number;
  /** The question names known topics and the passage speaks to none of them. */
  offTopic: number;
  /** The question asks for a kind of answer (a limit, how long, how often) the passage does not give. */
  intentMissed: number;
  /** Word-vector similarity of question and passage (word-vectors.ts). */
  dense: number;
  /** How far that similarity stands above the policy's average passage. */
  denseLift: number;
  /** BM25F score as a share of what a passage holding each of the question's policy words once would score. */
  scoreShare: number;
  /** The passage meets every idea the question must have met: however few they are, nothing is missing. */
  complete: number;
  /** The re-ranker's softmax share for the passage among the first candidates (rerank.ts). */
  confidence: number;
  /** Its score's lead over the second candidate's, capped. */
  margin: number;
}

/** "How long…", "what's the max size…", "is there a set time before…": an amount is the answer. */
const ASKS_AMOUNT =
  /\bhow (long|often|many|much|big|large|quickly|soon|fast|frequently|old|far)\b|\bwhat size\b|\b(maximum|max|minimum|ratio)\b|\bwhat (date|time)\b|\bdeadline\b|\bis there an? (\w+ )?(limit|cap)\b|\b(size|time) limit\b|\bis there an? (set|fixed|particular|specific) (time|number|amount|period|length|size)\b/i;
// An amount is a number or a period, not merely "every" or "never" ("every staff account" states none).
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|once|twice';
/** Periods of the calendar, and the others a school counts in ("every lesson"), which are no length of time ("during a lesson"). */
const CALENDAR = 'day|week|month|term|year';
const PERIOD = `${CALENDAR}|half[- ]term|lesson|morning|evening`;
/** "Straight away" is an amount of time too. */
const PROMPTLY = 'immediately|straight away|at once|same day|without delay|as soon as|promptly';
/** A figure, but not a year ("the Education Act 2011" states no amount). */
const FIGURE = '(?<!\\d)(?!(?:19|20)\\d\\d(?!\\d))\\d';
const STATES_AMOUNT = new RegExp(`${FIGURE}|\\b(${NUMBER_WORDS}|daily|weekly|monthly|termly|annually|yearly|${PROMPTLY})\\b|\\b(every|each|per|a|the end of the) (${PERIOD})\\b`, 'i');

/** "How many hours…", "how much…": a count, which "immediately" or "every term" does not give. */
const ASKS_COUNT = /\bhow (many|much)\b/i;
const STATES_NUMBER = new RegExp(`${FIGURE}|\\b(${NUMBER_WORDS}|a (few|couple))\\b`, 'i');

/**
 * "How often…" wants a frequency, which "change it at once" or "within 24 hours" does not give. A
 * template's blank filled in brackets ("reviewed every (24) months") still states one.
 */
const ASKS_FREQUENCY = /\bhow (often|frequently)\b/i;
const STATES_FREQUENCY = new RegExp(
  `\\b(every|each|per|a|once a|twice a) ([([]?\\w+[)\\]]? )?(${PERIOD})s?\\b|\\b(daily|weekly|monthly|termly|annually|yearly|regularly|expire|expires|expiry)\\b|\\bat least every\\b`,
  'i',
);

/**
 * "How long…" wants a period or a length: a number with its unit ("30 days", "12 characters"), or a
 * bound ("until they leave", "immediately"). A bare number does not give one: the year of an Act, a
 * clause's own number.
 */
const ASKS_DURATION = /\bhow long\b/i;
const STATES_DURATION = new RegExp(
  `[([]?\\b(\\d+|${NUMBER_WORDS}|a|an)[)\\]]?[ -](\\w+ )?(second|minute|hour|${CALENDAR}|character|letter|digit|word)s?\\b|\\b(until|indefinitely|permanently|${PROMPTLY}|end of|for as long as|no longer than|within|lifetime)\\b`,
  'i',
);

/**
 * The question asks for an amount (how long, how often, how big…) and the passage states none: whatever
 * else matches, it does not answer ("how often must I change my password?" against "passwords must be
 * at least 12 characters and never shared").
 */
export const amountMissing = (question: string, passageText: string): boolean =>
  ASKS_AMOUNT.test(question) &&
  (!STATES_AMOUNT.test(passageText) || (ASKS_COUNT.test(question) && !STATES_NUMBER.test(passageText)) || (ASKS_FREQUENCY.test(question) && !STATES_FREQUENCY.test(passageText)) ||
    (ASKS_DURATION.test(question) && !STATES_DURATION.test(passageText)));

/**
 * "Who actually is our e-safety coordinator?" asks for a name: the role's holder, not what the role
 * does. Not "who is the right person to tell?" or "who is responsible for…?", which a rule naming the
 * role answers.
 */
const ROLE = '(?:co-?ordinator|officer|lead|leader|manager|dsl|dpo|senco|technician|administrator|controller|champion|deputy|clerk|chair)';
const ASKS_NAME = new RegExp(
  `\\bwho(?: actually| exactly| currently)?(?:['’]s| is| are)(?: actually| exactly| currently| now)? (?:our|the|my|this year['’]s|the school['’]s) (?:[\\w-]+ ){0,3}${ROLE}s?(?=\\s*(?:$|[?,.!:;–—-]|(?:actually|now|here|this|at|in|for|then|and)\\b))|\\bwhat(?:['’]?s| is) (?:their|his|her) (?:actual )?name\\b|\\bname of (?:our|the|my) (?:[\\w-]+ ){0,3}${ROLE}s?\\b`,
  'i',
);

/**
 * The question asks who holds a role and the passage names no one: a policy that says "tell the
 * E-Safety coordinator" has not said who that is.
 */
export const nameMissing = (question: string, passageText: string): boolean => ASKS_NAME.test(question) && !namesPerson(passageText);

/**
 * "Which app are we meant to use to message parents?" and "is there an approved make?" ask for a
 * product by name. Not "what system is in place for…", which a procedure answers.
 */
const ASKS_PRODUCT =
  /\b(which|what) (?:[\w-]+ ){0,2}(apps?|program(me)?s?|software|platforms?|providers?|company|brand|filter|products?|tools?|antivirus|anti-virus)\b|\b(which|what) (make|model)\b|\bis there an? (approved |particular |recommended |set )?(make|model|brand)\b/i;
/**
 * A product named: one staff know by name, or a name written as one word with capitals inside it
 * ("ParentMail", "OneDrive", "SchoolsFX").
 */
const PRODUCTS = [
  'teams', 'zoom', 'google meet', 'skype', 'facetime', 'whatsapp', 'dojo', 'classdojo', 'parentmail', 'seesaw', 'tapestry',
  'schoolcomms', 'school comms', 'teachers2parents', 'marvellous me', 'arbor', 'sims', 'bromcom', 'cpoms', 'myconcern',
  'outlook', 'gmail', 'office 365', 'microsoft 365', 'onedrive', 'sharepoint', 'dropbox', 'google drive', 'google classroom',
  'egress', 'schoolsfx', 'smoothwall', 'lightspeed', 'securly', 'netsweeper', 'impero', 'sophos', 'bitlocker', '7-zip', 'winzip',
];
/** Known names match whatever their case, but must be written as a name: "Teams", not "year teams". */
const NAMES_KNOWN_PRODUCT = new RegExp(`\\b(${PRODUCTS.join('|')})\\b`, 'gi');
const ONE_WORD_NAME = /\b[A-Z]?[a-z]+[A-Z][A-Za-z]*\b/;
const namesProduct = (text: string): boolean =>
  ONE_WORD_NAME.test(text) || [...text.matchAll(NAMES_KNOWN_PRODUCT)].some((m) => /^[A-Z0-9]/.test(m[0]));

/** The question asks which product to use and the passage names none ("use an approved, encrypted method"). */
export const productMissing = (question: string, passageText: string): boolean => ASKS_PRODUCT.test(question) && !namesProduct(passageText);

/** The question asks for a kind of answer (an amount, a person's name, a product) that the passage does not give. */
export const askedForMissing = (question: string, passageText: string): boolean =>
  amountMissing(question, passageText) || nameMissing(question, passageText) || productMissing(question, passageText);

/** Coverage from which nothing the question needs is missing (rounding aside). */
const COMPLETE = 0.999;

/** IDF-scale weight from which a topic the policy never mentions says the policy is silent. */
const SPECIFIC_TOPIC = 2;

export function answerFeatures(
  index: Bm25fIndex,
  passageTerms: Set<string>,
  units: QueryUnit[],
  ranked: { score: number; ideal: number; coverage: number; dense: number; meanDense: number; confidence: number; margin: number },
): AnswerFeatures {
  const ideas = units.filter((u) => !u.intent && !u.alts.every((a) => /^\d+$/.test(a)));
  let seen = 0;
  let seenMet = 0;
  let missing = 0;
  for (const u of ideas) {
    if (u.optional && credit(passageTerms, u) === 0) continue;
    // As in coverage, an optional unit weighs only as far as the passage meets it.
    const w = unitWeight(index, u, 1) * (u.optional ? credit(passageTerms, u) : 1);
    if (unseen(index, u)) missing += w;
    else {
      seen += w;
      seenMet += w * credit(passageTerms, u);
    }
  }
  const topics = ideas.filter((u) => u.alts.some((a) => a.startsWith('#')));
  const intents = units.filter((u) => u.intent);
  return {
    coverage: ranked.coverage,
    seenCoverage: seen ? seenMet / seen : 0,
    metWeight: Math.log1p(seenMet),
    unseenShare: seen + missing ? missing / (seen + missing) : 1,
    // Only a specific topic counts: "keep" names #retention, but "keep MFA on" is not a retention question.
    topicMissing: topics.some((u) => !u.aside && !u.optional && unseen(index, u) && unitWeight(index, u, 1) >= SPECIFIC_TOPIC) ? 1 : 0,
    offTopic: topics.length > 0 && !topics.some((u) => covers(passageTerms, u)) ? 1 : 0,
    intentMissed: intents.length > 0 && !intents.some((u) => covers(passageTerms, u)) ? 1 : 0,
    dense: ranked.dense,
    denseLift: ranked.dense - ranked.meanDense,
    scoreShare: ranked.ideal > 0 ? Math.min(2, ranked.score / ranked.ideal) : 0,
    complete: ranked.coverage >= COMPLETE ? 1 : 0,
    confidence: ranked.confidence,
    margin: ranked.margin,
  };
}

export type AnswerModel = { bias: number } & { [K in keyof AnswerFeatures]: number };

/** Probability that the best passage answers the question: a logistic model over the features. */
export function answerProbability(f: AnswerFeatures, model: AnswerModel): number {
  let z = model.bias;
  for (const k of Object.keys(f) as (keyof AnswerFeatures)[]) z += model[k] * f[k];
  return 1 / (1 + Math.exp(-z));
}
