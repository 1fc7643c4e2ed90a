import type { Command } from 'commander';
import { FIELD_KEYS, type FieldKey } from '../board/fields.js';
import type { Post } from '../board/post.js';
import type { PostFilter, PostOrder } from '../board/query.js';
import type { Context } from '../context.js';
import { PostboardError } from '../errors.js';
import { LANGS, MESSAGES, type Lang } from '../i18n/index.js';
import { addFilterOptions, OptionParser, parseFilter, type RawFilterOptions } from '../options.js';
import type { Sink } from '../output.js';
import { refuseWindowsName } from '../cmdutil/output-name.js';
import { visibleBlock } from '../render/sanitize.js';
import type { CellCheck, CellOptions } from '../formats/cells.js';
import { examples } from '../cmdutil/examples.js';
import { ENCODINGS, EXPORT_FORMATS, FEED_SIZE, PAGE_SIZE, type ExportFormat } from '../cmdutil/choices.js';
import { statusNamed } from '../board/post.js';
import { heldWhole } from '../store/store.js';

const SPREADSHEET_FORMATS: ReadonlySet<ExportFormat> = new Set(['csv', 'tsv']);
const MARKDOWN_FIELDS: readonly FieldKey[] = ['id', 'title', 'author', 'date', 'views'];
/** A progress bar is worth showing from this many posts on. */
const PROGRESS_FROM = 2000;

export interface ExportOptions {
  format: ExportFormat;
  output: string | undefined;
  force: boolean;
  fields: FieldKey[] | undefined;
  /** Header names: the field keys, or in a language. */
  header: 'keys' | Lang;
  /** A UTF-8 byte-order mark first (CSV and TSV, unless --no-bom): what Excel needs to read Korean. */
  bom: boolean;
  encoding: (typeof ENCODINGS)[number];
  formulaGuard: boolean;
  feedTitle: string | undefined;
  feedLink: string | undefined;
  feedLanguage: string | undefined;
  limit: number | undefined;
  filter: PostFilter;
  order: PostOrder;
  /** The web board (--format site): posts on a list page, its name, its address (ending in /). */
  perPage: number;
  title: string | undefined;
  baseUrl: string | undefined;
}

interface RawExportOptions extends RawFilterOptions {
  format?: string;
  output?: string;
  force?: boolean;
  fields?: string;
  header?: string;
  excel?: boolean;
  bom?: boolean;
  feedLanguage?: string;
  encoding?: string;
  formulaGuard?: boolean;
  feedTitle?: string;
  feedLink?: string;
  limit?: string;
  perPage?: string;
  title?: string;
  baseUrl?: string;
}

export interface ExportText {
  description: string;
  options: Record<string, string>;
  examples: [string, string][];
  exported: (count: string, posts: number, path: string) => string;
  exists: (path: string) => string;
  cp949: (post: number, field: string, char: string) => string;
  spreadsheetOnly: (option: string) => string;
  headerFor: (format: string) => string;
  rssOnly: (option: string) => string;
  rssPublished: string;
  unwritable: (path: string, code: string) => string;
  /** The file is open in another program that does not let it be replaced (Windows), after `seconds` of retries. */
  held: (path: string, seconds: number) => string;
  isBoard: (path: string, file: 'board' | 'backup' | 'lock') => string;
}


export const name = 'export';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options]';
export const aliases: readonly string[] = [];
export const summary = (lang: Lang): string => MESSAGES[lang].commands.export.description;

