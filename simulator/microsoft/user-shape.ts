import type { MsUser } from '../fixture/microsoft.ts';
import type { Row } from './odata-filter.ts';

/** What Graph returns for a user without `$select`. */
export const USER_DEFAULTS = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'] as const;

/** Real user properties the fixture does not model: selectable, always null/empty. */
const UNMODELLED: Row = {
  department: null,
  companyName: null,
  employeeType: null,
  onPremisesSyncEnabled: null,
  onPremisesImmutableId: null,
  usageLocation: 'GB',
  city: null,
  country: null,
  deletedDateTime: null,
  externalUserState: null,
  mobilePhone: null,
  officeLocation: null,
  preferredLanguage: null,
  businessPhones: [],
};

/** The user as Graph represents it (every property this simulator knows). */
export function graphUser(user: MsUser): Row {
  return {
    ...UNMODELLED,
    id: user.id,
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    jobTitle: user.jobTitle,
    mail: user.mail,
    userPrincipalName: user.userPrincipalName,
    mailNickname: user.userPrincipalName.split('@')[0],
    accountEnabled: user.accountEnabled,
    employeeId: user.employeeId,
    proxyAddresses: user.proxyAddresses,
    userType: user.userType,
    createdDateTime: user.createdDateTime,
    assignedLicenses: user.assignedLicenses.map((skuId) => ({ disabledPlans: [], skuId })),
    signInSessionsValidFromDateTime: user.signInSessionsValidFromDateTime,
    // Graph leaves signInActivity out for a user who never signed in.
    signInActivity: user.signInActivity
      ? {
          lastSignInDateTime: user.signInActivity.lastSignInDateTime,
          lastSignInRequestId: user.signInActivity.lastSignInDateTime ? `sim-${user.id}-i` : null,
          lastNonInteractiveSignInDateTime: user.signInActivity.lastNonInteractiveSignInDateTime,
          lastNonInteractiveSignInRequestId: user.signInActivity.lastNonInteractiveSignInDateTime ? `sim-${user.id}-n` : null,
          lastSuccessfulSignInDateTime: user.signInActivity.lastSignInDateTime,
          lastSuccessfulSignInRequestId: user.signInActivity.lastSignInDateTime ? `sim-${user.id}-i` : null,
        }
      : undefined,
  };
}

export const USER_PROPERTIES = [...new Set(['id', ...Object.keys(UNMODELLED), 'displayName', 'givenName', 'surname', 'jobTitle', 'mail', 'userPrincipalName', 'mailNickname', 'accountEnabled', 'employeeId', 'proxyAddresses', 'userType', 'createdDateTime', 'assignedLicenses', 'signInSessionsValidFromDateTime', 'signInActivity'])];
