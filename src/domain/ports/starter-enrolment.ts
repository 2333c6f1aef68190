/**
 * Enrols a new member of staff in the school's acknowledgement campaigns (starters and all-staff).
 * The offboarding engine calls it for starters in the HR feed; calling it twice changes nothing.
 */
export interface StarterEnrolment {
  enrol(schoolId: string, person: { email: string; userKey: string }, now: Date): Promise<{ campaignIds: string[] }>;
}