export function register(program: Command, ctx: Context, run = runExport): void {
  const text = ctx.t.commands.export;
  const o = text.options;
  const command = program
    .command('export')
    .description(text.description)
    .option('-f, --format <format>', o.format)
    .option('-o, --output <file>', o.output)
    .option('--force', o.force)
    .option('--fields <list>', o.fields)
    .option('--header <lang>', o.header)
    .option('--excel', o.excel)
    .option('--no-bom', o.noBom)
    .option('--encoding <encoding>', o.encoding)
    .option('--no-formula-guard', o.noFormulaGuard)
    .option('--feed-title <text>', o.feedTitle)
    .option('--feed-link <url>', o.feedLink)
    .option('--feed-language <lang>', o.feedLanguage)
    .option('-n, --limit <n>', o.limit)
    .option('--per-page <n>', o.perPage)
    .option('--title <text>', o.title)
    .option('--base-url <url>', o.baseUrl);
  addFilterOptions(command, ctx.lang)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (raw: RawExportOptions) => run(ctx, parseExportOptions(raw, ctx)));
}

export function parseExportOptions(raw: RawExportOptions, ctx: Context): ExportOptions {
  const parse = new OptionParser(ctx, 'export');
  const text = ctx.t.commands.export;
  const format = parse.choice('--format', EXPORT_FORMATS, raw.format) ?? 'csv';
  const encoding = parse.choice('--encoding', ENCODINGS, raw.encoding) ?? 'utf8';
  const spreadsheet = SPREADSHEET_FORMATS.has(format);
  for (const [option, given] of [
    ['--excel', raw.excel],
    ['--no-bom', raw.bom === false],
    ['--encoding', raw.encoding],
    ['--no-formula-guard', raw.formulaGuard === false],
  ] as const) {
    if (given && !spreadsheet) parse.fail(text.spreadsheetOnly(option));
  }
  if (format !== 'rss') {
    if (raw.feedTitle !== undefined) parse.fail(text.rssOnly('--feed-title'));
    if (raw.feedLink !== undefined) parse.fail(text.rssOnly('--feed-link'));
    if (raw.feedLanguage !== undefined) parse.fail(text.rssOnly('--feed-language'));
  } else {
    // RSS 2.0 requires the channel's link: the board's own web address, which only the user knows.
    if (raw.feedLink === undefined) parse.fail(ctx.t.feed.linkNeeded);
    if (raw.fields !== undefined) parse.fail(ctx.t.usage.conflict('--fields', '--format rss'));
    if (raw.status !== undefined && raw.status !== 'published') parse.fail(text.rssPublished);
  }
  if (format === 'site') {
    // A folder of pages: never stdout; published posts only, all of each.
    if (raw.output === undefined || raw.output === '-') parse.fail(ctx.t.site.outputNeeded);
    if (raw.fields !== undefined) parse.fail(ctx.t.usage.conflict('--fields', '--format site'));
    if (raw.header !== undefined) parse.fail(ctx.t.usage.conflict('--header', '--format site'));
    if (raw.status !== undefined && statusNamed(raw.status) !== 'published') parse.fail(ctx.t.site.published);
  } else {
    for (const [option, given] of [
      ['--per-page', raw.perPage],
      ['--title', raw.title],
      ['--base-url', raw.baseUrl],
    ] as const) {
      if (given !== undefined) parse.fail(ctx.t.site.siteOnly(option));
    }
  }
  if (raw.baseUrl !== undefined && !(/^https?:\/\//i.test(raw.baseUrl) && URL.canParse(raw.baseUrl))) parse.fail(ctx.t.usage.oneOf('--base-url', ['http://…/', 'https://…/'], raw.baseUrl));
  if (raw.excel && encoding === 'cp949') parse.fail(ctx.t.usage.conflict('--excel', '--encoding cp949'));
  if (raw.excel && raw.bom === false) parse.fail(ctx.t.usage.conflict('--excel', '--no-bom'));
  // JSON, JSONL and RSS carry posts as stored: headers in a language mean nothing there.
  if (raw.header !== undefined && !spreadsheet && format !== 'md') parse.fail(text.headerFor(format));
  // `-o -` is stdout, as in curl and most tools.
  if (raw.output === '-') raw = { ...raw, output: undefined };
  if (raw.force && raw.output === undefined) parse.fail(ctx.t.usage.conflict('--force', 'stdout (no --output)'));
  if (raw.output !== undefined) refuseWindowsName(ctx, '--output', raw.output, { command: 'export' });
  if (raw.feedLink !== undefined && !(/^https?:\/\//i.test(raw.feedLink) && URL.canParse(raw.feedLink))) parse.fail(ctx.t.usage.oneOf('--feed-link', ['http://…', 'https://…'], raw.feedLink));

  // A feed holds published posts only; a Markdown table is for publishing too: the published ones unless --status says otherwise.
  const status = format === 'rss' || format === 'site' ? 'published' : format === 'md' ? (raw.status ?? 'published') : raw.status;
  const { filter, order } = parseFilter({ ...raw, status, sort: raw.sort ?? (format === 'rss' ? 'date' : undefined) }, parse, ctx.io.now());
  const header = parse.choice('--header', LANGS, raw.header);
  return {
    format,
    output: parse.text('--output', raw.output),
    force: Boolean(raw.force),
    fields: parse.fields(raw.fields),
    header: header ?? (format === 'md' ? ctx.lang : 'keys'),
    bom: spreadsheet && encoding === 'utf8' && raw.bom !== false,
    encoding,
    formulaGuard: raw.formulaGuard !== false,
    feedTitle: raw.feedTitle,
    feedLink: raw.feedLink,
    feedLanguage: raw.feedLanguage === undefined ? undefined : parse.text('--feed-language', raw.feedLanguage),
    limit: parse.wholeNumber('--limit', raw.limit) ?? (format === 'rss' ? FEED_SIZE : undefined),
    filter,
    order,
    perPage: parse.wholeNumber('--per-page', raw.perPage) ?? PAGE_SIZE,
    title: parse.text('--title', raw.title),
    baseUrl: raw.baseUrl === undefined ? undefined : siteAddress(raw.baseUrl),
  };
}

/** A site's address as links are made from it: without a query or fragment, ending in `/`. */
function siteAddress(text: string): string {
  const url = new URL(text);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export async function runExport(ctx: Context, options: ExportOptions): Promise<void> {
  if (options.format === 'site') return exportSite(ctx, options);
  const text = ctx.t.commands.export;
  const store = ctx.board();
  const info = await store.info();
  if (!info.exists) ctx.note(ctx.t.list.missing(store.name, ctx.command('add')));
  // Streamed from the board a batch at a time: memory stays flat whatever its size. How many there
  // will be is asked first only for a progress bar (a person watching a terminal).
  const counted = info.exists && ctx.io.stderr.isTTY;
  const total = counted ? Math.min((await store.page({ filter: options.filter, order: options.order, offset: 0, limit: 0 })).total, options.limit ?? Infinity) : 0;
  const posts: AsyncIterable<readonly Post[]> = info.exists ? store.stream({ filter: options.filter, order: options.order, limit: options.limit }) : (async function* () {})();

  const { fileSink, streamSink, TargetExistsError, TargetIsBoardError } = await import('../output.js');
  const { HeldFileError } = await import('../files/held.js');
  /** A failure of the output file, said in the user's words; anything else as it is. */
  const failure = (error: unknown, opening: boolean): unknown => {
    if (error instanceof TargetExistsError) return new PostboardError(text.exists(error.path));
    if (error instanceof TargetIsBoardError) return new PostboardError(text.isBoard(error.path, error.file));
    if (error instanceof HeldFileError && options.output) return new PostboardError(text.held(options.output, error.seconds));
    const code = (error as NodeJS.ErrnoException).code ?? (opening ? 'EIO' : undefined);
    if (error instanceof PostboardError || !options.output || !code) return error;
    return new PostboardError(text.unwritable(options.output, ctx.t.ioCode(code)));
  };
  let sink: Sink;
  try {
    sink = options.output
      ? await fileSink(options.output, { overwrite: options.force, boardFile: (path) => store.ownFile(path), faults: ctx.writeFaults() })
      : streamSink(ctx.io.stdout);
  } catch (error) {
    throw failure(error, true);
  }
  const progress = await startProgress(ctx, total);
  try {
    let chunks = await exportChunks(progress.track(posts), options, ctx);
    // Straight onto a person's terminal, data is made visible, never obeyed (a file gets it exact).
    const onTerminal = !options.output && ctx.io.stdout.isTTY;
    if (onTerminal) chunks = visibleChunks(chunks);
    // The byte-order mark is for a file Excel opens, not for eyes on a terminal.
    for await (const chunk of encode(chunks, { ...options, bom: options.bom && !onTerminal })) await sink.write(chunk);
    progress.stop();
    await sink.finish();
  } catch (error) {
    progress.stop();
    await sink.abort();
    throw failure(error, false);
  }
  if (options.output) ctx.note(text.exported(ctx.t.number(progress.count()), progress.count(), options.output));
}

/**
 * The web board: the published posts (filtered, in the list's order) as a folder of pages, written
 * aside and swapped in whole. Its language is --lang when given, else its posts' own.
 */
async function exportSite(ctx: Context, options: ExportOptions): Promise<void> {
  const text = ctx.t.commands.export;
  const output = options.output as string;
  const store = ctx.board();
  const info = await store.info();
  if (!info.exists) ctx.note(ctx.t.list.missing(store.name, ctx.command('add')));
  const posts: Post[] = [];
  if (info.exists) for await (const batch of store.stream({ filter: options.filter, order: options.order, limit: options.limit })) posts.push(...batch);
  const chosen = ctx.global.lang;
  const lang: Lang = chosen === 'ko' || chosen === 'en' ? chosen : (feedLanguage(posts) as Lang);
  const words = MESSAGES[lang];
  const [{ siteFiles, SITE_MARKER }, folder] = await Promise.all([import('../formats/site/site.js'), import('../files/folder.js')]);
  const { HeldFileError } = await import('../files/held.js');
  try {
    await folder.replaceFolder(
      output,
      siteFiles(posts, { title: options.title ?? words.site.defaultTitle, lang, perPage: options.perPage, baseUrl: options.baseUrl, words: words.site, fields: words.fields }),
      { marker: SITE_MARKER, force: options.force, boardFile: (path) => store.ownFile(path), faults: ctx.writeFaults() },
    );
  } catch (error) {
    const site = ctx.t.site;
    if (error instanceof folder.FolderNotOursError) throw new PostboardError(site.notOurs(output, SITE_MARKER));
    if (error instanceof folder.FolderHoldsHostFilesError) throw new PostboardError(site.holdsHostFiles(output, error.file));
    if (error instanceof folder.NotAFolderError) throw new PostboardError(site.notAFolder(output));
    if (error instanceof folder.FolderHoldsBoardError) throw new PostboardError(site.holdsBoard(output, error.file));
    if (error instanceof folder.FolderInUseError) throw new PostboardError(site.youAreIn(output));
    if (error instanceof HeldFileError) throw new PostboardError(text.held(output, error.seconds));
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof PostboardError || !code) throw error;
    throw new PostboardError(text.unwritable(output, ctx.t.ioCode(code)));
  }
  ctx.note(text.exported(ctx.t.number(posts.length), posts.length, output));
}

/** The export as text chunks, in the chosen format. */
async function exportChunks(posts: AsyncIterable<readonly Post[]>, options: ExportOptions, ctx: Context): Promise<AsyncIterable<string>> {
  const fields = options.fields ?? (options.format === 'md' ? MARKDOWN_FIELDS : FIELD_KEYS);
  const header = options.header === 'keys' ? [...fields] : fields.map((field) => MESSAGES[options.header as Lang].fields[field]);
  const cells: CellOptions = {
    formulaGuard: options.formulaGuard,
    check: options.encoding === 'cp949' ? await cp949Check(ctx) : undefined,
    labels: options.header === 'keys' ? undefined : MESSAGES[options.header],
  };
  const formats = await import('../formats/text.js');
  switch (options.format) {
    case 'csv': {
      const { csvChunks, CSV_BATCH } = await import('../formats/csv.js');
      return csvChunks(posts, fields, header, cells, heldWhole(ctx.board().kind) ? CSV_BATCH.inMemory : CSV_BATCH.streamed);
    }
    case 'tsv':
      return formats.tsvChunks(posts, fields, header, cells);
    case 'json':
      return formats.jsonChunks(posts, options.fields);
    case 'jsonl':
      return formats.jsonlChunks(posts, options.fields);
    case 'md':
      return formats.markdownChunks(posts, fields, header, cells.labels);
    case 'site':
      throw new Error('a site is a folder: see exportSite');
    case 'rss': {
      const { postDate, rssChunks } = await import('../formats/rss.js');
      const list: Post[] = [];
      for await (const batch of posts) list.push(...batch);
      return rssChunks(list, {
        title: options.feedTitle ?? 'postboard',
        // Checked when the options were read: RSS needs one.
        link: options.feedLink as string,
        language: options.feedLanguage ?? feedLanguage(list),
        updated: list[0] ? postDate(list[0].date) : new Date(0),
      });
    }
  }
}

/** The language of the posts themselves, not of the interface: Korean when most titles hold Hangul. */
function feedLanguage(posts: readonly Post[]): string {
  const sample = posts.slice(0, 50);
  const korean = sample.filter((post) => /[\uac00-\ud7a3]/.test(post.title)).length;
  return sample.length > 0 && korean * 2 >= sample.length ? 'ko' : 'en';
}

/** Refuses a cell CP949 cannot hold, naming the post and field: never a silent `?`. */
async function cp949Check(ctx: Context): Promise<CellCheck> {
  const { encodeCp949, decodeCp949 } = await import('../lazy/cp949.js');
  const text = ctx.t.commands.export;
  return (value, post, field) => {
    if (decodeCp949(encodeCp949(value)) === value) return;
    const bad = [...value].find((char) => decodeCp949(encodeCp949(char)) !== char) ?? '?';
    const shown = `"${bad}" (U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`;
    throw new PostboardError(text.cp949(post.id, field, shown));
  };
}

async function* visibleChunks(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const chunk of chunks) yield visibleBlock(chunk);
}

/** Text chunks as bytes: UTF-8 (with a BOM for spreadsheets) or CP949. */
async function* encode(chunks: AsyncIterable<string>, options: ExportOptions): AsyncGenerator<string | Buffer> {
  if (options.encoding === 'cp949') {
    const { encodeCp949 } = await import('../lazy/cp949.js');
    for await (const chunk of chunks) yield encodeCp949(chunk);
    return;
  }
  if (options.bom) yield '\uFEFF';
  yield* chunks;
}

/** A progress bar on stderr, for long exports on a terminal. */
async function startProgress(ctx: Context, total: number) {
  let count = 0;
  /** Counts the posts as they go by (for the summary), and moves the bar on a terminal. */
  const counting = (step: () => void) =>
    async function* (posts: AsyncIterable<readonly Post[]>): AsyncGenerator<readonly Post[]> {
      for await (const batch of posts) {
        count += batch.length;
        step();
        yield batch;
      }
    };
  if (!ctx.io.stderr.isTTY || total < PROGRESS_FROM) return { track: counting(() => {}), stop: () => {}, count: () => count };
  const { SingleBar } = await import('../lazy/progress.js');
  const bar = new SingleBar({
    stream: ctx.io.stderr as unknown as NodeJS.WritableStream,
    format: ` {bar} {percentage}% · {value}/{total}`,
    hideCursor: true,
    clearOnComplete: true,
    barsize: 30,
  });
  bar.start(total, 0);
  return {
    track: counting(() => bar.update(count)),
    stop: () => {
      bar.update(count);
      bar.stop();
    },
    count: () => count,
  };
}
