import { Command, CommanderError, Help, type Argument, type Option } from 'commander';
import * as add from './commands/add.js';
import * as check from './commands/check.js';
import * as completion from './commands/completion.js';
import { complete } from './commands/completion.js';
import * as deleteCommand from './commands/delete.js';
import * as edit from './commands/edit.js';
import * as exportCommand from './commands/export.js';
import * as importCommand from './commands/import.js';
import * as list from './commands/list.js';
import * as show from './commands/show.js';
import * as stats from './commands/stats.js';
import * as copy from './commands/copy.js';
import * as init from './commands/init.js';
import * as log from './commands/log.js';
import * as pull from './commands/pull.js';
import * as source from './commands/source.js';
import { redo, undo } from './commands/undo.js';
import { hide, publish } from './commands/visibility.js';
import { examples } from './cmdutil/examples.js';
import { Context } from './context.js';
import { shownLocation } from './store/index.js';
import { BoardFileError, BoardProblemError, Cancelled, Declined, ExitCode, exitCodeOf, OutputError, type PostboardError, UsageError } from './errors.js';
import { chooseLang, LANGS, messagesFor, type Lang } from './i18n/index.js';
import { colorLevel, osOf, processIO, type IO } from './io.js';
import { OptionParser } from './options.js';
import { shellOf } from './platform.js';
import { visibleLine } from './render/sanitize.js';
import { simpleMeasure } from './render/width.js';
import { VERSION } from './version.js';

export interface CommandModule {
  name: string;
  aliases: readonly string[];
  /** One line for the command list in `postboard --help`. */
  summary(lang: Lang): string;
  /** What follows the name in that list (`[options] <id>`): what commander would say of the command built in full. */
  term: string;
  register(program: Command, ctx: Context): void;
  /** Left out of the help (the completion scripts' call-back). */
  hidden?: boolean;
  /** Set by a command that looks at every other one (completion), so all are built in full. */
  needsEveryCommand?: boolean;
}

/** Every command, each one file with the same shape: `register(program, ctx)`. */
const COMMANDS: readonly CommandModule[] = [
  list,
  show,
  add,
  edit,
  hide,
  publish,
  deleteCommand,
  undo,
  redo,
  log,
  pull,
  source,
  importCommand,
  exportCommand,
  stats,
  check,
  init,
  copy,
  completion,
  complete,
];

export interface HelpText {
  description: string;
  examples: [string, string][];
  /** `board`: the board in use, which `--help` names; none in the reference (docs/commands.md, the man page). */
  db: (board: string | undefined) => string;
  lang: string;
  color: string;
  pager: string;
  help: string;
  version: string;
  /** commander's section titles, translated. */
  titles: Record<string, string>;
  environment: string;
}

/** `<path>` in a help line in the interface's language (`<경로>`): the catalogue's names for commander's terms. */
const translatedTerms = (text: string, terms: Record<string, string>): string =>
  text.replace(/([<[])(\w+)(\.\.\.)?([>\]])/g, (whole, open: string, word: string, more = '', close: string) => (terms[word] ? `${open}${terms[word]}${more}${close}` : whole));

/**
 * A global option known before parsing: `--lang` (the help text is built in that language) and
 * `--db` (which the help names as the board in use).
 */
function flagValue(argv: readonly string[], flag: '--lang' | '--db'): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i] ?? '';
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/**
 * The subcommand `argv` runs, if it names one: the first word that is not an option or the value
 * of a global option.
 */
function invokedCommand(argv: readonly string[], commands: readonly CommandModule[]): CommandModule | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return undefined;
    if (arg === '--db' || arg === '--lang') i++;
    else if (!arg.startsWith('-')) return commands.find((command) => command.name === arg || command.aliases.includes(arg));
  }
  return undefined;
}

/** Whether `argv` has a word that is not an option or a global option's value (a command, `help`, a typo). */
function hasCommandWord(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db' || arg === '--lang') i++;
    else if (!arg.startsWith('-')) return true;
  }
  return false;
}

