import type { Command } from './io.ts';

/**
 * Every CLI command, one module each under cli/commands/. Add a command by adding its module here.
 */
export const commands: Command[] = [];
