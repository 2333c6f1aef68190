#!/usr/bin/env node
// Entry point for `npm run --silent tutela -- …`; runs on Node 24 (type stripping, no build step).
import { nodeIO, type CliIO, type Command } from './io.ts';
import { commands } from './registry.ts';

export function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const matches = commands
    .filter((c) => c.path.every((word, i) => argv[i] === word))
    .sort((a, b) => b.path.length - a.path.length);
  const command = matches[0];
  return command ? { command, rest: argv.slice(command.path.length) } : undefined;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const found = findCommand(argv);
  if (!found || argv[0] === '--help' || argv[0] === 'help') {
    io.stderr('Usage: tutela <command> [options]\n\nCommands:\n');
    for (const c of commands) io.stderr(`  ${c.path.join(' ').padEnd(20)} ${c.summary}\n`);
    return found || argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' ? 0 : 2;
  }
  if (found.rest.includes('--help')) {
    io.stderr(`${found.command.usage}\n`);
    return 0;
  }
  return found.command.run(found.rest, io);
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), nodeIO());
}
