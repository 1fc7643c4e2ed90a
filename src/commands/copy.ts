import type { Command } from 'commander';
import { refuseWindowsName } from '../cmdutil/output-name.js';
import type { Context } from '../context.js';
import { brokenField, type Post } from '../board/post.js';
import { NotFoundError, PostboardError, UsageError } from '../errors.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { existsSync, rmSync } from 'node:fs';
import { boardKind, foreignUrl, openBoard, shownLocation } from '../store/index.js';
import { heldWhole } from '../store/store.js';
import { examples } from '../cmdutil/examples.js';

/**
 * `postboard copy --to LOCATION`: the whole board — posts with their numbers, statuses and
 * timestamps, lastId, the change log — into a new or empty board of any kind. A JSON → SQLite →
 * PostgreSQL → JSON round trip gives the same board back (`export --format json`, byte for byte).
 */

export const name = 'copy';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options]';
export const aliases: readonly string[] = [];

export interface CopyOptions {
  to: string;
}

export interface CopyText {
  description: string;
  to: string;
  examples: [string, string][];
  same: string;
  broken: (id: number, field: string) => string;
  done: (posts: string, from: string, to: string, changes: number) => string;
}


export const summary = (lang: Lang): string => MESSAGES[lang].commands.copy.description;

export function register(program: Command, ctx: Context, run = runCopy): void {
  const text = ctx.t.commands.copy;
  program
    .command(name)
    .description(text.description)
    .requiredOption('--to <location>', text.to)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (raw: { to: string }) => run(ctx, { to: raw.to }));
}

export async function runCopy(ctx: Context, options: CopyOptions): Promise<void> {
  const text = ctx.t.commands.copy;
  if (options.to === ctx.boardLocation) throw new UsageError(text.same, name);
  const source = ctx.board();
  // A misspelt source is no board at all, not an empty one to copy.
  if (!(await source.info()).exists) throw new NotFoundError(ctx.t.notFound.noBoard(source.name));
  if (foreignUrl(options.to)) throw new UsageError(ctx.t.usage.boardKind(shownLocation(options.to)), name);
  refuseWindowsName(ctx, '--to', options.to, { board: true, command: name });
  const target = ctx.io.boards?.(options.to) ?? openBoard({ location: options.to, shownAs: shownLocation(options.to), lockTimeoutMs: ctx.lockTimeoutMs(), statementTimeoutMs: ctx.statementTimeoutMs(), lockStaleMs: 10_000, faults: ctx.writeFaults() });
  // The files a copy into a new board makes: gone again if it fails (a full disk must not stay full).
  const made = madeFiles(options.to);
  let copied = false;
  let someoneElse = false;
  try {
    await target.assertWritable();
    const snapshot = await source.snapshot();
    // Oldest first: a database fills its indexes in order, and the log reads as it happened.
    const posts = source.stream({ filter: { status: 'all' }, order: { sort: 'id', ascending: true }, limit: undefined });
    const count = await target.restore(snapshot, heldWhole(target.kind) ? posts : storable(posts, text));
    copied = true;
    ctx.say(text.done(ctx.t.list.count(count), source.name, target.name, snapshot.log.length));
  } catch (error) {
    // Another writer there (its lock held, or a board it filled meanwhile): the files are its.
    const kind = (error as { problem?: { kind?: string } }).problem?.kind;
    someoneElse = kind === 'locked' || kind === 'not-empty';
    throw error;
  } finally {
    await target.close().catch(() => {});
    if (!copied && !someoneElse) for (const file of made) rmSync(file, { force: true });
  }
}

/**
 * The files a copy to this location would make that are not there now: a SQLite file and the
 * journal files beside it, or a JSON file. A database server's tables are made by init, not here.
 */
function madeFiles(location: string): string[] {
  const { kind, path } = boardKind(location);
  if (kind === 'postgres') return [];
  const files = kind === 'sqlite' ? ['', '-wal', '-shm', '-journal'].map((suffix) => `${path}${suffix}`) : [path];
  // A board there already (an empty one made by init) is left as it is, journals included.
  return existsSync(path) ? [] : files.filter((file) => !existsSync(file));
}

/** The posts as they go by, stopping the copy (one transaction: nothing kept) at text a database would change. */
async function* storable(posts: AsyncIterable<readonly Post[]>, text: CopyText): AsyncGenerator<readonly Post[]> {
  for await (const batch of posts) {
    for (const post of batch) {
      const field = brokenField(post);
      if (field) throw new PostboardError(text.broken(post.id, field));
    }
    yield batch;
  }
}
