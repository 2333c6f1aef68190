import { z } from 'zod';

/** What the answer card's "Was this helpful?" buttons carry back (see adaptive-cards/answer-card.ts). */
export const feedbackSchema = z
  .object({ helpful: z.boolean(), question: z.string().min(1).max(300), section: z.string().max(300).nullable() })
  .strict();
