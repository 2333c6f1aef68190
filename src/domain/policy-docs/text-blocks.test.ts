import { describe, expect, it } from 'vitest';
import { HEADING_HINT } from './clean-text.ts';
import { textToBlocks } from './text-blocks.ts';

describe("reading a PDF's text, where headings are set in larger type", () => {
  it('reads a numbered line in body type as a clause, even when its first line reads like a heading', () => {
    // The line broke early before a long address, so "4.2 Automatic forwarding … outside" looks like a title.
    const text = [
      `${HEADING_HINT}4.\tPersonal email and forwarding`,
      '4.1\tYou must not use a personal email account for anything to do with your work.',
      '4.2\tAutomatic forwarding from your mailbox to any address outside',
      '@oakfield.sch.uk is switched off and cannot be turned on.',
    ].join('\n');
    const blocks = textToBlocks(text, { markedHeadings: true });
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Personal email and forwarding']);
    expect(blocks.at(-1)).toEqual({ kind: 'para', number: '4.2', text: 'Automatic forwarding from your mailbox to any address outside @oakfield.sch.uk is switched off and cannot be turned on.' });
  });
});
