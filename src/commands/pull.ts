import type { Command } from 'commander';
import type { FieldKey } from '../board/fields.js';
import { isCalendarDate, localDate } from '../board/dates.js';
import { changeAuthor } from '../board/log.js';
import type { Post, Status } from '../board/post.js';
import type { PullOutcome, Refused } from '../board/pull.js';
import { SOURCE_KINDS, type FetchState, type Source, type SourceKind } from '../board/source.js';
import type { Context } from '../context.js';
import { BoardFileError, BoardProblemError, PostboardError, UsageError } from '../errors.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { outputWidth } from '../io.js';
import { OptionParser } from '../options.js';
import type { Release } from '../pull/release.js';
import { renderPostTable } from '../render/posts.js';
import { visibleLine } from '../render/sanitize.js';
import { examples } from '../cmdutil/examples.js';
import { writeJsonValue } from '../cmdutil/json-output.js';
import { kindOfUrl, sourceNamed } from './source.js';

/**
 * `postboard pull [NAME|URL...]`: the new releases of the board's sources (or of a feed named by
 * its address), each once. Every source is read on its own: one that fails (the network, the
 * server, its XML) is said in one line and never stops the others, and never leaves half of its
 * releases — a source's new posts are added in one change. Exit 0 when every source was read.
 * Made for cron: no question asked, nothing printed for a source with nothing new but its line.
 */

export const name = 'pull';
export const term = '[options] [sources...]';
export const aliases: readonly string[] = [];

export const PULL_FORMATS = ['table', 'json'] as const;

/** The default period of the press-release API: the last 3 days (one call). */
const BRIEFING_DAYS = 3;
/** The longest period one pull asks the API for (122 requests). */
const MAX_PERIOD_DAYS = 366;
/** The longest time-out a request may have: an hour. */
const MAX_TIMEOUT_SECONDS = 3600;

/**
 * Where the press-release API's key may go: data.go.kr over https, or this machine (a test
 * server, a proxy of your own). A source of a shared board that names another host never gets it.
 */
function keyMayGoTo(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) return true;
  return protocol === 'https:' && (hostname === 'data.go.kr' || hostname.endsWith('.data.go.kr'));
}

export interface PullOptions {
  /** Source names or feed addresses; none: every source of the board. */
  targets: string[];
  dryRun: boolean;
  /** Nothing printed but a failure (for cron, which mails whatever a job prints). */
  quiet: boolean;
  format: (typeof PULL_FORMATS)[number];
  /** The press-release API's first day (YYYY-MM-DD); default: 3 days ago. */
  since?: string;
  /** Its last day; default: today. */
  until?: string;
  timeoutSeconds: number;
  maxBytes: number;
  /** Ask every server afresh, not "has it changed since" (after an undo of a pull, say). */
  refresh: boolean;
  /** For a feed named by its address. */
  kind?: SourceKind;
  department?: string;
  status?: Status;
  width?: number;
}

export interface PullText {
  description: string;
  targets: string;
  options: { dryRun: string; quiet: string; format: string; since: string; until: string; timeout: string; maxSize: string; refresh: string; kind: string; department: string; status: string; width: string };
  examples: [string, string][];
  noSources: string;
  backwards: (since: string, until: string) => string;
  noKey: string;
  keyHost: (host: string) => string;
  tooLong: (days: number) => string;
  /** One source's line: how many new, already there, deleted before, refused. */
  summary: (source: string, counts: { added: number; already: number; deleted: number; embargoed: number; refused: number }, dryRun: boolean) => string;
  unchanged: (source: string) => string;
  /** An item refused: its title (cut short) or, without one, its id in the feed. */
  refused: (title: string, id: string | undefined, why: string) => string;
  failed: (source: string, why: string) => string;
  fetching: (source: string, received: string) => string;
  wouldAdd: string;
}

export const summary = (lang: Lang): string => MESSAGES[lang].commands.pull.description;

