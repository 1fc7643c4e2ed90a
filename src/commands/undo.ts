import type { CoreWords } from '../i18n/en.js';
import type { Command } from 'commander';
import { changeAuthor, planRevert, postChanges, redoTarget, undoTarget, type Change, type ChangeLogEntry, type RevertConflict } from '../board/log.js';
import { subscriptionOf, type Subscription } from '../board/source.js';
import type { Post } from '../board/post.js';
import type { Context } from '../context.js';
import { NotFoundError, PostboardError, UsageError } from '../errors.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { describeChange, emptiesAField } from '../render/changes.js';
import type { BoardTransaction, ChangeInfo } from '../store/store.js';
import { confirmOrRefuse } from '../cmdutil/confirm.js';
import { examples } from '../cmdutil/examples.js';
import { assertBoard } from '../cmdutil/find.js';

/**
 * `undo` and `redo`: the change log read backwards and forwards. Undo reverts the newest change
 * not undone yet — that change alone, post by post, not "the board as it was" — and refuses if a
 * later change touched one of its posts; again and again, as far back as the log goes. Redo
 * re-applies the change undone last, until a new change is made.
 */

export interface UndoOptions {
  yes: boolean;
  /** `undo 12`: that change (one of yours, in a team), not the last one. */
  seq?: number;
}

export interface UndoText {
  description: string;
  yes: string;
  examples: [string, string][];
  nothing: string;
  /** undo only: a change not there to undo, and the argument naming one. */
  noSuch?: (seq: number) => string;
  seq?: string;
  heading: (entry: string) => string;
  headingOf: (entry: string) => string;
  question: string;
  moved: string;
  conflict: (entry: string, conflicts: string[]) => string;
  done: (entry: string, count: number, sources?: number) => string;
}

export interface Words {
  remove: (id: number, title: string) => string;
  restore: (id: number, title: string) => string;
  change: (id: number, title: string) => string;
  /** A source set back: added back (`to` there, none now), removed, or its settings changed back. */
  source: (name: string, how: 'add' | 'remove' | 'edit') => string;
  reason: (conflict: RevertConflict) => string;
  entry: (entry: ChangeLogEntry, t: CoreWords) => string;
}



/** How far back the log is read first to find what to undo or redo (then twice as far, and on). */
const LOOK_BACK = 500;

/** The newest entries of a change log, newest first: a board's (`log`) or a change's in the making (`recent`). */
type LogReader = (limit: number) => Promise<ChangeLogEntry[]>;

/** The change to revert, looking back further through the log for as long as it goes on. */
export async function findTarget(log: LogReader, kind: 'undo' | 'redo', seq?: number): Promise<Target | undefined> {
  // (Further back than the whole log: nothing.)
  const settled = (found: ReturnType<typeof target>) => (found === 'further back' ? undefined : found);
  if (seq !== undefined) return settled(target(kind, await log(Number.MAX_SAFE_INTEGER), seq));
  for (let limit = LOOK_BACK; ; limit *= 2) {
    const entries = await log(limit);
    const found = target(kind, entries);
    // Not in what was read (nothing to undo there, or redo's undone change older still): read further.
    const further = kind === 'undo' ? found === undefined : found === 'further back';
    if (!further || entries.length < limit) return settled(found);
  }
}

/** The change to revert now, and the entry whose changes are reverted (for a redo, its undo's). */
interface Target {
  entry: ChangeLogEntry;
  reverted: ChangeLogEntry;
}

const idsOf = (changes: readonly Change[]): number[] => [...new Set(postChanges(changes).map((change) => change.id))];

/** The board's sources now (their subscriptions), by name, where the change touched any. */
async function sourcesFor(changes: readonly Change[], read: () => Promise<readonly { name: string }[]>): Promise<Map<string, Subscription>> {
  if (!changes.some((change) => change.kind === 'source')) return new Map();
  return new Map((await read()).map((source) => [source.name, subscriptionOf(source as Parameters<typeof subscriptionOf>[0])]));
}

function target(kind: 'undo' | 'redo', entries: readonly ChangeLogEntry[], seq?: number): Target | 'further back' | undefined {
  if (kind === 'undo') {
    const entry = seq === undefined ? undoTarget(entries) : entries.find((candidate) => candidate.seq === seq && candidate.undoes === undefined && candidate.redoes === undefined && candidate.undoneBy === undefined);
    return entry && { entry, reverted: entry };
  }
  const found = redoTarget(entries);
  return found === 'further back' ? found : found && { entry: found.target, reverted: found.undo };
}

/** What reverting will do, post by post; a changed post's fields as they are now → as they will be. */
function describe(changes: readonly Change[], current: ReadonlyMap<number, Post>, sources: ReadonlyMap<string, Subscription>, ctx: Context): string[] {
  const words = ctx.t.commands.revert;
  const plan = planRevert(changes, current, sources);
  if ('conflicts' in plan) return [];
  return [
    ...plan.ops.remove.map((post) => words.remove(post.id, post.title)),
    ...plan.ops.insert.map((post) => words.restore(post.id, post.title)),
    ...plan.ops.update.flatMap(([now, then]) => [words.change(now.id, now.title), ...describeChange(now, then, ctx.t, { timestamps: true, indent: '    ' })]),
    ...plan.ops.sources.map(({ name, to }) => words.source(name, to === null ? 'remove' : sources.has(name) ? 'edit' : 'add')),
  ];
}

