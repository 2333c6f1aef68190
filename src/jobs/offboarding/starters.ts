import { enrolStarter } from '../../domain/acknowledgements/index.ts';
import type { StarterEnrolment } from '../../domain/ports/starter-enrolment.ts';

/** The acknowledgements feature's enrolment (active starters and all-staff campaigns), on D1. */
export function d1StarterEnrolment(db: D1Database): StarterEnrolment {
  return { enrol: (schoolId, person, now) => enrolStarter(db, schoolId, person.email, person.userKey, now) };
}
