import type { Command } from 'commander';
import type { Context } from '../context.js';
import { changeAuthor } from '../board/log.js';
import { NotFoundError, PostboardError, UsageError } from '../errors.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { OptionParser } from '../options.js';
import type { Repair } from '../store/index.js';
import { examples } from '../cmdutil/examples.js';
import { writeJsonValue } from '../cmdutil/json-output.js';
import { CHECK_FORMATS } from '../cmdutil/choices.js';


export interface CheckOptions {
  fix: boolean;
  format: (typeof CHECK_FORMATS)[number];
}

interface RawCheckOptions {
  fix?: boolean;
  format?: string;
}


export interface CheckText {
  description: string;
  options: Record<'fix' | 'format', string>;
  examples: [string, string][];
  healthy: (board: string, posts: number, lastId: number) => string;
  notJson: (board: string) => string;
  problems: (board: string, count: number, fixable: number) => string;
  backup: (path: string) => string;
  repair: (repair: Repair) => string;
  nothingToFix: string;
  /** --fix on a board that keeps its own rows (a database): nothing of it is postboard's to fix. */
  fixesFilesOnly: string;
}


export const name = 'check';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options]';
export const aliases: readonly string[] = [];
export const summary = (lang: Lang): string => MESSAGES[lang].commands.check.description;

export function register(program: Command, ctx: Context, run = runCheck): void {
  const text = ctx.t.commands.check;
  program
    .command('check')
    .description(text.description)
    .option('--fix', text.options.fix)
    .option('-f, --format <format>', text.options.format)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (raw: RawCheckOptions) => run(ctx, parseCheckOptions(raw, ctx)));
}

export function parseCheckOptions(raw: RawCheckOptions, ctx: Context): CheckOptions {
  const parse = new OptionParser(ctx, 'check');
  return { fix: Boolean(raw.fix), format: parse.choice('--format', CHECK_FORMATS, raw.format) ?? 'text' };
}

export async function runCheck(ctx: Context, options: CheckOptions): Promise<void> {
  const text = ctx.t.commands.check;
  // A JSON file and a database alike can be broken by hand (a database's rules dropped, an older
  // schema, the change log edited): each board says what it finds; what is fixable is repaired.
  const store = ctx.board();
  if (!store.check) throw new UsageError(text.notJson(store.name), 'check');
  let repairs: Repair[] = [];
  let backup: string | undefined;
  if (options.fix && store.repair && (await store.check())?.some((finding) => finding.fixable)) ({ repairs, backup } = await store.repair({ at: ctx.io.now(), who: await changeAuthor(ctx.io.env) }));
  const findings = await store.check();
  if (findings === undefined) throw new NotFoundError(ctx.t.notFound.noBoard(store.name));
  const problems = findings.map((finding) => finding.problem);

  if (options.format === 'json') {
    writeJsonValue(ctx, { board: store.name, fixed: repairs, problems: problems.map((problem) => ({ ...problem, message: ctx.t.problem(problem) })) });
  } else {
    if (repairs.length > 0) ctx.say([...(backup ? [text.backup(backup)] : []), ...repairs.map(text.repair)]);
    else if (options.fix) ctx.note(store.repair ? text.nothingToFix : text.fixesFilesOnly);
    if (problems.length > 0) ctx.say(problems.map((problem) => `${store.name}: ${ctx.t.problem(problem)}`));
  }
  if (problems.length > 0) throw new PostboardError(text.problems(store.name, problems.length, findings.filter((finding) => finding.fixable).length));
  if (options.format === 'text') {
    const info = await store.info();
    ctx.say(text.healthy(store.name, info.posts, info.lastId));
  }
}