export function register(program: Command, ctx: Context, run = runPull): void {
  const text = ctx.t.commands.pull;
  program
    .command(name)
    .description(text.description)
    .argument('[sources...]', text.targets)
    .option('-n, --dry-run', text.options.dryRun)
    .option('-q, --quiet', text.options.quiet)
    .option('-f, --format <format>', text.options.format)
    .option('--since <date>', text.options.since)
    .option('--until <date>', text.options.until)
    .option('--timeout <seconds>', text.options.timeout)
    .option('--max-size <MB>', text.options.maxSize)
    .option('--refresh', text.options.refresh)
    .option('-k, --kind <kind>', text.options.kind)
    .option('-d, --department <name>', text.options.department)
    .option('-s, --status <status>', text.options.status)
    .option('-w, --width <columns>', text.options.width)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (targets: string[], raw: Record<string, string | boolean | undefined>) => run(ctx, parsePullOptions(targets, raw, ctx)));
}

export function parsePullOptions(targets: string[], raw: Record<string, string | boolean | undefined>, ctx: Context): PullOptions {
  const parse = new OptionParser(ctx, name);
  const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const since = parse.date('--since', str('since'));
  const until = parse.date('--until', str('until'));
  if (since && until && since > until) parse.fail(ctx.t.commands.pull.backwards(since, until));
  // A year of the API is 122 requests: a longer period is pulled a year at a time (a day's quota).
  const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  if (since && days(since, until ?? localDate(ctx.io.now())) > MAX_PERIOD_DAYS) parse.fail(ctx.t.commands.pull.tooLong(MAX_PERIOD_DAYS));
  const timeoutSeconds = parse.wholeNumber('--timeout', str('timeout'));
  if (timeoutSeconds !== undefined && timeoutSeconds > MAX_TIMEOUT_SECONDS) parse.fail(ctx.t.usage.atMost('--timeout', MAX_TIMEOUT_SECONDS));
  const status = parse.status('--status', str('status'), false);
  const department = parse.text('--department', str('department'))?.normalize('NFC').trim();
  const kind = parse.choice('--kind', SOURCE_KINDS, str('kind'));
  const adHoc = targets.some(isAddress);
  if (!adHoc && (kind || department || status)) parse.fail(ctx.t.usage.conflict(kind ? '--kind' : department ? '--department' : '--status', '<source name>'));
  const width = parse.wholeNumber('--width', str('width'));
  return {
    targets,
    dryRun: Boolean(raw.dryRun),
    quiet: Boolean(raw.quiet),
    format: parse.choice('--format', PULL_FORMATS, str('format')) ?? 'table',
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    timeoutSeconds: timeoutSeconds ?? 20,
    maxBytes: (parse.wholeNumber('--max-size', str('maxSize')) ?? 20) * 1024 * 1024,
    refresh: Boolean(raw.refresh),
    ...(kind ? { kind } : {}),
    ...(department ? { department } : {}),
    ...(status ? { status } : {}),
    ...(width !== undefined ? { width } : {}),
  };
}

/** A feed named by its address rather than a source name. */
const isAddress = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** What one source gave: its posts added (or that would be), or why it could not be read. */
interface SourceResult {
  source: string;
  url: string;
  outcome?: PullOutcome;
  /** A 304: nothing new since the last pull. */
  unchanged?: boolean;
  failed?: string;
}

/** A source as `pull` reads it: stored (its fetch state kept) or named by address (nothing kept). */
interface Target {
  source: Source;
  stored: boolean;
}

