import type { StaffField } from './mapping.ts';

/**
 * Header spellings seen in UK school MIS/HR exports (SIMS, Arbor, Bromcom, iTrent, Every, hand-made
 * spreadsheets), most preferred first. Matching ignores case, spacing and punctuation (headerKey).
 * Deliberately absent: "Personal Email"/"Home Email" (not the tenant account), "Contract End Date"
 * (fixed-term contracts are renewed), "Staff Code" (initials, not unique).
 */
export const headerPresets: Record<StaffField, readonly string[]> = {
  employeeId: ['Employee ID', 'Staff ID', 'Employee Number', 'Employee No', 'Emp No', 'Payroll Number', 'Payroll No', 'Payroll ID', 'Staff Number', 'Personnel Number', 'Employee Reference'],
  email: ['Work Email', 'Work Email Address', 'School Email', 'School Email Address', 'Business Email', 'Email Address', 'Email', 'E-mail'],
  firstName: ['Legal Forename', 'Forename', 'First Name', 'Given Name', 'Preferred Forename'],
  lastName: ['Legal Surname', 'Surname', 'Last Name', 'Family Name', 'Preferred Surname'],
  displayName: ['Display Name', 'Full Name', 'Name', 'Known As'],
  startDate: ['Start Date', 'Employment Start Date', 'Date Started', 'Date Joined', 'Date of Joining', 'Start Date of Employment'],
  leaveDate: ['Leave Date', 'Leaving Date', 'End Date', 'Date Left', 'Employment End Date', 'Termination Date', 'Last Working Day'],
  status: ['Employment Status', 'Staff Status', 'Employee Status', 'Status'],
  jobTitle: ['Job Title', 'Post Title', 'Role', 'Post', 'Position', 'Job Role'],
  department: ['Department', 'Dept', 'Faculty', 'Team'],
};

/** Fields where two matching columns are an error rather than a preference (see resolveColumns). */
export const identityFields: ReadonlySet<StaffField> = new Set(['employeeId', 'email', 'startDate', 'leaveDate', 'status']);
