import { describe, expect, it } from 'vitest';
import { detectIntent, type Intent } from './intents.ts';

const cases: [string, Intent][] = [
  ['have I signed the AUP?', 'ack-status'],
  ['Have I signed the acceptable use policy', 'ack-status'],
  ['did I acknowledge the email policy?', 'ack-status'],
  ['sign', 'ack-status'],
  ['What do I need to sign?', 'ack-status'],
  ['why was my forwarding rule turned off?', 'forwarding-why'],
  ['Why has my auto-forward stopped working', 'forwarding-why'],
  ['who disabled my inbox rule?', 'forwarding-why'],
  ['my forwarding to gmail is off', 'forwarding-why'],
  ['is my mailbox compliant?', 'mailbox-compliance'],
  ['Is my email OK?', 'mailbox-compliance'],
  ['any problems with my mailbox?', 'mailbox-compliance'],
  ['am I compliant', 'mailbox-compliance'],
  ['hi', 'help'],
  ['', 'help'],
  // Policy questions that share words with the personal ones must still reach the policy answerer.
  ['Can I forward my email to my Gmail?', 'policy-question'],
  ['Can I set up a rule to forward my email automatically?', 'policy-question'],
  ['Is it ok to email parents from my personal account?', 'policy-question'],
  ['How big can an attachment be?', 'policy-question'],
  ['What happens to my account when I leave?', 'policy-question'],
  ['Do I have to sign emails with a disclaimer?', 'policy-question'],
];

describe('detectIntent', () => {
  it.each(cases)('%s → %s', (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });
});