export async function runPull(ctx: Context, options: PullOptions): Promise<void> {
  const text = ctx.t.commands.pull;
  const store = ctx.board();
  if (!options.dryRun) await store.assertWritable();
  const at = ctx.io.now();
  const exists = (await store.info()).exists;
  const stored = exists ? await store.sources() : [];
  const targets: Target[] = [];
  for (const target of options.targets.length > 0 ? [...new Set(options.targets)] : stored.map((source) => source.name)) {
    if (!isAddress(target)) {
      targets.push({ source: await sourceNamed(ctx, stored, target), stored: true });
      continue;
    }
    let url: string;
    try {
      url = new URL(target).href;
    } catch {
      throw new UsageError(ctx.t.commands.source.badUrl(target), name);
    }
    const kind = options.kind ?? kindOfUrl(url);
    targets.push({ source: { name: url, kind, url, addedAt: at.toISOString(), ...(options.department ? { department: options.department } : {}), ...(options.status ? { status: options.status } : {}) }, stored: false });
  }
  if (targets.length === 0) throw new PostboardError(text.noSources);

  const who = await changeAuthor(ctx.io.env);
  const author = ctx.io.env.POSTBOARD_AUTHOR?.trim() || who;
  const results: SourceResult[] = [];
  for (const target of targets) results.push(await pullOne(ctx, target, options, { at, who, author }));

  const added = results.flatMap((result) => result.outcome?.added ?? []);
  if (options.format === 'json') {
    writeJsonValue(ctx, {
      dryRun: options.dryRun,
      sources: results.map((result) => ({
        source: result.source,
        url: result.url,
        ...(result.failed !== undefined
          ? { failed: result.failed }
          : {
              unchanged: Boolean(result.unchanged),
              added: result.outcome?.added.map((post) => (options.dryRun ? withoutNumber(post) : post)) ?? [],
              already: result.outcome?.already ?? 0,
              deleted: result.outcome?.deleted ?? 0,
              embargoed: result.outcome?.embargoed ?? 0,
              refused: result.outcome?.refused.map((refusal) => ({ title: refusal.title, ...(refusal.id !== undefined ? { id: refusal.id } : {}), reasons: refusal.issues.map((issue) => ctx.t.fieldIssue(issue)) })) ?? [],
            }),
      })),
    });
  } else if (!options.quiet) {
    for (const result of results) {
      if (result.failed !== undefined) continue;
      if (result.unchanged || !result.outcome) {
        ctx.say(text.unchanged(result.source));
        continue;
      }
      const { outcome } = result;
      ctx.say(text.summary(result.source, { added: outcome.added.length, already: outcome.already, deleted: outcome.deleted, embargoed: outcome.embargoed, refused: outcome.refused.length }, options.dryRun));
      for (const refusal of outcome.refused) ctx.say(`  ${text.refused(refusal.title, refusal.id, refusal.issues.map((issue) => ctx.t.fieldIssue(issue)).join('; '))}`);
    }
    if (added.length > 0) {
      if (options.dryRun) ctx.say(text.wouldAdd);
      ctx.out(await renderPostTable(added, options.dryRun ? PREVIEW_FIELDS : PULLED_FIELDS, { t: ctx.t, style: await ctx.style(), width: outputWidth(ctx.io, options.width) }));
    }
  }
  const failed = results.filter((result) => result.failed !== undefined);
  if (failed.length > 0) throw new PostboardError(failed.map((result) => text.failed(result.source, result.failed ?? '')).join('\n'));
}

/** The new posts' table: what tells one release from another (a dry run's have no numbers yet). */
const PULLED_FIELDS: readonly FieldKey[] = ['id', 'title', 'department', 'date', 'status'];
const PREVIEW_FIELDS: readonly FieldKey[] = PULLED_FIELDS.filter((field) => field !== 'id');

const withoutNumber = (post: Post): Omit<Post, 'id'> => {
  const { id: _id, ...rest } = post;
  return rest;
};

