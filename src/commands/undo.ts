import type { Command } from 'commander';
import { changeAuthor, planRevert, redoTarget, undoTarget, type ChangeLogEntry, type PostChange, type RevertConflict } from '../board/log.js';
import type { Post } from '../board/post.js';
import type { Context } from '../context.js';
import { NotFoundError, PostboardError, UsageError } from '../errors.js';
import type { Lang, Messages } from '../i18n/index.js';
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

interface UndoText {
  description: string;
  yes: string;
  examples: [string, string][];
  nothing: string;
  noSuch: (seq: number) => string;
  seq: string;
  heading: (entry: string) => string;
  headingOf: (entry: string) => string;
  question: string;
  moved: string;
  conflict: (entry: string, conflicts: string[]) => string;
  done: (entry: string, count: number) => string;
}

interface Words {
  remove: (id: number, title: string) => string;
  restore: (id: number, title: string) => string;
  change: (id: number, title: string) => string;
  reason: (conflict: RevertConflict) => string;
  entry: (entry: ChangeLogEntry, t: Messages) => string;
}

const WORDS: Record<Lang, Words> = {
  en: {
    remove: (id, title) => `- remove post ${id}: ${title}`,
    restore: (id, title) => `+ bring back post ${id}: ${title}`,
    change: (id, title) => `~ post ${id}: ${title}`,
    reason: ({ id, reason }) =>
      reason === 'changed' ? `post ${id} was changed after it` : reason === 'gone' ? `post ${id} was deleted after it` : `post ${id} is on the board again`,
    entry: (entry, t) => `#${entry.seq} ${entry.command}, by ${entry.who}, ${t.localTime(entry.at)}`,
  },
  ko: {
    remove: (id, title) => `- ${id}번 글 지움: ${title}`,
    restore: (id, title) => `+ ${id}번 글 되살림: ${title}`,
    change: (id, title) => `~ ${id}번 글: ${title}`,
    reason: ({ id, reason }) => (reason === 'changed' ? `${id}번 글이 그 뒤에 바뀌었습니다` : reason === 'gone' ? `${id}번 글이 그 뒤에 지워졌습니다` : `${id}번 글이 이미 게시판에 있습니다`),
    entry: (entry, t) => `#${entry.seq} ${entry.command}, ${entry.who}, ${t.localTime(entry.at)}`,
  },
};

const TEXT: Record<'undo' | 'redo', Record<Lang, UndoText>> = {
  undo: {
    en: {
      description: 'Undo the last change made through postboard (again for the one before; the change log says which)',
      yes: 'undo without asking (needed when stdin is not a terminal)',
      examples: [
        ['postboard undo', 'shows what it will revert, old → new, asks, reverts'],
        ['postboard undo --yes && postboard undo --yes', 'the last two changes, newest first'],
        ['postboard log', 'the changes undo would take back'],
      ],
      nothing: 'nothing to undo: the change log has no change left to take back',
      noSuch: (seq) => `there is no change #${seq} to undo in the log (it is not there, is an undo or redo, or is undone already); postboard log lists them`,
      seq: 'the number of a change in postboard log (default: the last change)',
      heading: (entry) => `Undo the last change: ${entry}`,
      headingOf: (entry) => `Undo change ${entry}`,
      question: 'Undo these changes?',
      moved: 'the board changed since it was shown; run postboard undo again to see the new last change',
      conflict: (entry, conflicts) => `cannot undo ${entry}: ${conflicts.join('; ')}. Undo the later change first, or edit by hand`,
      done: (entry, count) => `Undone: ${entry} (${count === 1 ? '1 post' : `${count} posts`}).`,
    },
    ko: {
      description: 'postboard로 한 마지막 변경 되돌리기 (다시 하면 그 앞의 변경; 변경 기록이 어느 것인지 알려 줌)',
      yes: '묻지 않고 되돌리기 (표준 입력이 터미널이 아니면 필요)',
      examples: [
        ['postboard undo', '되돌릴 내용을 이전 → 이후로 보여 주고, 묻고, 되돌립니다'],
        ['postboard undo --yes && postboard undo --yes', '마지막 두 변경을, 최근 것부터'],
        ['postboard log', 'undo가 되돌릴 변경들'],
      ],
      nothing: '되돌릴 것이 없습니다: 변경 기록에 되돌릴 변경이 남아 있지 않습니다',
      noSuch: (seq) => `되돌릴 수 있는 변경이 아닙니다: #${seq} (없는 번호, 되돌리기나 다시 하기의 기록, 또는 이미 되돌린 변경). postboard log에서 보세요`,
      seq: 'postboard log의 변경 번호 (기본: 마지막 변경)',
      heading: (entry) => `마지막 변경을 되돌립니다: ${entry}`,
      headingOf: (entry) => `변경을 되돌립니다: ${entry}`,
      question: '이 변경을 되돌릴까요?',
      moved: '보여 준 뒤에 게시판이 바뀌었습니다. postboard undo를 다시 실행해 새 마지막 변경을 보세요',
      conflict: (entry, conflicts) => `되돌릴 수 없습니다: ${entry}. ${conflicts.join('; ')}. 나중 변경을 먼저 되돌리거나 직접 고치세요`,
      done: (entry, count) => `되돌렸습니다: ${entry} (글 ${count}개).`,
    },
  },
  redo: {
    en: {
      description: 'Redo the change undone last (until a new change is made)',
      yes: 'redo without asking (needed when stdin is not a terminal)',
      examples: [
        ['postboard undo --yes && postboard redo --yes', 'takes the last change back, then makes it again'],
        ['postboard log', 'which changes are undone'],
      ],
      nothing: 'nothing to redo: no change was undone since the last change',
      noSuch: () => '',
      seq: '',
      heading: (entry) => `Redo the change undone last: ${entry}`,
      headingOf: (entry) => `Redo ${entry}`,
      question: 'Redo these changes?',
      moved: 'the board changed since it was shown; run postboard redo again to see what can be redone',
      conflict: (entry, conflicts) => `cannot redo ${entry}: ${conflicts.join('; ')}`,
      done: (entry, count) => `Redone: ${entry} (${count === 1 ? '1 post' : `${count} posts`}).`,
    },
    ko: {
      description: '마지막으로 되돌린 변경을 다시 하기 (새 변경을 하기 전까지)',
      yes: '묻지 않고 다시 하기 (표준 입력이 터미널이 아니면 필요)',
      examples: [
        ['postboard undo --yes && postboard redo --yes', '마지막 변경을 되돌렸다가 다시 합니다'],
        ['postboard log', '어느 변경이 되돌려졌는지'],
      ],
      nothing: '다시 할 것이 없습니다: 마지막 변경 뒤에 되돌린 변경이 없습니다',
      noSuch: () => '',
      seq: '',
      heading: (entry) => `마지막으로 되돌린 변경을 다시 합니다: ${entry}`,
      headingOf: (entry) => `다시 합니다: ${entry}`,
      question: '다시 할까요?',
      moved: '보여 준 뒤에 게시판이 바뀌었습니다. postboard redo를 다시 실행해 다시 할 수 있는 것을 보세요',
      conflict: (entry, conflicts) => `다시 할 수 없습니다: ${entry}. ${conflicts.join('; ')}`,
      done: (entry, count) => `다시 했습니다: ${entry} (글 ${count}개).`,
    },
  },
};

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

