import type { Concept } from './lexicon.ts';

/**
 * Things staff ask the office about that an ICT or email policy seldom covers: leave, pay, premises,
 * events. Each is a multi-word concept so its words cannot be matched one by one ("annual leave" must
 * not meet "annual acknowledgement" and "leavers"). When a policy never mentions the concept, the
 * question's focus is uncovered and the answerer declines.
 */
export const offTopicConcepts: Concept[] = [
  {
    id: 'annual-leave',
    doc: ['annual leave', 'holiday entitlement', 'leave entitlement', 'days holiday', 'holiday allowance'],
    ask: ['days off', 'time off', 'holiday days', 'carry over leave', 'book a holiday', 'holiday in term time'],
  },
  {
    id: 'pay',
    doc: ['salary', 'pay scale', 'payslip', 'pay rise', 'pension', 'overtime', 'expenses', 'mileage', 'reimburse'],
    ask: ['get paid', 'pay day', 'payday', 'wages', 'claim back', 'claim for'],
  },
  {
    id: 'parking',
    // Multi-word only: "parking" stems to "park", which would meet a school called "Hollins Park".
    doc: ['car park', 'parking permit', 'parking space', 'parking spaces', 'staff parking', 'parking bay', 'parking for'],
    ask: ['park my car', 'park the car', 'where can i park', 'where do i park', 'can i park', 'somewhere to park'],
  },
  {
    id: 'fire-safety',
    doc: ['fire drill', 'fire alarm', 'evacuation', 'fire procedure', 'lockdown drill'],
  },
  {
    id: 'repairs',
    // "a data leak" is not a leaking roof.
    doc: ['heating', 'radiator', 'broken heater', 'water leak', 'roof leak', 'leaking roof', 'maintenance request', 'caretaker', 'site manager'],
    ask: ['leaking', 'broken window', 'fix the heating'],
  },
  {
    id: 'minibus',
    doc: ['minibus', 'school bus'],
    ask: ['drive the minibus'],
  },
  // Who pays for a lost or broken device: a topic of its own, which a policy on reporting the loss
  // ("phone the helpdesk the same day") does not answer.
  {
    id: 'damage-cost',
    doc: ['pay for the repair', 'pay for repairs', 'pay for a replacement', 'pay for any damage', 'pay for damage', 'cost of repair', 'cost of repairs', 'cost of replacement', 'replacement cost', 'liable for', 'liable to pay', 'charged for', 'charge you for', 'insurance', 'insured'],
    ask: ['have to pay for', 'have to pay if', 'pay if i lose', 'pay if i break', 'pay if it', 'make me pay', 'pay for it', 'pay for a new', 'pay for the damage', 'pay for the screen', 'pay to fix', 'pay to replace', 'charge me', 'out of my own pocket', 'cover the cost', 'pay for the repair'],
  },
  // A topic of its own: a policy that says "no phone while driving the minibus" says nothing of licences.
  {
    id: 'driving-licence',
    doc: ['driving licence', 'd1 licence', 'd1 entitlement', 'minibus licence', 'midas'],
    ask: ['d1', 'my licence', 'minibus test', 'driving test'],
  },
  // How much a mailbox holds: a topic of its own, which an attachment size limit does not answer.
  {
    id: 'mailbox-storage',
    // Not "your mailbox is full", in a policy or a question: a phishing email says that too.
    doc: ['storage limit', 'storage allowance', 'storage quota', 'mailbox quota', 'mailbox size', 'mailbox limit', 'size of your mailbox', 'storage space', 'storage capacity', 'mailboxes are', 'mailbox has a'],
    ask: ['how much storage', 'how much space', 'nearly full', 'almost full', 'inbox full', 'inbox is full', 'run out of space', 'running out of space', 'out of storage', 'storage do we get', 'space do we get', 'inbox size', 'quota'],
  },
  {
    id: 'staff-events',
    doc: ['inset day', 'training day', 'staff meeting', 'christmas party', 'staff party'],
    ask: ['inset', 'cpd days', 'cpd day'],
  },
  {
    id: 'dress-code',
    doc: ['dress code', 'staff dress', 'non-uniform day', 'smart casual'],
    ask: ['what to wear', 'pe kit', 'wear jeans', 'jeans', 'non uniform', 'non-uniform', 'wear trainers', 'dress down'],
  },
  {
    id: 'jewellery',
    doc: ['jewellery', 'jewelry', 'earrings', 'piercings', 'body piercing'],
    ask: ['earring', 'ear rings', 'nose stud', 'nose ring', 'piercing'],
  },
  // How many adults go with how many pupils: a policy on supervising pupils online gives no ratio.
  {
    id: 'staffing-ratio',
    doc: ['adult to child ratio', 'adult to pupil ratio', 'staff to pupil ratio', 'staffing ratio', 'ratio of adults', 'ratios'],
    ask: ['ratio', 'how many adults', 'how many staff do we need', 'how many staff do i need'],
  },
  {
    id: 'stationery',
    doc: ['stationery', 'classroom supplies', 'resources order'],
    ask: ['glue sticks', 'whiteboard pens', 'board pens', 'exercise books', 'order more', 'laminating pouches'],
  },
  {
    id: 'health',
    doc: ['head lice', 'first aid', 'school nurse', 'medication', 'flu jab', 'flu vaccination'],
    ask: ['nits', 'call in sick', 'sick note', 'fit note', 'flu jabs'],
  },
];
