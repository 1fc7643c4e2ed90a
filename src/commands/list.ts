import type { Command } from 'commander';
import type { FieldKey } from '../board/fields.js';
import type { Post } from '../board/post.js';
import type { PostFilter, PostOrder } from '../board/query.js';
import type { Context } from '../context.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { outputWidth } from '../io.js';
import { addFilterOptions, OptionParser, parseFilter, type RawFilterOptions } from '../options.js';
import { renderPostTable } from '../render/posts.js';
import { fitCell } from '../render/table.js';
import { simpleMeasure } from '../render/width.js';
import { examples } from '../cmdutil/examples.js';
import { writeJsonList } from '../cmdutil/json-output.js';
import { LIST_FORMATS, PAGE_SIZE } from '../cmdutil/choices.js';

export type ListFormat = (typeof LIST_FORMATS)[number];
export const DEFAULT_LIST_FIELDS: readonly FieldKey[] = ['id', 'title', 'author', 'date', 'views'];

export interface ListOptions {
  filter: PostFilter;
  order: PostOrder;
  page: number;
  /** Posts per page; undefined with `--all`. */
  limit: number | undefined;
  /** Columns (table) or keys (JSON); undefined means the defaults. */
  fields: FieldKey[] | undefined;
  format: ListFormat;
  width: number | undefined;
}

interface RawListOptions extends RawFilterOptions {
  limit?: string;
  page?: string;
  all?: boolean;
  fields?: string;
  format?: string;
  width?: string;
}


export const name = 'list';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options]';
export const aliases: readonly string[] = ['ls'];
export const summary = (lang: Lang): string => MESSAGES[lang].commands.list.description;

export function register(program: Command, ctx: Context, run = runList): void {
  const help = ctx.t.commands.list;
  const command = program
    .command('list')
    .alias('ls')
    .description(help.description)
    .option('-n, --limit <n>', help.options.limit)
    .option('-p, --page <n>', help.options.page)
    .option('-a, --all', help.options.all)
    .option('--fields <list>', help.options.fields)
    .option('-f, --format <format>', help.options.format)
    .option('-w, --width <columns>', help.options.width);
  addFilterOptions(command, ctx.lang)
    .addHelpText('after', examples(ctx.lang, help.examples))
    .action(async (raw: RawListOptions) => run(ctx, parseListOptions(raw, ctx)));
}

export function parseListOptions(raw: RawListOptions, ctx: Context): ListOptions {
  const parse = new OptionParser(ctx, 'list');
  parse.conflict(['--all', raw.all], ['--limit', raw.limit]);
  parse.conflict(['--all', raw.all], ['--page', raw.page]);
  const { filter, order } = parseFilter(raw, parse, ctx.io.now());
  return {
    filter,
    order,
    page: parse.wholeNumber('--page', raw.page) ?? 1,
    limit: raw.all ? undefined : (parse.wholeNumber('--limit', raw.limit) ?? PAGE_SIZE),
    fields: parse.fields(raw.fields),
    format: parse.choice('--format', LIST_FORMATS, raw.format) ?? 'table',
    width: parse.wholeNumber('--width', raw.width),
  };
}

export async function runList(ctx: Context, options: ListOptions): Promise<void> {
  const store = ctx.board();
  const { t } = ctx;
  const info = await store.info();
  if (!info.exists) ctx.note(t.list.missing(store.name, ctx.command('add')));
  // The store filters, orders and pages where the posts are: a database never sends them all.
  const { posts, total, more } = info.exists
    ? await store.page({ filter: options.filter, order: options.order, offset: (options.page - 1) * (options.limit ?? 0), limit: options.limit })
    : { posts: [], total: 0, more: undefined };
  const pages = options.limit === undefined ? 1 : Math.max(1, Math.ceil(total / options.limit));
  const page = { items: posts, page: options.limit === undefined ? 1 : options.page, pages, total, more: Boolean(more) };

  if (options.format !== 'table') return writeJsonList(ctx, page.items, options.format, options.fields);
  if (!info.exists) return;
  if (info.posts === 0) return ctx.note(t.list.emptyBoard(store.name, ctx.command('add')));
  if (page.total === 0) return ctx.note(t.list.noMatch);
  if (page.items.length === 0) return ctx.note(t.list.pastEnd(page.page, page.pages));

  const width = outputWidth(ctx.io, options.width);
  const style = await ctx.style();
  const table = await renderPostTable(page.items as Post[], options.fields ?? DEFAULT_LIST_FIELDS, { t, style, width });
  // A search counted only so far (10,000+) may have pages past the counted ones.
  // The catalogue's separators (` · `) drawn as the style draws them; the board's name as it is.
  const dots = (text: string) => (style.glyphs.dot === '·' ? text : text.replace(/ · /g, ` ${style.glyphs.dot} `));
  let footer = dots(t.list.footer(page.page, Math.max(page.pages, page.page), page.total, page.more));
  if (page.page < page.pages || page.more) footer += dots(t.list.nextPage(page.page + 1));
  // Which board this is: the one in this folder, your own, or the one named.
  footer += t.list.board(ctx.boardShown).replace(/^ · /, dots(' · '));
  // The footer is ours (no board text), so the simple measure is exact for it.
  const fitted = width !== undefined && simpleMeasure.width(footer) > width ? fitCell(footer, width, 'left', simpleMeasure, style.glyphs.ellipsis).trimEnd() : footer;
  // On a terminal the footer ends the table (and the pager's page). Into a pipe or a file it goes to
  // stderr, as gh writes its headers: the rows stay for grep, sort and wc, and the person still sees it.
  if (!ctx.io.stdout.isTTY) {
    await ctx.page(table);
    return ctx.note(fitted);
  }
  await ctx.page([...table, style.muted(fitted)]);
}