const idsOf = (changes: readonly PostChange[]): number[] => [...new Set(changes.map((change) => change.id))];

function target(kind: 'undo' | 'redo', entries: readonly ChangeLogEntry[], seq?: number): Target | 'further back' | undefined {
  if (kind === 'undo') {
    const entry = seq === undefined ? undoTarget(entries) : entries.find((candidate) => candidate.seq === seq && candidate.undoes === undefined && candidate.redoes === undefined && candidate.undoneBy === undefined);
    return entry && { entry, reverted: entry };
  }
  const found = redoTarget(entries);
  return found === 'further back' ? found : found && { entry: found.target, reverted: found.undo };
}

/** What reverting will do, post by post; a changed post's fields as they are now → as they will be. */
function describe(changes: readonly PostChange[], current: ReadonlyMap<number, Post>, ctx: Context): string[] {
  const words = WORDS[ctx.lang];
  const plan = planRevert(changes, current);
  if ('conflicts' in plan) return [];
  return [
    ...plan.ops.remove.map((post) => words.remove(post.id, post.title)),
    ...plan.ops.insert.map((post) => words.restore(post.id, post.title)),
    ...plan.ops.update.flatMap(([now, then]) => [words.change(now.id, now.title), ...describeChange(now, then, ctx.t, { timestamps: true, indent: '    ' })]),
  ];
}

function revertCommand(kind: 'undo' | 'redo') {
  const run = async (ctx: Context, options: UndoOptions): Promise<void> => {
    const text = TEXT[kind][ctx.lang];
    const words = WORDS[ctx.lang];
    const store = ctx.board();
    await store.assertWritable();
    await assertBoard(ctx);
    const who = await changeAuthor(ctx.io.env);
    const nothing = () => new NotFoundError(options.seq === undefined ? text.nothing : text.noSuch(options.seq));
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
        const lines = describe(found.reverted.changes, await tx.get(idsOf(found.reverted.changes)), ctx);
        return { found, lines, count: await apply(tx, found) };
      });
      ctx.say([heading(result.found.entry), ...result.lines]);
      ctx.say(text.done(`#${result.found.entry.seq} ${result.found.entry.command}`, result.count));
      return;
    }

    const found = await findTarget((limit) => store.log(limit), kind, options.seq);
    if (!found) throw nothing();
    const current = await store.get(idsOf(found.reverted.changes));
    const plan = planRevert(found.reverted.changes, current);
    if ('conflicts' in plan) throw refuse(found.entry)(plan.conflicts);

    const lines = describe(found.reverted.changes, current, ctx);
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
    ctx.say(text.done(`#${found.entry.seq} ${found.entry.command}`, count));
  };
  const text = (lang: Lang) => TEXT[kind][lang];
  return {
    name: kind,
    aliases: [] as readonly string[],
    term: kind === 'undo' ? '[options] [change]' : '[options]',
    summary: (lang: Lang) => text(lang).description,
    run,
    register(program: Command, ctx: Context, runCommand = run): void {
      const command = program.command(kind).description(text(ctx.lang).description);
      if (kind === 'undo') command.argument('[change]', text(ctx.lang).seq);
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

/** Applies the revert of `changes` to the freshest board; how many posts it touched. */
async function revert(tx: BoardTransaction, changes: readonly PostChange[], refuse: (conflicts: RevertConflict[]) => Error, mark: () => Promise<void>): Promise<number> {
  const current = await tx.get([...new Set(changes.map((change) => change.id))]);
  const plan = planRevert(changes, current);
  if ('conflicts' in plan) throw refuse(plan.conflicts);
  await tx.remove(plan.ops.remove);
  await tx.insert(plan.ops.insert);
  for (const [now, then] of plan.ops.update) await tx.update(now, then);
  await mark();
  return plan.ops.remove.length + plan.ops.insert.length + plan.ops.update.length;
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
