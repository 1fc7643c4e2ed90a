import type { Command } from 'commander';
import { buildProgram } from '../../src/cli.js';
import { Context } from '../../src/context.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { memoryIO } from './io.js';

type Register<T> = (program: Command, ctx: Context, run: (ctx: Context, options: T) => Promise<void>) => void;

/**
 * Parses `argv` with one command's real flag declarations, but swaps its run function for one
 * that only records the options: flag parsing checked alone, as gh's tests do.
 */
export async function parseFlags<T>(register: Register<T>, argv: string[], now = new Date(2024, 8, 6, 10)): Promise<T> {
  const ctx = new Context(memoryIO({ now }), 'en', MESSAGES.en);
  let parsed: T | undefined;
  const program = buildProgram(ctx, [
    {
      name: argv[0] ?? '',
      aliases: [],
      term: '',
      summary: () => '',
      register: (p, c) =>
        register(p, c, async (_ctx, options) => {
          parsed = options;
        }),
    },
  ]);
  await program.parseAsync(argv, { from: 'user' });
  if (parsed === undefined) throw new Error('the command did not run');
  return parsed;
}