function revertCommand(kind: 'undo' | 'redo') {
  const run = async (ctx: Context, options: UndoOptions): Promise<void> => {
    const text = ctx.t.commands[kind];
    const words = ctx.t.commands.revert;
    const store = ctx.board();
    await store.assertWritable();
    await assertBoard(ctx);
    const who = await changeAuthor(ctx.io.env);
    const nothing = () => new NotFoundError(options.seq === undefined ? text.nothing : ctx.t.commands.undo.noSuch(options.seq));
    const heading = (entry: ChangeLogEntry) => (options.seq === undefined ? text.heading : text.headingOf)(words.entry(entry, ctx.t));
    const refuse = (entry: ChangeLogEntry) => (conflicts: RevertConflict[]) => new PostboardError(text.conflict(words.entry(entry, ctx.t), conflicts.map(words.reason)));
    /** Reverts `found` on the freshest board, marking its log entry; how many posts it touched. */
    const apply = (tx: BoardTransaction, found: Target) =>
      revert(tx, found.reverted.changes, refuse(found.entry), async () => {
        await tx.markUndone(found.entry.seq, kind === 'undo' ? await tx.nextSeq() : undefined);
      });
    const info: ChangeInfo = { command: kind, at: ctx.io.now(), who };
    const mark = (found: Target) => (kind === 'undo' ? (info.undoes = found.entry.seq) : (info.redoes = found.entry.seq));

    if (options.yes) {
      // Nobody is shown anything to agree to: what to revert is decided inside the lock, on the
      // board as it is then — two `undo --yes` at once take back the last change and the one
      // before it, and fail only when a change can no longer be reverted.
      const { result } = await store.change(info, async (tx) => {
        const found = await findTarget((limit) => tx.recent(limit), kind, options.seq);
        if (!found) throw nothing();
        mark(found);
        const lines = describe(found.reverted.changes, await tx.get(idsOf(found.reverted.changes)), await sourcesFor(found.reverted.changes, () => tx.sources()), ctx);
        return { found, lines, count: await apply(tx, found) };
      });
      ctx.say([heading(result.found.entry), ...result.lines]);
      ctx.say(text.done(`#${result.found.entry.seq} ${result.found.entry.command}`, result.count.posts, result.count.sources));
      return;
    }

    const found = await findTarget((limit) => store.log(limit), kind, options.seq);
    if (!found) throw nothing();
    const current = await store.get(idsOf(found.reverted.changes));
    const sources = await sourcesFor(found.reverted.changes, () => store.sources());
    const plan = planRevert(found.reverted.changes, current, sources);
    if ('conflicts' in plan) throw refuse(found.entry)(plan.conflicts);

    const lines = describe(found.reverted.changes, current, sources, ctx);
    const preview = async () => ctx.say([heading(found.entry), ...lines]);
    // As when editing: a revert that empties a field that has text asks with no as the default.
    const empties = plan.ops.update.some(([now, then]) => emptiesAField(now, then));
    await confirmOrRefuse(ctx, { yes: false, command: kind, question: text.question, byDefault: !empties, preview });

    mark(found);
    const { result: count } = await store.change(info, async (tx) => {
      // What was shown is what is reverted — that change, exactly, even if others landed since
      // (in a team, on other posts). Undone or redone meanwhile: stop; its posts changed since: refuse.
      const entry = await tx.entry(found.entry.seq);
      const still = kind === 'undo' ? entry?.undoneBy === undefined : entry?.undoneBy === found.reverted.seq;
      if (!entry || !still) throw new PostboardError(text.moved);
      return apply(tx, found);
    });
    ctx.say(text.done(`#${found.entry.seq} ${found.entry.command}`, count.posts, count.sources));
  };
  const text = (lang: Lang) => MESSAGES[lang].commands[kind];
  return {
    name: kind,
    aliases: [] as readonly string[],
    term: kind === 'undo' ? '[options] [change]' : '[options]',
    summary: (lang: Lang) => text(lang).description,
    run,
    register(program: Command, ctx: Context, runCommand = run): void {
      const command = program.command(kind).description(text(ctx.lang).description);
      if (kind === 'undo') command.argument('[change]', ctx.t.commands.undo.seq);
      command
        .option('-y, --yes', text(ctx.lang).yes)
        .addHelpText('after', examples(ctx.lang, text(ctx.lang).examples))
        .action(async (...args: unknown[]) => {
          const [seqText, raw] = (kind === 'undo' ? args : [undefined, args[0]]) as [string | undefined, { yes?: boolean }];
          const seq = seqText === undefined ? undefined : parseChangeNumber(seqText, ctx, kind);
          return runCommand(ctx, { yes: Boolean(raw.yes), ...(seq !== undefined ? { seq } : {}) });
        });
    },
  };
}

/** Applies the revert of `changes` to the freshest board; how many posts and sources it touched. */
async function revert(tx: BoardTransaction, changes: readonly Change[], refuse: (conflicts: RevertConflict[]) => Error, mark: () => Promise<void>): Promise<{ posts: number; sources: number }> {
  const current = await tx.get(idsOf(changes));
  const sources = await sourcesFor(changes, () => tx.sources());
  const plan = planRevert(changes, current, sources);
  if ('conflicts' in plan) throw refuse(plan.conflicts);
  await tx.remove(plan.ops.remove);
  await tx.insert(plan.ops.insert);
  for (const [now, then] of plan.ops.update) await tx.update(now, then);
  for (const { name, to } of plan.ops.sources) await tx.setSource(name, to);
  await mark();
  return { posts: plan.ops.remove.length + plan.ops.insert.length + plan.ops.update.length, sources: plan.ops.sources.length };
}

/** `12` or `#12`, as `postboard log` shows it. */
function parseChangeNumber(text: string, ctx: Context, command: string): number {
  const match = /^#?(\d+)$/.exec(text.trim());
  const seq = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 1) throw new UsageError(ctx.t.usage.oneOf('change', ['1', '2', '…'], text), command);
  return seq;
}

export const undo = revertCommand('undo');
export const redo = revertCommand('redo');
