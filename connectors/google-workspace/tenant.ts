import type { TenantSnapshot } from '../../src/domain/audit/snapshot.ts';
import { ok, type Result } from '../../src/domain/result.ts';

const ADMIN_CONSOLE = 'https://admin.google.com';

/**
 * Google Workspace keeps these settings where no API Tutela can use reaches them:
 * - the compliance footer ("Append footer") is not exposed by any API, so disclaimers are judged
 *   per person, from their send-as signatures;
 * - automatic forwarding for the domain (Gmail › End user access) would come from the Cloud
 *   Identity Policy API, which answers only a super administrator with its own scope and endpoint;
 *   the supported-settings list did not confirm a Gmail forwarding setting, so it is not read;
 * - Vault retention rules are not readable through the Vault API.
 * Each is returned as "not readable" with the console page to check by hand.
 */
export function readTenant(): Promise<Result<TenantSnapshot>> {
  return Promise.resolve(
    ok({
      disclaimer: { kind: 'signatures', note: "Gmail's compliance footer cannot be read by API; Tutela checks each person's signature instead" },
      autoForwarding: {
        readable: false,
        note: "Google does not let Tutela read the domain's automatic-forwarding setting through an API it can use, so each person's forwarding is checked instead.",
        consoleUrl: `${ADMIN_CONSOLE}/ac/apps/gmail/usersettings`,
      },
      retention: {
        readable: false,
        note: 'Vault retention rules are not readable by API.',
        consoleUrl: 'https://vault.google.com/retention',
      },
    }),
  );
}
