/**
 * The command reference — docs/commands.md and the man page, man/postboard.1 — made from the
 * program itself: the commander commands that `buildProgram` registers (src/commands/, their
 * words from the English catalogue), read through commander's own Help, so the reference says
 * what `postboard <command> --help` says, option for option. scripts/gen-docs.mjs writes the two
 * files (`npm run docs`); test/unit/reference-docs.test.ts fails when the committed ones are stale.
 *
 * Not part of the CLI's bundle: nothing in src/cli.ts imports it.
 *
 * Help text is data to both formats: every piece of it goes through one escaper per format
 * (markdown.ts: the exports' `markdownText`; roff.ts: `roffText`), applied where each piece is
 * placed, never to a whole document.
 */
import type { Command, Help, Option } from 'commander';
import { buildProgram } from '../cli.js';
import { examplesIn, type Example } from '../cmdutil/examples.js';
import { Context } from '../context.js';
import { MESSAGES } from '../i18n/index.js';
import type { IO } from '../io.js';
import { VERSION } from '../version.js';

/** A row of a list: an option's or argument's term (`-n, --limit <n>`) and what it means. */
export interface Item {
  term: string;
  description: string;
}

export interface CommandReference {
  name: string;
  aliases: string[];
  /** `postboard list|ls [options]` */
  usage: string;
  description: string;
  arguments: Item[];
  options: Item[];
  examples: readonly Example[];
}

export interface Reference {
  version: string;
  description: string;
  usage: string;
  globalOptions: Item[];
  commands: CommandReference[];
  examples: readonly Example[];
  /** The environment variables and exit codes, as `postboard --help` ends. */
  environment: string;
  /** The titles `--help` gives its sections, from the catalogue. */
  titles: { examples: string; options: string; arguments: string };
}

/** An IO for building the program only: no variable of this machine is seen, and what the program writes is kept in `written`. */
const quietIO = (): IO & { written: string[] } => {
  const written: string[] = [];
  const out = { isTTY: false, write: (chunk: string) => (written.push(chunk), true) };
  return { stdout: out, stderr: { isTTY: false, write: () => true }, stdin: process.stdin, env: {}, now: () => new Date(0), written };
};

/**
 * What `--help` prints after a command's own help (`addHelpText('after', …)`): its examples.
 * commander prints the help (`helpInformation()`) and then that, through the program's output.
 */
function afterHelp(command: Command, io: { written: string[] }): string {
  io.written.length = 0;
  command.outputHelp();
  return io.written.join('').slice(command.helpInformation().length).replace(/\n$/, '');
}

const isHelpOption = (option: Option): boolean => option.long === '--help';

/** The program as the reference describes it, in English. */
export function programReference(): Reference {
  const io = quietIO();
  const ctx = new Context(io, 'en', MESSAGES.en);
  const program = buildProgram(ctx, undefined, undefined, { reference: true });
  const help: Help = program.createHelp();
  const items = (options: readonly Option[]): Item[] =>
    options.filter((option) => !isHelpOption(option)).map((option) => ({ term: help.optionTerm(option), description: help.optionDescription(option) }));
  const describe = (command: Command, name: string, examples: readonly Example[]): CommandReference => ({
    name,
    aliases: command.aliases(),
    usage: `${help.commandUsage(command)}`,
    description: help.commandDescription(command),
    arguments: help.visibleArguments(command).map((argument) => ({ term: help.argumentTerm(argument), description: help.argumentDescription(argument) })),
    options: items(help.visibleOptions(command)),
    examples,
  });
  const commands = help
    .visibleCommands(program)
    .filter((command) => command.name() !== 'help')
    .flatMap((command): CommandReference[] => {
      const examples = examplesIn(afterHelp(command, io));
      if (examples.length === 0) throw new Error(`postboard ${command.name()} has no examples in its help`);
      // A command of commands (`source add`, `source list`): each one with its options, and the examples that run it.
      const subcommands = help
        .visibleCommands(command)
        .filter((sub) => sub.name() !== 'help')
        .map((sub) => {
          const name = `${command.name()} ${sub.name()}`;
          return describe(sub, name, examples.filter(([line]) => line.startsWith(`postboard ${name}`)));
        });
      return [describe(command, command.name(), examples), ...subcommands];
    });
  return {
    version: VERSION,
    description: help.commandDescription(program),
    usage: help.commandUsage(program),
    globalOptions: [...items(help.visibleOptions(program)), ...help.visibleOptions(program).filter(isHelpOption).map((option) => ({ term: help.optionTerm(option), description: help.optionDescription(option) }))],
    commands,
    examples: ctx.t.help.examples,
    environment: ctx.t.help.environment,
    titles: { examples: ctx.t.examplesHeading, options: ctx.t.help.titles['Options:'], arguments: ctx.t.help.titles['Arguments:'] },
  };
}
