/** The formats a school is likely to hand us its policy in. */
export const policyDocTypes = ['md', 'txt', 'docx', 'pdf', 'html'] as const;
export type PolicyDocType = (typeof policyDocTypes)[number];

export interface IngestInput {
  bytes: Uint8Array | string;
  type: PolicyDocType;
  title?: string;
}

/**
 * One structural unit every format is reduced to before sections are built. `number` on a body block
 * is a clause number ("4.2") found at the start of the paragraph; `label` is the left-hand cell of a
 * two-column table row, which reads like a sub-heading for the row's text.
 */
export type Block =
  | { kind: 'heading'; level: number; text: string; number?: string }
  | { kind: 'para' | 'bullet' | 'row'; text: string; number?: string; label?: string; columns?: string[] };

export interface Paragraph {
  kind: 'para' | 'bullet' | 'row';
  text: string;
  /** Clause number written at the start of the paragraph, e.g. "6.2". */
  number?: string;
  /** Row label from a flattened table (its first or left-hand cell). */
  label?: string;
  /** Column labels of the table a row came from ("Record", "Retention period"). */
  columns?: string[];
  /** For a bullet: the paragraph that introduced the list ("Staff must:"). */
  leadIn?: string;
}

export interface PolicySection {
  id: string;
  number?: string;
  heading: string;
  /** Heading trail from the top-level section down to this one. */
  path: string[];
  text: string;
  paragraphs: Paragraph[];
}

export interface PolicyDocument {
  title: string;
  /** Who to ask when the policy is silent, when the document names a contact. */
  contact?: string;
  sections: PolicySection[];
  /** SHA-256 (hex) of the normalised text, so a re-upload of the same policy is recognisable. */
  contentHash: string;
}