/**
 * Builds the program. With `argv`, only the command it runs is built in full (its options, help
 * and examples); the others are a name and a line for the help list, which saves a `list` a
 * couple of milliseconds of start-up. Without `argv` (or for `help`), every command is built.
 * `reference`: built for docs/commands.md and the man page (scripts/gen-docs.mjs), which name no
 * board in use (it is this machine's, not the reader's).
 */
export function buildProgram(ctx: Context, commands: readonly CommandModule[] = COMMANDS, argv?: readonly string[], options: { reference?: boolean } = {}): Command {
  const help = ctx.t.help;
  /** The commands built only as a line of the help, with what commander would say of them in full. */
  const lightTerms = new Map<Command, string>();
  const program = new Command('postboard');
  // Settings that subcommands copy when they are created: these come first.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      outputError: () => {}, // errors are printed once, as one line, by `report`
      getOutHelpWidth: () => ctx.io.stdout.columns ?? 80,
      // commander's own check reads process.stdout, which builds a stream (net, tty) for a pipe: ~4 ms.
      getOutHasColors: () => colorLevel(ctx.io, true) > 0,
      getErrHasColors: () => Boolean(ctx.io.stderr.isTTY) && !ctx.io.env.NO_COLOR,
      getErrHelpWidth: () => ctx.io.stderr.columns ?? 80,
    })
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (title) => (help.titles as Record<string, string>)[title] ?? title,
      // Commander counts UTF-16 units; Korean descriptions need display columns.
      displayWidth: (text) => simpleMeasure.width(text.replace(/\x1b\[[\d;]*m/g, '')),
      // commander's value names and sections in the interface's language (`<경로>`), where it has its own.
      subcommandTerm: (command: Command) => translatedTerms(lightTerms.get(command) ?? new Help().subcommandTerm(command), ctx.t.terms),
      optionTerm: (option: Option) => translatedTerms(option.flags, ctx.t.terms),
      argumentTerm: (argument: Argument) => (ctx.t.terms as Record<string, string>)[argument.name()] ?? argument.name(),
    })
    .helpOption('-h, --help', help.help)
    .helpCommand('help [command]', help.help);

  program
    .description(help.description)
    .version(VERSION, '-v, --version', help.version)
    .option('--db <location>', help.db(options.reference ? undefined : argv && flagValue(argv, '--db') ? shownLocation(flagValue(argv, '--db')!) : ctx.boardShown))
    .option('--lang <lang>', help.lang)
    .option('--no-color', help.color)
    .option('--no-pager', help.pager)
    .addHelpText(
      'after',
      examples(ctx.lang, help.examples) + `\n${help.environment}\n`,
    )
    .hook('preAction', () => {
      ctx.global = program.opts();
      new OptionParser(ctx, '').choice('--lang', LANGS, ctx.global.lang);
    });

  const invoked = argv ? invokedCommand(argv, commands) : undefined;
  // `postboard --help` (no command named at all) needs only each command's line.
  const rootOnly = argv !== undefined && invoked === undefined && !hasCommandWord(argv);
  for (const command of commands) {
    if (invoked ? invoked.needsEveryCommand || command === invoked : !rootOnly) command.register(program, ctx);
    else {
      const light = program.command(command.name, { hidden: command.hidden === true }).aliases([...command.aliases]).description(command.summary(ctx.lang));
      lightTerms.set(light, [command.name + (command.aliases[0] ? `|${command.aliases[0]}` : ''), command.term].filter(Boolean).join(' '));
    }
  }
  // commander writes "[options]", "[command]" and the value names into usage lines: in the interface's language too.
  if (Object.keys(ctx.t.terms).length > 0) for (const command of [program, ...program.commands]) command.usage(translatedTerms(command.usage(), ctx.t.terms));
  return program;
}

