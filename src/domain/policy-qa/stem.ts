/** How often, not what: "termly" must not meet "term time" or "half term", nor "weekly" "within a week". */
const PERIODIC = new Set(['hourly', 'daily', 'nightly', 'weekly', 'fortnightly', 'monthly', 'termly', 'yearly', 'annually']);

/** The word ended in "-ate" or a form of it ("delegated", "installation", "separately"), not merely in "at" ("snapchat", "habitat"). */
const ATE_FORM = /at(e|es|ed|ely|ing|ion|ions)$/;

/**
 * A deliberately light English stemmer: enough to meet "forwarding/forwarded/forwards" and
 * "attachments/attached" at one form, without Porter's over-reach on short policy words. Both
 * documents and questions go through it, so consistency matters more than linguistics.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w) || PERIODIC.has(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('ment') && w.length > 6) w = w.slice(0, -4);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ion') && w.length > 5) w = w.slice(0, -3);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  // "-ate"/"-ation" go, as Porter's do, so "installation" meets "install" and "authorisation" "authorise";
  // "communicate" and "communication" still meet each other. A short stem keeps it ("private", "update"),
  // and so does "information": personal data is not telling someone ("inform the DSL"). A word that only
  // ends in "at" keeps it: "snapchat" is not "snapch", nor "habitat" "habit".
  if (w.endsWith('at') && w.length >= 7 && w !== 'informat' && ATE_FORM.test(word)) w = w.slice(0, -2);
  if (/([bdfgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 3) w = `${w.slice(0, -1)}i`;
  return w;
}
