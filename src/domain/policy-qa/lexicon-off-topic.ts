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
    ask: ['get paid', 'pay day', 'wages'],
  },
  {
    id: 'parking',
    doc: ['car park', 'parking', 'parking permit', 'parking space'],
    ask: ['park my car', 'park the car', 'where can i park', 'where do i park'],
  },
  {
    id: 'fire-safety',
    doc: ['fire drill', 'fire alarm', 'evacuation', 'fire procedure', 'lockdown drill'],
  },
  {
    id: 'repairs',
    doc: ['heating', 'radiator', 'broken heater', 'leak', 'maintenance request', 'caretaker', 'site manager'],
    ask: ['leaking', 'broken window', 'fix the heating'],
  },
  {
    id: 'minibus',
    doc: ['minibus', 'school bus', 'driving licence', 'd1 licence'],
    ask: ['drive the minibus', 'minibus licence'],
  },
  {
    id: 'staff-events',
    doc: ['inset day', 'training day', 'staff meeting', 'christmas party', 'staff party', 'dress code', 'timetable'],
    ask: ['inset', 'what to wear'],
  },
];
