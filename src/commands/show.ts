import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { type Lang, type Messages, MESSAGES } from '../i18n/index.js';
import { outputWidth } from '../io.js';
import { OptionParser } from '../options.js';
import { renderPostView } from '../render/posts.js';
import { assertBoard, findPost } from '../cmdutil/find.js';
import { writeJsonPost } from '../cmdutil/json-output.js';
import { examples } from '../cmdutil/examples.js';
import { SHOW_FORMATS } from '../cmdutil/choices.js';


export interface ShowOptions {
  id: number;
  format: (typeof SHOW_FORMATS)[number];
  width: number | undefined;
}

interface RawShowOptions {
  format?: string;
  width?: string;
}


export const name = 'show';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options] <id>';
export const aliases: readonly string[] = [];
export const summary = (lang: Lang): string => MESSAGES[lang].commands.show.description;

export function register(program: Command, ctx: Context, run = runShow): void {
  const help = ctx.t.commands.show;
  program
    .command('show')
    .description(help.description)
    .argument('<id>', help.id)
    .option('-f, --format <format>', help.options.format)
    .option('-w, --width <columns>', help.options.width)
    .addHelpText('after', examples(ctx.lang, help.examples))
    .action(async (id: string, raw: RawShowOptions) => run(ctx, parseShowOptions(id, raw, ctx)));
}

/** A post number as typed on the command line: digits only, so `12abc` and `1e3` are refused. */
export function parsePostNumber(text: string, t: Messages, command: string): number {
  const trimmed = text.trim().replace(/^#/, '');
  const id = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || id < 1 || !Number.isSafeInteger(id)) throw new UsageError(t.usage.postNumber(text), command);
  return id;
}

export function parseShowOptions(id: string, raw: RawShowOptions, ctx: Context): ShowOptions {
  const parse = new OptionParser(ctx, 'show');
  return {
    id: parsePostNumber(id, ctx.t, 'show'),
    format: parse.choice('--format', SHOW_FORMATS, raw.format) ?? 'text',
    width: parse.wholeNumber('--width', raw.width),
  };
}

export async function runShow(ctx: Context, options: ShowOptions): Promise<void> {
  const store = ctx.board();
  await assertBoard(ctx);
  const post = await findPost(ctx, store, options.id);
  if (options.format === 'json') return writeJsonPost(ctx, post);
  const style = await ctx.style();
  await ctx.page(await renderPostView(post, { t: ctx.t, style, width: outputWidth(ctx.io, options.width) }));
}
