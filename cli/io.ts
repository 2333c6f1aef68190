/** What a command may touch, so tests can run commands in-process and read what they printed. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  cwd: string;
}

export type CommandRun = (args: string[], io: CliIO) => Promise<number>;

export interface Command {
  /** Words that select the command, e.g. ["profile", "validate"]. */
  path: string[];
  summary: string;
  usage: string;
  run: CommandRun;
}

export function nodeIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const decoder = new TextDecoder();
      let text = '';
      for await (const chunk of process.stdin) text += decoder.decode(chunk as Uint8Array, { stream: true });
      return text + decoder.decode();
    },
    env: process.env,
    cwd: process.cwd(),
  };
}
