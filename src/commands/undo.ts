import type { Command } from 'commander';
import { diffBoards, type BoardDiff } from '../board/changes.js';
import type { Post } from '../board/post.js';
import type { Context } from '../context.js';
import { NotFoundError, PostboardError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { describeChange, emptiesAField } from '../render/changes.js';
import { confirmOrRefuse } from '../cmdutil/confirm.js';
import { examples } from '../cmdutil/examples.js';

export const name = 'undo';
export const aliases: readonly string[] = [];

export interface UndoOptions {
  yes: boolean;
}

interface UndoText {
  description: string;
  yes: string;
  examples: [string, string][];
  noBackup: (board: string) => string;
  same: string;
  undoing: string;
  redoing: string;
  remove: (post: Post) => string;
  restore: (post: Post) => string;
  change: (post: Post) => string;
  question: string;
  redoQuestion: string;
  moved: string;
  done: (count: number) => string;
  redone: (count: number) => string;
}

const title = (post: Post) => post.title;

const TEXT: Record<Lang, UndoText> = {
  en: {
    description: 'Undo the last change made through postboard, from the backup every change keeps',
    yes: 'undo without asking (needed when stdin is not a terminal)',
    examples: [
      ['postboard undo', 'shows what it will revert, old → new, asks, reverts'],
      ['postboard undo --yes', 'from a script'],
      ['postboard undo && postboard undo', 'the second undo redoes, and says so'],
    ],
    noBackup: (board) => `nothing to undo: no backup of ${board} (one is kept at each change)`,
    same: 'Nothing to undo: the board is the same as its backup.',
    undoing: 'Undo the last change:',
    redoing: 'The last change was an undo; undoing it redoes what it took back:',
    remove: (post) => `- remove post ${post.id}: ${title(post)}`,
    restore: (post) => `+ bring back post ${post.id}: ${title(post)}`,
    change: (post) => `~ post ${post.id}: ${title(post)}`,
    question: 'Undo these changes?',
    redoQuestion: 'Redo them?',
    moved: 'the board changed since it was shown; run postboard undo again to see the new last change',
    done: (count) => `Undone: ${count === 1 ? '1 post back as it was' : `${count} posts back as they were`} before the last change.`,
    redone: (count) => `Redone: ${count === 1 ? '1 post back as it was' : `${count} posts back as they were`} before the undo.`,
  },
  ko: {
    description: 'postboard로 한 마지막 변경 되돌리기 (변경마다 남기는 백업에서)',
    yes: '묻지 않고 되돌리기 (표준 입력이 터미널이 아니면 필요)',
    examples: [
      ['postboard undo', '되돌릴 내용을 이전 → 이후로 보여 주고, 묻고, 되돌립니다'],
      ['postboard undo --yes', '스크립트에서'],
      ['postboard undo && postboard undo', '두 번째 undo는 다시 하기이며, 그렇다고 알려 줍니다'],
    ],
    noBackup: (board) => `되돌릴 것이 없습니다: ${board}의 백업이 없습니다 (변경마다 하나 남깁니다)`,
    same: '되돌릴 것이 없습니다: 게시판이 백업과 같습니다.',
    undoing: '마지막 변경을 되돌립니다:',
    redoing: '마지막 변경이 되돌리기였습니다. 이것을 되돌리면 되돌렸던 것을 다시 합니다:',
    remove: (post) => `- ${post.id}번 글 지움: ${title(post)}`,
    restore: (post) => `+ ${post.id}번 글 되살림: ${title(post)}`,
    change: (post) => `~ ${post.id}번 글: ${title(post)}`,
    question: '이 변경을 되돌릴까요?',
    redoQuestion: '다시 할까요?',
    moved: '보여 준 뒤에 게시판이 바뀌었습니다. postboard undo를 다시 실행해 새 마지막 변경을 보세요',
    done: (count) => `되돌렸습니다: 글 ${count}개를 마지막 변경 전으로.`,
    redone: (count) => `다시 했습니다: 글 ${count}개를 되돌리기 전으로.`,
  },
};

export const summary = (lang: Lang): string => TEXT[lang].description;

export function register(program: Command, ctx: Context, run = runUndo): void {
  const text = TEXT[ctx.lang];
  program
    .command(name)
    .description(text.description)
    .option('-y, --yes', text.yes)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (raw: { yes?: boolean }) => run(ctx, { yes: Boolean(raw.yes) }));
}

/** What undo will do, post by post; a changed post's fields as they are now → as they will be. */
function describe(diff: BoardDiff, text: UndoText, ctx: Context): string[] {
  return [
    ...diff.added.map(text.remove),
    ...diff.removed.map(text.restore),
    ...diff.changed.flatMap(([before, now]) => [text.change(now), ...describeChange(now, before, ctx.t, { timestamps: true, indent: '    ' })]),
  ];
}

export async function runUndo(ctx: Context, options: UndoOptions): Promise<void> {
  const text = TEXT[ctx.lang];
  const store = ctx.board();
  await store.assertWritable();
  const [current, previous] = await Promise.all([store.read(), store.previous()]);
  if (!previous || !current) throw new NotFoundError(text.noBackup(store.name));
  const diff = diffBoards(previous, current);
  const lines = describe(diff, text, ctx);
  if (lines.length === 0) return ctx.note(text.same);
  // Undo restores the backup; when the last change was itself an undo, that is a redo: say so.
  const redo = current.lastChange?.command === 'undo';
  const shown = JSON.stringify(current.posts);
  const count = diff.added.length + diff.removed.length + diff.changed.length;
  const preview = async () => ctx.say([redo ? text.redoing : text.undoing, ...lines]);
  // As when editing: a change that empties a field that has text asks with no as the default.
  const empties = diff.changed.some(([before, now]) => emptiesAField(now, before));
  await confirmOrRefuse(ctx, { yes: options.yes, command: name, question: redo ? text.redoQuestion : text.question, byDefault: !empties, preview });
  if (options.yes) await preview();

  await store.update(
    (board) => {
      // What was shown is what is undone: if another change landed meanwhile, stop.
      if (JSON.stringify(board.posts) !== shown) throw new PostboardError(text.moved);
      board.posts = previous.posts;
      // Numbers are never given twice: lastId does not go back with the posts.
      board.lastId = Math.max(board.lastId, previous.lastId);
    },
    { command: redo ? 'redo' : 'undo', at: ctx.io.now(), changed: () => true },
  );
  ctx.say(redo ? text.redone(count) : text.done(count));
}
