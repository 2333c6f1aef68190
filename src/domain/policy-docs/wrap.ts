/** Word-processor prefixes that keep their hyphen when a line break splits them ("non-" + "business"). */
const keptHyphenPrefix = /(?:^|\s)(?:non|co|pre|re|self|e|anti|multi|well|up|out|over|full|part|sub|cross|post|ex|mid|on|off|long|short|high|low)-$/i;

/** Second halves of hyphenated compounds ("read-only", "school-based"): a line break never joins them. */
const keptHyphenSuffix = /^(?:only|based|related|owned|led|level|free|wide|specific|term|time|friendly|aged|made|like|mail|safe|up)\b/i;

/**
 * "dataprotection@hartleyvale.org." + "uk", "office@stcuthberts-" + "thornbury.org.uk": an email or web
 * address that the line broke inside. Its hyphen is part of the address, not a word's.
 */
const addressBroken = /(?:\S+@\S*|(?:https?:\/\/|www\.)\S*)[./@-]$/i;
const addressRest = /^(?:(?:uk|com|org|net|gov|sch|ac|co|nhs|edu|info)\b|[a-z0-9-]+(?:\.[a-z0-9-]+)+)/;

/** Words a line can end on only when its sentence goes on ("…by email, telephone or" / "Teams."). */
// Not "in", "on", "to" or "for": a sentence may end on them ("…anything you are tagged in").
export const RUNS_ON = /(?:\b(?:a|an|and|by|from|of|or|the|with|your|their|our)|[,/(–-])$/i;

/**
 * Joins the pieces of one run of text as they were written (Word's runs, HTML's text nodes): a piece may
 * end mid-word ("Sta" + "ff"), and every space meant is in the text, so only white space collapses.
 */
export const joinInline = (parts: readonly string[]): string => parts.join('').replace(/\s+/g, ' ').trim();

/** Joins visual lines back into running text, mending words hyphenated across a line break. */
export function joinWrapped(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (!out) out = part;
    else if (addressBroken.test(out) && addressRest.test(part)) out += part;
    else if (/[a-z]-$/i.test(out) && /^[a-z]/.test(part)) {
      out = keptHyphenPrefix.test(out) || (/[a-z]{3}-$/i.test(out) && keptHyphenSuffix.test(part)) ? out + part : out.slice(0, -1) + part;
    } else out = `${out} ${part}`;
  }
  return out.replace(/\s+/g, ' ').trim();
}
