import type { Command } from 'commander';
import { changeAuthor } from '../board/log.js';
import { checkField, type Status } from '../board/post.js';
import { byName, isSourceName, SOURCE_KINDS, SOURCE_NAME_LIMIT, subscriptionOf, type Source, type SourceKind, type Subscription } from '../board/source.js';
import type { Context } from '../context.js';
import { NotFoundError, PostboardError, UsageError } from '../errors.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { outputWidth } from '../io.js';
import { OptionParser } from '../options.js';
import { visibleLine } from '../render/sanitize.js';
import { examples } from '../cmdutil/examples.js';
import { writeJsonList, type JsonFormat } from '../cmdutil/json-output.js';
import { assertBoard } from '../cmdutil/find.js';

/**
 * `source add`, `source list`, `source remove`: the feeds and the press-release API that `pull`
 * reads, kept with the board (every kind of board; `copy` carries them) — adding and removing one
 * is a change in the log like any other, so `undo` takes it back.
 */

export const name = 'source';
export const term = '<command>';
export const aliases: readonly string[] = ['sources'];

export const SOURCE_FORMATS = ['table', 'json', 'jsonl'] as const;

export interface SourceText {
  description: string;
  add: { description: string; name: string; url: string; kind: string; department: string; author: string; status: string };
  list: { description: string; format: string; width: string; empty: string; headers: { name: string; kind: string; url: string; department: string; status: string; pulled: string } };
  remove: { description: string; name: string };
  examples: [string, string][];
  badName: (name: string, limit: number) => string;
  badUrl: (url: string) => string;
  secretInUrl: string;
  exists: (name: string) => string;
  noSuch: (name: string, names: string[]) => string;
  added: (name: string, kind: SourceKind, url: string) => string;
  removed: (name: string) => string;
  /** The log's "what" for one source change. */
  logLine: (name: string, how: 'add' | 'remove' | 'edit') => string;
  never: string;
}

export const summary = (lang: Lang): string => MESSAGES[lang].commands.source.description;

/** The API's endpoint names the kind; anything else is a feed (RSS 2.0 or Atom). */
export const kindOfUrl = (url: string): SourceKind => (/\/pressReleaseService\b/i.test(url) ? 'briefing' : 'rss');

export interface SourceAddOptions {
  name: string;
  url: string;
  kind: SourceKind;
  department?: string;
  author?: string;
  status?: Status;
}

export function register(program: Command, ctx: Context): void {
  const text = ctx.t.commands.source;
  const command = program.command(name).alias('sources').description(text.description).addHelpText('after', examples(ctx.lang, text.examples));
  command
    .command('add')
    .description(text.add.description)
    .argument('<name>', text.add.name)
    .argument('<url>', text.add.url)
    .option('-k, --kind <kind>', text.add.kind)
    .option('-d, --department <name>', text.add.department)
    .option('-a, --author <name>', text.add.author)
    .option('-s, --status <status>', text.add.status)
    .action(async (sourceName: string, url: string, raw: { kind?: string; department?: string; author?: string; status?: string }) => {
      const parse = new OptionParser(ctx, `${name} add`);
      const kind = parse.choice('--kind', SOURCE_KINDS, raw.kind) ?? kindOfUrl(url);
      const department = parse.text('--department', raw.department)?.normalize('NFC').trim();
      const status = parse.status('--status', raw.status, false);
      const author = parse.text('--author', raw.author)?.normalize('NFC').trim();
      if (author !== undefined) {
        const checked = checkField('author', author);
        if ('issue' in checked) parse.fail(ctx.t.fieldIssue(checked.issue, '--author'));
      }
      return runAdd(ctx, { name: sourceName.normalize('NFC'), url: url.trim(), kind, ...(department ? { department } : {}), ...(author ? { author } : {}), ...(status ? { status } : {}) });
    });
  command
    .command('list')
    .alias('ls')
    .description(text.list.description)
    .option('-f, --format <format>', text.list.format)
    .option('-w, --width <columns>', text.list.width)
    .action(async (raw: { format?: string; width?: string }) => {
      const parse = new OptionParser(ctx, `${name} list`);
      return runList(ctx, parse.choice('--format', SOURCE_FORMATS, raw.format) ?? 'table', parse.wholeNumber('--width', raw.width));
    });
  command
    .command('remove')
    .alias('rm')
    .description(text.remove.description)
    .argument('<name>', text.remove.name)
    .action(async (sourceName: string) => runRemove(ctx, sourceName.normalize('NFC')));
}

