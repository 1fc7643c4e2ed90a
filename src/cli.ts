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
import { redo, undo } from './commands/undo.js';
import { hide, publish } from './commands/visibility.js';
import { examples } from './cmdutil/examples.js';
import { Context } from './context.js';
import { shownLocation } from './store/index.js';
import { BoardFileError, BoardProblemError, Cancelled, Declined, ExitCode, exitCodeOf, OutputError, type PostboardError, UsageError } from './errors.js';
import { chooseLang, LANGS, MESSAGES, type Lang } from './i18n/index.js';
import { colorLevel, processIO, type IO } from './io.js';
import { OptionParser } from './options.js';
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
  importCommand,
  exportCommand,
  stats,
  check,
  init,
  copy,
  completion,
  complete,
];

interface HelpText {
  description: string;
  db: (board: string) => string;
  lang: string;
  color: string;
  pager: string;
  help: string;
  version: string;
  /** commander's section titles, translated. */
  titles: Record<string, string>;
  environment: string;
}

const HELP: Record<Lang, HelpText> = {
  en: {
    description: 'A news board in your terminal: post, list, read and export press releases.',
    db: (board) =>
      `the board: a JSON file, a SQLite file (.sqlite, .db) or postgres://… (default: POSTBOARD_DB, else ./data/posts.json where it exists, else your own board; now: ${board})`,
    lang: `interface language: ${LANGS.join(', ')} (default: POSTBOARD_LANG, else from LANG)`,
    color: 'no colour, even on a terminal (also NO_COLOR=1)',
    help: 'show help for a command',
    version: 'show the version',
    pager: 'never page long output through $PAGER (less)',
    titles: { 'Usage:': 'Usage:', 'Options:': 'Options:', 'Global Options:': 'Global Options:', 'Commands:': 'Commands:', 'Arguments:': 'Arguments:' },
    environment: `Environment:
  POSTBOARD_DB            the board when --db is not given (a file or postgres://…)
  POSTBOARD_LANG          ko or en
  POSTBOARD_AUTHOR        the default author for new posts
  POSTBOARD_LOCK_TIMEOUT  seconds to wait for another writer (default 10)
  POSTBOARD_SQLITE_DRIVER
                          node:sqlite or better-sqlite3 for SQLite boards
                          (default: Node's own, 22.16+)
  POSTBOARD_STATEMENT_TIMEOUT
                          PostgreSQL: seconds one statement may run, and a silent
                          server is waited for, on top of the lock wait (default 30)
  POSTBOARD_DEBUG=1       show stack traces of unexpected errors
  POSTBOARD_PAGER, PAGER  the pager for long output on a terminal (default: less -FRX)
  NO_COLOR, FORCE_COLOR   turn colour off, or on for a pipe
  COLUMNS                 the width tables and posts fit

Exit codes: 0 ok, 1 failed (not found, bad board file, I/O), 2 usage error, 130 interrupted.`,
  },
  ko: {
    description: '터미널 속 뉴스 게시판: 보도자료를 올리고, 보고, 읽고, 내보냅니다.',
    db: (board) =>
      `게시판: JSON 파일, SQLite 파일(.sqlite, .db), postgres://… (기본: POSTBOARD_DB, 없으면 ./data/posts.json이 있을 때 그것, 없으면 내 게시판; 지금: ${board})`,
    lang: `화면 언어: ${LANGS.join(', ')} (기본: POSTBOARD_LANG, 없으면 LANG에 따라)`,
    color: '터미널에서도 색 없이 (NO_COLOR=1과 같음)',
    help: '명령 도움말 보기',
    version: '버전 보기',
    pager: '긴 출력을 $PAGER(less)로 넘기지 않기',
    titles: { 'Usage:': '사용법:', 'Options:': '옵션:', 'Global Options:': '공통 옵션:', 'Commands:': '명령:', 'Arguments:': '인자:' },
    environment: `환경 변수:
  POSTBOARD_DB            --db가 없을 때 쓸 게시판 (파일 또는 postgres://…)
  POSTBOARD_LANG          ko 또는 en
  POSTBOARD_AUTHOR        새 글의 기본 글쓴이
  POSTBOARD_LOCK_TIMEOUT  다른 쓰기를 기다릴 초 (기본 10)
  POSTBOARD_SQLITE_DRIVER
                          SQLite 게시판 드라이버: node:sqlite 또는 better-sqlite3
                          (기본: Node 22.16 이상은 내장)
  POSTBOARD_STATEMENT_TIMEOUT
                          PostgreSQL: 문장 하나가 실행될 수 있고, 응답 없는 서버를
                          기다릴 초 (잠금 대기와 별도, 기본 30)
  POSTBOARD_DEBUG=1       예기치 못한 오류의 스택 보기
  POSTBOARD_PAGER, PAGER  터미널의 긴 출력을 넘길 페이저 (기본: less -FRX)
  NO_COLOR, FORCE_COLOR   색 끄기, 파이프에서도 색 켜기
  COLUMNS                 표와 글을 맞출 너비

종료 코드: 0 성공, 1 실패(없는 글, 잘못된 게시판 파일, 입출력), 2 사용법 오류, 130 중단.`,
  },
};

