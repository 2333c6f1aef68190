import type { Command } from './io.ts';
import { ask } from './commands/ask.ts';
import { audit } from './commands/audit.ts';
import { cardWeekly } from './commands/card-weekly.ts';
import { hrImport } from './commands/hr-import.ts';
import { profileValidate } from './commands/profile-validate.ts';
import { simulate } from './commands/simulate.ts';

/**
 * Every CLI command, one module each under cli/commands/. Add a command by adding its module here.
 */
export const commands: Command[] = [profileValidate, simulate, audit, ask, hrImport, cardWeekly];
