import { school } from './school.ts';

/** Wording is ours; only the phrase is the profile's. */
export const disclaimerHtml = `<p style="font-size:9pt">This email is confidential and ${school.disclaimerPhrase}. If it reached you by mistake, please delete it.</p>`;

/** The `wrong-phrase` problem: reads like a disclaimer but lacks the required phrase. */
export const wrongDisclaimerHtml = `<p style="font-size:9pt;color:#555555">This email is confidential and meant solely for the addressee. If it reached you by mistake, please delete it.</p>`;

/** The `phrase-case-whitespace` signature: the phrase in other case, split by a tag, &nbsp; and runs of spaces. */
export const variantDisclaimerHtml = `<div style="font-size:small">This email is confidential and is Intended&nbsp;Only   for the<br>\n  NAMED recipient.</div>`;

/** Office 365 A1 for faculty. */
export const a1FacultySku = '94763226-9b3c-4e75-a931-5c89701abe66';
