import { z } from 'zod';
import { groundingProblem, type GroundingProblem } from './grounding.ts';
import { sectionLabel } from './passages.ts';
import type { Passage, Rephrase } from './types.ts';

/** Llama 3.1 8B (FP8) on Workers AI: small and quick enough for a chat reply (ADR 0011). */
export const WORDING_MODEL = '@cf/meta/llama-3.1-8b-instruct-fp8';

export interface WordingMessage {
  role: 'system' | 'user';
  content: string;
}

/**
 * The one call this module makes on a Workers AI binding. `Ai` from @cloudflare/workers-types fits
 * it; tests pass a fake, as they fake fetch at the network boundary.
 */
export interface TextGenerator {
  run(model: typeof WORDING_MODEL, input: { messages: WordingMessage[]; max_tokens: number; temperature: number }, options: { signal: AbortSignal }): Promise<unknown>;
}

/** Why the verbatim extract was kept. */
export type WordingFallback = GroundingProblem | 'error' | 'timeout' | 'invalid_output';

export interface WorkersAiRephraseOptions {
  ai: TextGenerator;
  /** Staff are waiting in a chat; past this the verbatim answer goes out instead. */
  timeoutMs?: number;
  /** Gets a reason code (and an upstream error's message), never the question or the model's output. */
  onFallback?: (reason: WordingFallback, detail?: string) => void;
}

const DEFAULT_TIMEOUT_MS = 4000;
const MAX_QUESTION_CHARS = 500;
// Long enough that an over-long reply arrives whole and is refused, rather than cut to fit.
const MAX_TOKENS = 200;

const SYSTEM_PROMPT = [
  "You answer a member of staff's question about their school's policy.",
  'Use ONLY the quoted policy text. Do not add advice, steps, names, numbers, amounts, email addresses or links that are not in it.',
  'Reply in at most two plain sentences, in British English, with no heading, list or preamble.',
  'If the quoted text does not answer the question, reply with nothing.',
].join(' ');

const outputSchema = z.object({ response: z.string() });

const TIMED_OUT = Symbol('timed out');

/** What the model is shown of each passage, and so all that its wording may rest on. */
const policyText = (passages: Passage[]): string => passages.map((p) => `[${sectionLabel(p)}] ${[p.leadIn, p.text].filter(Boolean).join(' ')}`).join('\n\n');

export function wordingMessages(question: string, passages: Passage[]): WordingMessage[] {
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: `Question: ${question.trim().slice(0, MAX_QUESTION_CHARS)}\n\nQuoted policy text:\n${policyText(passages)}` },
  ];
}

/**
 * A Rephrase backed by Workers AI. It never throws: on any failure, late reply or wording that is not
 * grounded in the passages it returns '', which keeps the verbatim extract (policy-qa.ts ask()).
 */
export function workersAiRephrase({ ai, timeoutMs = DEFAULT_TIMEOUT_MS, onFallback = () => undefined }: WorkersAiRephraseOptions): Rephrase {
  return async (question, passages) => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve(TIMED_OUT);
      }, timeoutMs);
    });
    let raw: unknown;
    try {
      raw = await Promise.race([ai.run(WORDING_MODEL, { messages: wordingMessages(question, passages), max_tokens: MAX_TOKENS, temperature: 0.2 }, { signal: controller.signal }), late]);
    } catch (error) {
      onFallback('error', error instanceof Error ? error.message.slice(0, 200) : 'non-error thrown');
      return '';
    } finally {
      clearTimeout(timer);
    }
    if (raw === TIMED_OUT) {
      onFallback('timeout');
      return '';
    }
    const output = outputSchema.safeParse(raw);
    if (!output.success) {
      onFallback('invalid_output');
      return '';
    }
    // Models like to wrap a reply in quotation marks; the words inside are what is checked.
    const wording = output.data.response.trim().replace(/^["“]([^"“”]*)["”]$/, '$1').trim();
    const problem = groundingProblem(wording, policyText(passages));
    if (problem) {
      onFallback(problem);
      return '';
    }
    return wording;
  };
}
