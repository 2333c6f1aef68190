import { card, plain, type StaffCard } from './staff-card.ts';

export interface AnswerCardData {
  question: string;
  answered: boolean;
  /** A short extract from the policy, or the "please ask …" wording when it abstains. */
  answer: string;
  /** `answer` was worded by AI from the first citation, whose quote is then shown beneath it. */
  worded?: boolean;
  citations: { section: string; quote: string }[];
  documentTitle?: string;
  documentUrl?: string;
  /** Set once the person has said whether it helped; the buttons are then replaced by a thank-you. */
  feedback?: 'helpful' | 'not-helpful';
}

/** Said before the verbatim quote whenever the answer above it was worded by AI. */
export const WORDED_NOTE = 'Summary worded by AI. The policy says:';

/** Keeps the extract short enough to read at a glance in a chat. */
const short = (text: string, max = 600) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** The bot's reply to a policy question: extract, "From section 4.2 Email", link, and "Was this helpful?". */
export function answerCard(d: AnswerCardData): StaffCard {
  const cite = d.citations[0];
  // A procedure comes as its opening clause and one step per line; each line is its own block, as a
  // TextBlock's own line breaks render differently across Teams clients.
  const body: StaffCard['body'] = short(d.answer)
    .split('\n')
    .map((line, i) => ({ type: 'TextBlock', text: plain(line), wrap: true, ...(i > 0 ? { spacing: 'Small' as const } : {}) }));
  if (d.answered && cite && d.worded) {
    // Staff see what the policy itself says, not only the model's summary of it.
    body.push(
      { type: 'TextBlock', text: WORDED_NOTE, wrap: true, isSubtle: true, size: 'Small', spacing: 'Small' },
      { type: 'TextBlock', text: plain(`“${short(cite.quote)}”`), wrap: true, spacing: 'Small' },
    );
  }
  if (d.answered && cite) {
    body.push({ type: 'TextBlock', text: `From section ${plain(cite.section)}${d.documentTitle ? ` of ${plain(d.documentTitle)}` : ''}`, wrap: true, isSubtle: true, size: 'Small', spacing: 'Small' });
  }
  const actions: StaffCard['actions'] = [];
  if (d.answered && d.documentUrl) actions.push({ type: 'Action.OpenUrl', title: 'Open the policy', url: d.documentUrl });
  if (d.feedback) {
    body.push({ type: 'TextBlock', text: d.feedback === 'helpful' ? 'Thanks — glad that helped.' : 'Thanks — the School Business Manager will see that this answer did not help.', wrap: true, size: 'Small', spacing: 'Medium' });
  } else {
    body.push({ type: 'TextBlock', text: 'Was this helpful?', wrap: true, size: 'Small', spacing: 'Medium' });
    const data = (helpful: boolean) => ({ helpful, question: short(d.question, 300), section: cite?.section ?? null });
    actions.push({ type: 'Action.Execute', title: 'Yes', verb: 'feedback', data: data(true) }, { type: 'Action.Execute', title: 'No', verb: 'feedback', data: data(false) });
  }
  return card(body, actions, d.answer);
}
