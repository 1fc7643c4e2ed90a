import type { Command } from 'commander';
import type { PostFilter } from '../board/query.js';
import { titleKey } from '../board/title-key.js';
import type { Context } from '../context.js';
import { type Lang, type Messages, MESSAGES } from '../i18n/index.js';
import { outputWidth } from '../io.js';
import { addFilterOptions, OptionParser, parseFilter, type RawFilterOptions } from '../options.js';
import { visibleLine } from '../render/sanitize.js';
import { renderTable } from '../render/table.js';
import { measureFor } from '../render/width.js';
import { examples } from '../cmdutil/examples.js';
import { writeJsonValue } from '../cmdutil/json-output.js';
import type { Grouping, Tally } from '../store/store.js';
import { GROUPINGS, TOP } from '../cmdutil/choices.js';

export const name = 'stats';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options]';
export const aliases: readonly string[] = [];


export interface StatsOptions {
  filter: PostFilter;
  by: Grouping[];
  /** Rows per table (the busiest first); undefined for all. */
  top: number | undefined;
  format: 'table' | 'json';
  width: number | undefined;
}

interface RawStatsOptions extends RawFilterOptions {
  by?: string;
  top?: string;
  all?: boolean;
  format?: string;
  width?: string;
}

export interface StatsText {
  description: string;
  options: Record<'by' | 'top' | 'all' | 'format' | 'width', string>;
  examples: [string, string][];
  heading: Record<Grouping, string>;
  posts: string;
  views: string;
  average: string;
  share: string;
  none: string;
  total: (posts: string, views: string) => string;
  more: (count: number) => string;
  noSort: (option: string) => string;
}



export const summary = (lang: Lang): string => MESSAGES[lang].commands.stats.description;

export function register(program: Command, ctx: Context, run = runStats): void {
  const text = ctx.t.commands.stats;
  const command = program
    .command(name)
    .description(text.description)
    .option('--by <groups>', text.options.by)
    .option('--top <n>', text.options.top)
    .option('-a, --all', text.options.all)
    .option('-f, --format <format>', text.options.format)
    .option('-w, --width <columns>', text.options.width);
  addFilterOptions(command, ctx.lang)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (raw: RawStatsOptions) => run(ctx, parseStatsOptions(raw, ctx)));
}

export function parseStatsOptions(raw: RawStatsOptions, ctx: Context): StatsOptions {
  const parse = new OptionParser(ctx, name);
  // Its tables have their own order (busiest first, months newest first): list's sort means nothing here.
  for (const [option, given] of [['--sort', raw.sort], ['--asc', raw.asc], ['--desc', raw.desc]] as const) {
    if (given !== undefined) parse.fail(ctx.t.commands.stats.noSort(option));
  }
  parse.conflict(['--all', raw.all], ['--top', raw.top]);
  const by = raw.by === undefined ? [...GROUPINGS] : raw.by.split(',').map((part) => parse.choice('--by', GROUPINGS, part.trim()) as Grouping);
  return {
    filter: parseFilter(raw, parse, ctx.io.now()).filter,
    by: [...new Set(by)],
    top: raw.all ? undefined : (parse.wholeNumber('--top', raw.top) ?? TOP),
    format: parse.choice('--format', ['table', 'json'] as const, raw.format) ?? 'table',
    width: parse.wholeNumber('--width', raw.width),
  };
}

/** Months newest first; the rest busiest first (most posts, then most views, then 가나다). */
export function ordered(rows: Tally[], by: Grouping): Tally[] {
  if (by === 'month') return [...rows].sort((a, b) => (a.key < b.key ? 1 : -1));
  const keys = new Map(rows.map((row) => [row, titleKey(row.key)]));
  const name = (a: Tally, b: Tally) => ((keys.get(a) ?? '') < (keys.get(b) ?? '') ? -1 : (keys.get(a) ?? '') > (keys.get(b) ?? '') ? 1 : 0);
  return [...rows].sort((a, b) => b.posts - a.posts || b.views - a.views || name(a, b));
}

export async function runStats(ctx: Context, options: StatsOptions): Promise<void> {
  const text = ctx.t.commands.stats;
  const store = ctx.board();
  const info = await store.info();
  if (!info.exists) ctx.note(ctx.t.list.missing(store.name, ctx.command('add')));
  // Counted where the posts are (GROUP BY in a database): only the figures come back.
  const tables = await Promise.all(options.by.map(async (by) => ({ by, rows: ordered(info.exists ? await store.tally(options.filter, by) : [], by) })));
  const firstTable = tables[0]?.rows ?? (info.exists ? await store.tally(options.filter, 'month') : []);
  const total = { posts: firstTable.reduce((sum, row) => sum + row.posts, 0), views: firstTable.reduce((sum, row) => sum + row.views, 0) };

  if (options.format === 'json') {
    const json: Record<string, unknown> = { total };
    for (const { by, rows } of tables) json[by] = rows.map(({ key, ...figures }) => ({ [by]: key, ...figures }));
    return writeJsonValue(ctx, json);
  }
  if (!info.exists) return;
  if (total.posts === 0) return ctx.note(info.posts > 0 ? ctx.t.list.noMatch : ctx.t.list.emptyBoard(store.name, ctx.command('add')));
  const style = await ctx.style();
  const width = outputWidth(ctx.io, options.width);
  const lines: string[] = [style.heading(text.total(ctx.t.number(total.posts), ctx.t.number(total.views)))];
  for (const { by, rows } of tables) {
    const shown = options.top === undefined ? rows : rows.slice(0, options.top);
    lines.push('', ...(await statsTable(by, shown, text, ctx.t, style, width)));
    if (shown.length < rows.length) lines.push(style.muted(text.more(rows.length - shown.length)));
  }
  await ctx.page(lines);
}

async function statsTable(by: Grouping, rows: Tally[], text: StatsText, t: Messages, style: Awaited<ReturnType<Context['style']>>, width: number | undefined): Promise<string[]> {
  const most = Math.max(1, ...rows.map((row) => row.posts));
  const bar = (posts: number) => '█'.repeat(Math.max(1, Math.round((posts / most) * 20)));
  const columns = [
    { header: text.heading[by], cells: rows.map((row) => (row.key ? visibleLine(row.key) : text.none)), shrinkRank: 2 },
    { header: text.posts, cells: rows.map((row) => t.number(row.posts)), align: 'right' as const },
    { header: text.views, cells: rows.map((row) => t.number(row.views)), align: 'right' as const },
    { header: text.average, cells: rows.map((row) => t.number(Math.round(row.views / row.posts))), align: 'right' as const },
    // The busiest at a glance; on a narrow terminal the bar gives way before the names do.
    { header: text.share, cells: rows.map((row) => bar(row.posts)), shrinkRank: 1 },
  ];
  const measure = await measureFor(columns.flatMap((column) => [column.header, ...column.cells]));
  return renderTable(columns, { maxWidth: width, measure, style });
}
