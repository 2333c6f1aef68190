/**
 * A form's blanks to fill in: "Signed (parent/carer): Date:", "Print name Class Date", "Name of pupil:",
 * "Job title / department:". The reader keeps a label from heading the lines after it or introducing a
 * list (text-blocks.ts); the answerer never cites a blank (passage-priors.ts).
 */
const FORM_WORDS =
  /\b(signed|signature|sign|print|printed|full|name|date|dated|class|year|group|position|role|job|title|department|of|on|behalf|by|the|school|staff|member|parent|carer|pupil|child|headteacher|head|teacher|governor|volunteer|visitor|witness)\b|[():/,.\-–_…]+/gi;
// A blank names a field. "Role", "class" and "job title" name one only as a label ("Role:"): on their
// own they also make headings ("Role of the headteacher").
const FORM_FIELD = /\b(signed|signature|date|name)\b|^(job title|role|position|class|year group)\b.*:$/i;

/** Nothing but a form's field names and filler: "Signed (parent/carer): Date:". */
export const isFormBlank = (text: string): boolean => {
  const trimmed = text.trim();
  return FORM_FIELD.test(trimmed) && trimmed.replace(/\([^)]*\)/g, ' ').replace(FORM_WORDS, ' ').trim() === '';
};

/** One label of a form, waiting for its answer after the colon: "Name of pupil:", "Date:". */
export const isFormLabel = (text: string): boolean => /:$/.test(text.trim()) && isFormBlank(text);
