import type { IssuedToken } from '../core/context.ts';
import type { RealismGate } from '../core/realism-gate.ts';

const AUTH = 'https://www.googleapis.com/auth/';

export const scope = {
  mail: 'https://mail.google.com/',
  modify: `${AUTH}gmail.modify`,
  readonly: `${AUTH}gmail.readonly`,
  metadata: `${AUTH}gmail.metadata`,
  settingsBasic: `${AUTH}gmail.settings.basic`,
  settingsSharing: `${AUTH}gmail.settings.sharing`,
  directoryUser: `${AUTH}admin.directory.user`,
  directoryUserReadonly: `${AUTH}admin.directory.user.readonly`,
  directoryUserSecurity: `${AUTH}admin.directory.user.security`,
  directoryGroup: `${AUTH}admin.directory.group`,
  directoryGroupReadonly: `${AUTH}admin.directory.group.readonly`,
  directoryGroupMember: `${AUTH}admin.directory.group.member`,
  directoryGroupMemberReadonly: `${AUTH}admin.directory.group.member.readonly`,
} as const;

/**
 * Which scopes each kind of call accepts (any one suffices), from the "Authorization scopes"
 * section of each method's reference page. Reads accept the broader scopes; writes do not.
 */
export const accepts = {
  gmailSettingsRead: [scope.mail, scope.modify, scope.readonly, scope.settingsBasic],
  gmailSettingsBasicWrite: [scope.settingsBasic],
  gmailSettingsSharingWrite: [scope.settingsSharing],
  gmailSendAsWrite: [scope.settingsBasic, scope.settingsSharing],
  gmailMessagesRead: [scope.mail, scope.modify, scope.readonly, scope.metadata],
  gmailMessagesReadContent: [scope.mail, scope.modify, scope.readonly],
  gmailMessagesModify: [scope.mail, scope.modify],
  directoryRead: [scope.directoryUser, scope.directoryUserReadonly],
  directoryWrite: [scope.directoryUser],
  directorySecurity: [scope.directoryUserSecurity],
  groupMembersRead: [scope.directoryGroup, scope.directoryGroupReadonly, scope.directoryGroupMember, scope.directoryGroupMemberReadonly],
} as const satisfies Record<string, readonly string[]>;

/** `withheldPermissions` may name a scope by URL or by its short name ("gmail.settings.sharing"). */
function withheld(gate: RealismGate, granted: string): boolean {
  return gate.isWithheld(granted) || gate.isWithheld(granted.startsWith(AUTH) ? granted.slice(AUTH.length) : granted);
}

/** The token's scopes minus those the tenant has withheld. */
export function effectiveScopes(token: IssuedToken, gate: RealismGate): string[] {
  return token.scopes.filter((s) => !withheld(gate, s));
}

export function grants(effective: readonly string[], needed: readonly string[]): boolean {
  return needed.some((n) => effective.includes(n));
}
