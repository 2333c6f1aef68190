/**
 * Personal questions the bot answers from the asker's own records, recognised before anything is
 * sent to the policy answerer. The patterns are deliberately narrow: a miss falls through to the
 * policy answer, which is harmless; a false hit would answer a policy question with personal data.
 */
export type Intent = 'help' | 'ack-status' | 'forwarding-why' | 'mailbox-compliance' | 'policy-question';

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9'@.\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const help = /^(hi|hello|hey|help|what can you do|what do you do)$/;

const ackStatus = [
  /^(sign|acknowledge|ack)( it| now| the .+)?$/,
  /\b(have|did|do) i (already |ever )?(sign|signed|acknowledge|acknowledged|agree|agreed|accept|accepted)\b/,
  /\bwhat (do|must|should) i (still )?(need to |have to )?(sign|acknowledge)\b/,
  /\b(anything|policies|policy) (for me |i need |i have )?(to )?(sign|acknowledge)\b/,
  /\bmy (outstanding|pending) (acknowledg\w*|polic\w*)\b/,
];

const rule = /\b(forward\w*|auto-?forward\w*|inbox rules?|mail rules?|email rules?|outlook rules?|gmail filters?|filters?|rules?)\b/;
const turnedOff = /\b(turned off|switched off|disabled|removed|stopped|deleted|gone|broken|off|not working|isn't working|doesn't work|stopped working|changed)\b/;

const compliance = [
  /\b(is|are) my (mailbox|e-?mail|inbox|account|e-?mail account|settings)( settings)? (compliant|ok|okay|fine|all right|alright|in order|safe)\b/,
  /\bis my (mailbox|e-?mail|inbox|account)\b.*\bcompliant\b/,
  /\b(problems?|issues?|findings?|anything wrong) (with|on|in) my (mailbox|e-?mail|inbox|account)\b/,
  /\bmy (mailbox|e-?mail|inbox|account) (compliance|status)\b/,
  /\bam i compliant\b/,
];

export function detectIntent(raw: string): Intent {
  const text = normalise(raw);
  if (!text || help.test(text)) return 'help';
  if (/\bmy\b/.test(text) && rule.test(text) && turnedOff.test(text)) return 'forwarding-why';
  if (compliance.some((p) => p.test(text))) return 'mailbox-compliance';
  if (ackStatus.some((p) => p.test(text))) return 'ack-status';
  return 'policy-question';
}