/** The source address checked: http or https, and nothing a shell or a terminal would act on. */
function checkedUrl(url: string, text: SourceText): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(text.badUrl(url), `${name} add`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(text.badUrl(url), `${name} add`);
  // A password or a service key in the address would be kept with the board, shown and logged.
  if (parsed.username !== '' || parsed.password !== '' || [...parsed.searchParams.keys()].some((key) => key.toLowerCase() === 'servicekey')) throw new UsageError(text.secretInUrl, `${name} add`);
  return parsed.href;
}

export async function runAdd(ctx: Context, options: SourceAddOptions): Promise<void> {
  const text = ctx.t.commands.source;
  if (!isSourceName(options.name)) throw new UsageError(text.badName(options.name, SOURCE_NAME_LIMIT), `${name} add`);
  const url = checkedUrl(options.url, text);
  const store = ctx.board();
  await store.assertWritable();
  const at = ctx.io.now();
  const source: Subscription = {
    name: options.name,
    kind: options.kind,
    url,
    ...(options.department ? { department: options.department } : {}),
    ...(options.author ? { author: options.author } : {}),
    ...(options.status ? { status: options.status } : {}),
    addedAt: at.toISOString(),
  };
  await store.change({ command: `source add ${options.name}`, at, who: await changeAuthor(ctx.io.env) }, async (tx) => {
    if ((await tx.sources()).some((existing) => existing.name === options.name)) throw new PostboardError(text.exists(options.name));
    await tx.setSource(options.name, source);
  });
  ctx.say(text.added(options.name, options.kind, url));
}

export async function runRemove(ctx: Context, sourceName: string): Promise<void> {
  const text = ctx.t.commands.source;
  const store = ctx.board();
  await store.assertWritable();
  await assertBoard(ctx);
  await store.change({ command: `source remove ${sourceName}`, at: ctx.io.now(), who: await changeAuthor(ctx.io.env) }, async (tx) => {
    const sources = await tx.sources();
    if (!sources.some((source) => source.name === sourceName)) throw new NotFoundError(text.noSuch(sourceName, sources.map((source) => source.name)));
    await tx.setSource(sourceName, null);
  });
  ctx.say(text.removed(sourceName));
}

export async function runList(ctx: Context, format: (typeof SOURCE_FORMATS)[number], width?: number): Promise<void> {
  const text = ctx.t.commands.source.list;
  const store = ctx.board();
  const sources = (await store.info()).exists ? [...(await store.sources())].sort(byName) : [];
  if (format !== 'table') return writeJsonList(ctx, sources, format as JsonFormat);
  if (sources.length === 0) return ctx.note(text.empty);
  const { renderTable } = await import('../render/table.js');
  const { measureFor } = await import('../render/width.js');
  const never = ctx.t.commands.source.never;
  const columns = [
    { header: text.headers.name, cells: sources.map((source) => visibleLine(source.name)) },
    { header: text.headers.kind, cells: sources.map((source) => source.kind) },
    { header: text.headers.department, cells: sources.map((source) => visibleLine(source.department ?? '')), shrinkRank: 2 },
    { header: text.headers.status, cells: sources.map((source) => ctx.t.status[source.status ?? 'published']) },
    { header: text.headers.pulled, cells: sources.map((source) => (source.pulledAt ? ctx.t.localTime(source.pulledAt).slice(0, 16) : never)) },
    { header: text.headers.url, cells: sources.map((source) => visibleLine(source.url)), shrinkRank: 1 },
  ];
  const measure = await measureFor(columns.flatMap((column) => [column.header, ...column.cells]));
  await ctx.page(renderTable(columns, { maxWidth: outputWidth(ctx.io, width), measure, style: await ctx.style() }));
}

/** A source by name, or the names there are. */
export async function sourceNamed(ctx: Context, sources: readonly Source[], sourceName: string): Promise<Source> {
  const found = sources.find((source) => source.name === sourceName.normalize('NFC'));
  if (!found) throw new NotFoundError(ctx.t.commands.source.noSuch(sourceName, sources.map((source) => source.name)));
  return found;
}

export { subscriptionOf };
