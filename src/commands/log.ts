import type { Command } from 'commander';
import type { Change, ChangeLogEntry } from '../board/log.js';
import type { Context } from '../context.js';
import { type Lang, type Messages, MESSAGES } from '../i18n/index.js';
import { outputWidth } from '../io.js';
import { OptionParser } from '../options.js';
import { visibleLine } from '../render/sanitize.js';
import { renderTable } from '../render/table.js';
import { measureFor } from '../render/width.js';
import { examples } from '../cmdutil/examples.js';
import { writeJsonList, type JsonFormat } from '../cmdutil/json-output.js';

/** `postboard log`: the recent changes, newest first — who, when, which command, what it did. */

export const name = 'log';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options]';
export const aliases: readonly string[] = [];

export const LOG_FORMATS = ['table', 'json', 'jsonl'] as const;

export interface LogOptions {
  limit: number;
  format: (typeof LOG_FORMATS)[number];
  width: number | undefined;
}

export interface LogText {
  description: string;
  options: Record<'limit' | 'format' | 'width', string>;
  examples: [string, string][];
  headers: { seq: string; at: string; who: string; command: string; what: string };
  empty: string;
  add: (count: number) => string;
  edit: (count: number) => string;
  delete: (count: number) => string;
  sources: (count: number) => string;
  undone: (seq: number) => string;
  undoes: (seq: number) => string;
  redoes: (seq: number) => string;
}


export const summary = (lang: Lang): string => MESSAGES[lang].commands.log.description;

export function register(program: Command, ctx: Context, run = runLog): void {
  const text = ctx.t.commands.log;
  program
    .command(name)
    .description(text.description)
    .option('-n, --limit <n>', text.options.limit)
    .option('-f, --format <format>', text.options.format)
    .option('-w, --width <columns>', text.options.width)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (raw: { limit?: string; format?: string; width?: string }) => run(ctx, parseLogOptions(raw, ctx)));
}

export function parseLogOptions(raw: { limit?: string; format?: string; width?: string }, ctx: Context): LogOptions {
  const parse = new OptionParser(ctx, name);
  return {
    limit: parse.wholeNumber('--limit', raw.limit) ?? 20,
    format: parse.choice('--format', LOG_FORMATS, raw.format) ?? 'table',
    width: parse.wholeNumber('--width', raw.width),
  };
}

/** One change in a few words: the post it touched (and how), or how many of each. */
function what(entry: ChangeLogEntry, text: LogText, t: Messages): string {
  const prefix = entry.undoes !== undefined ? `${text.undoes(entry.undoes)} ` : entry.redoes !== undefined ? `${text.redoes(entry.redoes)} ` : '';
  const suffix = entry.undoneBy !== undefined ? ` ${text.undone(entry.undoneBy)}` : '';
  const [only] = entry.changes;
  if (entry.changes.length === 1 && only) return `${prefix}${one(only, t)}${suffix}`;
  const count = (kind: Change['kind']) => entry.changes.filter((change) => change.kind === kind).length;
  const parts = [count('add') ? text.add(count('add')) : '', count('edit') ? text.edit(count('edit')) : '', count('delete') ? text.delete(count('delete')) : '', count('source') ? text.sources(count('source')) : ''].filter(Boolean);
  return `${prefix}${parts.join(', ')}${suffix}`;
}

function one(change: Change, t: Messages): string {
  switch (change.kind) {
    case 'source':
      return t.commands.source.logLine(change.name, change.before === null ? 'add' : change.after === null ? 'remove' : 'edit');
    case 'add':
      return `+${change.id} ${change.title}`;
    case 'delete':
      return `-${change.id} ${change.title}`;
    case 'edit':
      return `~${change.id} ${change.title} (${Object.keys(change.after)
        .filter((field) => field !== 'updatedAt')
        .map((field) => t.fieldName(field))
        .join(', ')})`;
  }
}

export async function runLog(ctx: Context, options: LogOptions): Promise<void> {
  const text = ctx.t.commands.log;
  const entries = (await ctx.board().info()).exists ? await ctx.board().log(options.limit) : [];
  if (options.format !== 'table') return writeJsonList(ctx, entries, options.format as JsonFormat);
  if (entries.length === 0) return ctx.note(text.empty);
  const style = await ctx.style();
  const columns = [
    { header: text.headers.seq, cells: entries.map((entry) => String(entry.seq)), align: 'right' as const },
    { header: text.headers.at, cells: entries.map((entry) => ctx.t.localTime(entry.at).slice(0, 16)) },
    { header: text.headers.who, cells: entries.map((entry) => visibleLine(entry.who)), shrinkRank: 2 },
    { header: text.headers.command, cells: entries.map((entry) => entry.command) },
    { header: text.headers.what, cells: entries.map((entry) => visibleLine(what(entry, text, ctx.t))), shrinkRank: 1 },
  ];
  const measure = await measureFor(columns.flatMap((column) => [column.header, ...column.cells]));
  await ctx.page(renderTable(columns, { maxWidth: outputWidth(ctx.io, options.width), measure, style }));
}
