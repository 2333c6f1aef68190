/**
 * The OAuth scopes Tutela asks for, one per kind of call (least privilege: a token carries only the
 * scope the call needs). docs/permissions.md explains each one to a school's IT provider.
 */
const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPE = {
  /** users.list, impersonating the configured admin. */
  directoryRead: `${AUTH}admin.directory.user.readonly`,
  /** members.list, for acknowledgement campaigns addressed to a group. */
  groupMembersRead: `${AUTH}admin.directory.group.member.readonly`,
  /** autoForwarding, filters and sendAs reads; filter deletes and signature updates. */
  settingsBasic: `${AUTH}gmail.settings.basic`,
  /** Turning automatic forwarding off (Google files forwarding under "sharing"). */
  settingsSharing: `${AUTH}gmail.settings.sharing`,
  /**
   * messages.list with `q` and messages.get. gmail.metadata would be narrower but refuses `q`
   * (search by date/size) and attachment part sizes; Tutela still never asks for a body.
   */
  mailRead: `${AUTH}gmail.readonly`,
  /** messages.batchModify adding TRASH (recoverable for 30 days; never a permanent delete). */
  modify: `${AUTH}gmail.modify`,
} as const;

/** "gmail.settings.basic" for messages a person reads. */
export const shortScope = (scope: string): string => scope.replace(AUTH, '');