/** The names commander's help gives values and sections, in Korean: `<path>` is `<경로>`. */
const KOREAN_TERMS: Record<string, string> = {
  options: '옵션',
  command: '명령',
  path: '경로',
  lang: '언어',
  n: '수',
  list: '목록',
  format: '형식',
  columns: '칸',
  status: '상태',
  text: '글',
  name: '이름',
  date: '날짜',
  period: '기간',
  key: '기준',
  url: '주소',
  file: '파일',
  location: '위치',
  encoding: '인코딩',
  groups: '표',
  id: '번호',
  ids: '번호',
  change: '변경',
  shell: '셸',
};
const koreanTerms = (text: string): string => text.replace(/([<[])(\w+)(\.\.\.)?([>\]])/g, (whole, open: string, word: string, more = '', close: string) => (KOREAN_TERMS[word] ? `${open}${KOREAN_TERMS[word]}${more}${close}` : whole));

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
 */
export function buildProgram(ctx: Context, commands: readonly CommandModule[] = COMMANDS, argv?: readonly string[]): Command {
  const help = HELP[ctx.lang];
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
      styleTitle: (title) => help.titles[title] ?? title,
      // Commander counts UTF-16 units; Korean descriptions need display columns.
      displayWidth: (text) => simpleMeasure.width(text.replace(/\x1b\[[\d;]*m/g, '')),
      ...(ctx.lang === 'ko'
        ? {
            subcommandTerm: (command: Command) => koreanTerms(lightTerms.get(command) ?? new Help().subcommandTerm(command)),
            optionTerm: (option: Option) => koreanTerms(option.flags),
            argumentTerm: (argument: Argument) => KOREAN_TERMS[argument.name()] ?? argument.name(),
          }
        : { subcommandTerm: (command: Command) => lightTerms.get(command) ?? new Help().subcommandTerm(command) }),
    })
    .helpOption('-h, --help', help.help)
    .helpCommand('help [command]', help.help);

  program
    .description(help.description)
    .version(VERSION, '-v, --version', help.version)
    .option('--db <location>', help.db(argv && flagValue(argv, '--db') ? shownLocation(flagValue(argv, '--db')!) : ctx.boardShown))
    .option('--lang <lang>', help.lang)
    .option('--no-color', help.color)
    .option('--no-pager', help.pager)
    .addHelpText(
      'after',
      examples(ctx.lang, [
        ['postboard list', ctx.lang === 'ko' ? '최신 글 20개' : 'the 20 newest posts'],
        ['postboard show 2912', ctx.lang === 'ko' ? '글 하나 읽기' : 'read one post'],
        ['postboard list --db ~/boards/esg.json --search 수소', ctx.lang === 'ko' ? '다른 게시판에서 찾기' : 'search another board'],
      ]) + `\n${help.environment}\n`,
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
  if (ctx.lang === 'ko') {
    // commander writes "[options]", "[command]" and the value names into usage lines: in Korean, too.
    for (const command of [program, ...program.commands]) command.usage(koreanTerms(command.usage()));
  }
  return program;
}

/** Runs postboard with `argv` (the arguments after the program name); resolves to the exit code. */
export async function main(argv: readonly string[], io: IO): Promise<number> {
  const lang = chooseLang(flagValue(argv, '--lang'), io.env);
  const ctx = new Context(io, lang, MESSAGES[lang]);
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
  const translate = ctx.lang === 'ko' ? ctx.t.error.commander[error.code] : undefined;
  const message = translate ? translate(subject) : first;
  return suggestion ? `${message}; ${ctx.t.error.didYouMean(suggestion)}` : message;
}

/** The entry point `bin/postboard.js` calls. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIO());
}