/** Runs postboard with `argv` (the arguments after the program name); resolves to the exit code. */
export async function main(argv: readonly string[], io: IO): Promise<number> {
  const lang = chooseLang(flagValue(argv, '--lang'), io.env, io.systemLocale);
  const ctx = new Context(io, lang, messagesFor(lang, osOf(io), shellOf(osOf(io), io.env)));
  try {
    const program = buildProgram(ctx, COMMANDS, argv);
    // `help nosuch`: a usage error like `nosuch` itself, not the whole help and a stray message.
    const helpFor = argv[0] === 'help' ? argv[1] : undefined;
    if (helpFor !== undefined && !helpFor.startsWith('-') && !COMMANDS.some((command) => command.name === helpFor || command.aliases.includes(helpFor))) {
      throw new UsageError(ctx.t.error.commander['commander.unknownCommand']?.(helpFor) ?? `unknown command ${helpFor}`);
    }
    // No command (only global options such as --lang ko): the help, as for `postboard` alone.
    if (!hasCommandWord(argv) && !argv.some((arg) => ['-h', '--help', '-v', '--version'].includes(arg))) {
      program.outputHelp();
      return ExitCode.ok;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return report(error, ctx, invokedCommand(argv, COMMANDS)?.name ?? '');
  } finally {
    // A database board holds a connection: closed, so the process ends when the command does.
    await ctx.closeBoard();
  }
}

/** The one place errors become exit codes and messages. */
function report(error: unknown, ctx: Context, command: string): number {
  const { t } = ctx;
  const say = (message: string) => ctx.io.stderr.write(`${t.error.prefix}: ${visibleLine(message)}\n`);

  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return ExitCode.ok; // --help, --version
    say(`${commanderMessage(error, ctx)} (${t.usage.hint(command)})`);
    return ExitCode.usage;
  }
  if (error instanceof OutputError) {
    // Standard output is gone: say so on stderr (if even that fails, the exit code still tells).
    try {
      say(t.error.output(error.stream, error.code, t.errno[error.code]));
      // The change itself was saved: a script must not take the error for "not done" and do it twice.
      if (ctx.changeSaved) ctx.note(t.error.savedAnyway);
    } catch {
      // nowhere left to say it
    }
    return ExitCode.failure;
  }
  const exitCode = exitCodeOf(error);
  if (exitCode !== undefined) {
    const message =
      error instanceof BoardFileError ? `${error.file}: ${t.problem(error.problem)}` : error instanceof BoardProblemError ? t.problem(error.problem) : (error as Error).message;
    if (error instanceof Cancelled || error instanceof Declined) {
      ctx.io.stderr.write(`${message}\n`);
    } else if (error instanceof UsageError) {
      say(`${message} (${t.usage.hint(error.command || command)})`);
    } else {
      // Several invalid fields are reported at once: one line each.
      for (const line of message.split('\n')) say(line);
    }
    const note = (error as PostboardError).note;
    if (note) ctx.note(note);
    if (ctx.io.env.POSTBOARD_DEBUG === '1') ctx.io.stderr.write(`${(error as Error).stack}\n`);
    return exitCode;
  }
  const unexpected = error instanceof Error ? error : new Error(String(error));
  if (ctx.io.env.POSTBOARD_DEBUG === '1') {
    ctx.io.stderr.write(`${unexpected.stack}\n`);
  } else {
    say(t.error.unexpected(unexpected.message.split('\n')[0] ?? ''));
  }
  return ExitCode.failure;
}

/** Commander's message in one line and in the interface language. */
function commanderMessage(error: CommanderError, ctx: Context): string {
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  const suggestion = /Did you mean (?:one of )?(.+)\?/.exec(rest.join(' '))?.[1];
  const subject = /'([^']*)'/.exec(first)?.[1] ?? '';
  const translate = ctx.t.error.commander[error.code];
  const message = translate ? translate(subject) : first;
  return suggestion ? `${message}; ${ctx.t.error.didYouMean(suggestion)}` : message;
}

/** The entry point `bin/postboard.js` calls. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIO());
}
