import type { AcknowledgementCardData } from './acknowledgement-card.ts';
import type { AnswerCardData } from './answer-card.ts';
import type { WeeklyCardData } from './weekly-card-data.ts';

/** Realistic data for every card we send, shared by the snapshot tests and the SDK validation test. */
export const busy: WeeklyCardData = {
  schoolId: 'oakfield',
  schoolName: 'Oakfield Primary School',
  weekOf: 'Monday 23 November 2026',
  status: { level: 'action', headline: 'Action needed', reasons: ['2 leavers held for your approval', '1 fix waiting for your approval', '3 serious findings open'] },
  acknowledgements: {
    percent: 75,
    done: 9,
    total: 12,
    documents: [
      { title: 'Email and acceptable use', version: 2, done: 5, total: 6 },
      { title: 'Data protection', version: 1, done: 4, total: 6 },
    ],
    outstanding: ['ann@oakfield.sch.uk', 'bob@oakfield.sch.uk'],
    outstandingCount: 3,
  },
  findings: {
    byCheck: [
      { checkId: 'forwarding.inbox-rule-external', title: 'Inbox rule forwards mail outside the school', open: 3, change: 2 },
      { checkId: 'accounts.dormant', title: 'Account not used for a long time', open: 1, change: -1 },
    ],
    totalOpen: 4,
    totalChange: 1,
  },
  remediations: { doneThisWeek: 5, pending: [{ actionId: 'act-1', title: 'Inbox rule forwards mail outside the school', subject: 'carol@oakfield.sch.uk' }], pendingCount: 1 },
  leavers: { tracked: true, onTime: 4, late: 1, held: [{ importId: 'imp-1', people: 2, reason: 'more than 3 disables in one import', receivedOn: 'Friday 20 November 2026' }] },
  dormant: { open: 1, change: -1 },
  retention: { level: 'good', text: '12-month policy in place; nothing overdue.' },
  dashboardUrl: 'https://tutela.example.org/dashboard/schools/oakfield',
};

export const quiet: WeeklyCardData = {
  ...busy,
  status: { level: 'good', headline: 'All good', reasons: ['Every check passed and nothing is waiting for you.'] },
  acknowledgements: { percent: null, done: 0, total: 0, documents: [], outstanding: [], outstandingCount: 0 },
  findings: { byCheck: [], totalOpen: 0, totalChange: 0 },
  remediations: { doneThisWeek: 0, pending: [], pendingCount: 0 },
  leavers: { tracked: false, onTime: 0, late: 0, held: [] },
  dormant: { open: 0, change: 0 },
};

export const answer: AnswerCardData = {
  question: 'Can I forward my email to Gmail?',
  answered: true,
  answer: 'Staff must not set up automatic forwarding of school email to addresses outside the school.',
  citations: [{ section: '4.2 Email', quote: 'Staff must not set up automatic forwarding' }],
  documentTitle: 'Email and Acceptable Use Policy',
  documentUrl: 'https://tutela.example.org/policies/aup#4-2',
};
export const ackData: AcknowledgementCardData = {
  documentTitle: 'Email and Acceptable Use Policy',
  version: 3,
  dueDate: 'Friday 4 December 2026',
  documentUrl: 'https://tutela.example.org/policies/aup',
  action: { campaignId: 'c-1', versionId: 'v-3', forUser: 'aad-1' },
};
