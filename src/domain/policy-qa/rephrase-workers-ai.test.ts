import { describe, expect, it } from 'vitest';
import { markdownPolicy } from '../../../test/support/policy.ts';
import { createPolicyQa } from './policy-qa.ts';
import { WORDING_MODEL, workersAiRephrase, type TextGenerator, type WordingFallback, type WordingMessage } from './rephrase-workers-ai.ts';
import type { Passage } from './types.ts';

const passage: Passage = {
  id: 'p-2.1',
  kind: 'para',
  docIndex: 0,
  sectionId: 'attachments',
  number: '2.1',
  heading: 'Attachments',
  path: ['Attachments'],
  text: 'Attachments must be no larger than 3 MB. For bigger files, share a link from the school drive instead.',
};
const QUESTION = 'can I email a 10 MB video to a parent?';

interface Call {
  model: string;
  messages: WordingMessage[];
  signal: AbortSignal;
}

/** The Workers AI binding is the boundary: a fake `run` that records what it was asked and answers `reply`. */
function fakeAi(reply: (signal: AbortSignal) => Promise<unknown>): TextGenerator & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    run(model, input, options) {
      calls.push({ model, messages: input.messages, signal: options.signal });
      return reply(options.signal);
    },
  };
}

function rephraseWith(ai: TextGenerator, timeoutMs?: number) {
  const fallbacks: WordingFallback[] = [];
  const rephrase = workersAiRephrase({ ai, ...(timeoutMs ? { timeoutMs } : {}), onFallback: (reason) => fallbacks.push(reason) });
  return { rephrase, fallbacks };
}

describe('Workers AI wording', () => {
  it('uses grounded output, asking for two plain sentences from the quoted text only', async () => {
    const ai = fakeAi(() => Promise.resolve({ response: '“No — attachments must be 3 MB or less, so share a link from the school drive instead.”' }));
    const { rephrase, fallbacks } = rephraseWith(ai);
    expect(await rephrase(QUESTION, [passage])).toBe('No — attachments must be 3 MB or less, so share a link from the school drive instead.');
    expect(fallbacks).toEqual([]);
    const [call] = ai.calls;
    expect(call!.model).toBe(WORDING_MODEL);
    const [system, user] = call!.messages;
    expect(system!.role).toBe('system');
    expect(system!.content).toMatch(/ONLY the quoted policy text/);
    expect(system!.content).toMatch(/at most two plain sentences, in British English/);
    expect(user!.content).toContain(`Question: ${QUESTION}`);
    expect(user!.content).toContain(`[2.1 Attachments] ${passage.text}`);
  });

  it('refuses output with a number the policy does not state, and output of the wrong shape', async () => {
    const invented = rephraseWith(fakeAi(() => Promise.resolve({ response: 'Yes, files up to 10 MB are fine.' })));
    expect(await invented.rephrase(QUESTION, [passage])).toBe('');
    expect(invented.fallbacks).toEqual(['unsupported_number']);
    const shapeless = rephraseWith(fakeAi(() => Promise.resolve({ result: { response: 'No.' } })));
    expect(await shapeless.rephrase(QUESTION, [passage])).toBe('');
    expect(shapeless.fallbacks).toEqual(['invalid_output']);
  });

  it('falls back when the binding throws', async () => {
    const { rephrase, fallbacks } = rephraseWith(fakeAi(() => Promise.reject(new Error('3040: Capacity temporarily exceeded'))));
    expect(await rephrase(QUESTION, [passage])).toBe('');
    expect(fallbacks).toEqual(['error']);
  });

  it('falls back when the model is too slow, and cancels the request', async () => {
    const ai = fakeAi(
      (signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            setTimeout(() => resolve({ response: 'Too late.' }), 50);
          });
        }),
    );
    const { rephrase, fallbacks } = rephraseWith(ai, 20);
    expect(await rephrase(QUESTION, [passage])).toBe('');
    expect(fallbacks).toEqual(['timeout']);
    expect(ai.calls[0]!.signal.aborted).toBe(true);
  });

  it('leaves the verbatim extract in place through ask() when wording falls back, and the citation verbatim when it does not', async () => {
    const doc = await markdownPolicy(['# Brook Email Policy', '', '## 2. Attachments', '', `2.1 ${passage.text}`].join('\n'));
    const qa = createPolicyQa([doc]);
    const question = 'is there a size limit for attachments?';
    const plain = await qa.ask(question);
    expect(plain.answered).toBe(true);
    const failed = await qa.ask(question, rephraseWith(fakeAi(() => Promise.reject(new Error('down')))).rephrase);
    expect(failed).toEqual(plain);
    const worded = await qa.ask(question, rephraseWith(fakeAi(() => Promise.resolve({ response: 'Yes: 3 MB at most.' }))).rephrase);
    expect(worded.answer).toBe('Yes: 3 MB at most.');
    expect(worded.citations).toEqual(plain.citations);
  });
});