/** Reads one source and adds its new releases in one change; a failure is its result, never thrown. */
async function pullOne(ctx: Context, target: Target, options: PullOptions, run: { at: Date; who: string; author: string }): Promise<SourceResult> {
  const text = ctx.t.commands.pull;
  const { source } = target;
  const result: SourceResult = { source: source.name, url: source.url };
  const [{ fetchFeed }, { decodeFeed }, { parseFeed }, { PullProblem, pullProblemText }] = await Promise.all([import('../pull/http.js'), import('../pull/charset.js'), import('../pull/feed.js'), import('../pull/problem.js')]);
  const progress = progressLine(ctx, source.name, options.quiet);
  /** The API's key: never said, even where a server's words echo it. */
  let secret: string | undefined;
  try {
    const limits = { timeoutMs: options.timeoutSeconds * 1000, maxBytes: options.maxBytes };
    const releases: Release[] = [];
    let state: FetchState | undefined;
    if (source.kind === 'briefing') {
      const key = ctx.io.env.POSTBOARD_BRIEFING_KEY?.trim();
      if (!key) throw new PostboardError(text.noKey);
      if (!keyMayGoTo(source.url)) throw new PostboardError(text.keyHost(new URL(source.url).host));
      secret = key;
      const { briefingWindows, briefingRequestUrl } = await import('../pull/briefing.js');
      const until = options.until ?? localDate(run.at);
      const since = options.since ?? localDate(new Date(Date.parse(`${until}T12:00:00Z`) - (BRIEFING_DAYS - 1) * 86_400_000));
      for (const window of briefingWindows(since, until)) {
        const fetched = await fetchFeed(briefingRequestUrl(source.url, key, window), { limits, onProgress: progress.update });
        if (fetched.status !== 'fetched') continue;
        releases.push(...parseFeed(decodeFeed(fetched.bytes, fetched.contentType)).releases);
      }
      state = { pulledAt: run.at.toISOString() };
    } else {
      const validators = target.stored && !options.refresh ? { ...(source.etag ? { etag: source.etag } : {}), ...(source.lastModified ? { lastModified: source.lastModified } : {}) } : {};
      const fetched = await fetchFeed(source.url, { limits, validators, onProgress: progress.update });
      if (fetched.status === 'unchanged') {
        result.unchanged = true;
        state = { ...validators, pulledAt: run.at.toISOString() };
      } else {
        releases.push(...parseFeed(decodeFeed(fetched.bytes, fetched.contentType), fetched.url).releases);
        state = { ...fetched.validators, pulledAt: run.at.toISOString() };
      }
    }
    progress.done();
    const { pullReleases } = await import('../board/pull.js');
    const store = ctx.board();
    const defaults = { author: run.author, today: localDate(run.at), source };
    const { result: outcome } = await store.change({ command: `pull ${source.name}`, at: run.at, who: run.who, dryRun: options.dryRun }, async (tx) => {
      const outcome = result.unchanged ? undefined : await pullReleases(tx, releases, defaults, run.at);
      if (target.stored && state) await tx.keepState(source.name, state, source.addedAt);
      return outcome;
    });
    if (outcome) result.outcome = outcome;
  } catch (error) {
    progress.done();
    if (error instanceof PullProblem) result.failed = pullProblemText(ctx.t.pull.problems, error.problem);
    else if (error instanceof BoardFileError) result.failed = `${error.file}: ${ctx.t.problem(error.problem)}`;
    else if (error instanceof BoardProblemError) result.failed = ctx.t.problem(error.problem);
    else if (error instanceof PostboardError) result.failed = error.message;
    else throw error;
    if (secret) result.failed = result.failed.split(secret).join('…');
  }
  return result;
}

/**
 * A line on a terminal's stderr for a source that takes more than a second (a slow server, a
 * large feed): its name and how much came so far, redrawn four times a second, gone when it ends.
 */
function progressLine(ctx: Context, source: string, quiet: boolean): { update: (received: number) => void; done: () => void } {
  if (ctx.io.stderr.isTTY !== true || quiet) return { update: () => undefined, done: () => undefined };
  let received = 0;
  let shown = false;
  const draw = () => {
    shown = true;
    ctx.io.stderr.write(`\r\x1b[2K${visibleLine(ctx.t.commands.pull.fetching(source, `${(received / 1024 / 1024).toFixed(1)} MB`))}`);
  };
  let timer: NodeJS.Timeout | undefined = setTimeout(() => {
    draw();
    timer = setInterval(draw, 250);
    timer.unref();
  }, 1000);
  timer.unref();
  return {
    update: (bytes: number) => {
      received = bytes;
    },
    done: () => {
      clearTimeout(timer);
      clearInterval(timer);
      timer = undefined;
      if (shown) ctx.io.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export type { Refused };
export { isCalendarDate };
