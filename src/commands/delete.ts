import type { Command } from 'commander';
import { changeAuthor } from '../board/log.js';
import { DEFAULT_LIST_FIELDS } from './list.js';
import type { Context } from '../context.js';
import type { Lang } from '../i18n/index.js';
import { outputWidth } from '../io.js';
import { renderPostTable } from '../render/posts.js';
import { confirmOrRefuse } from '../cmdutil/confirm.js';
import { assertBoard, findPosts } from '../cmdutil/find.js';
import { examples } from '../cmdutil/examples.js';
import { parsePostNumber } from './show.js';

export const name = 'delete';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options] <ids...>';
export const aliases: readonly string[] = ['rm'];

export interface DeleteOptions {
  ids: number[];
  yes: boolean;
}

interface DeleteText {
  description: string;
  ids: string;
  yes: string;
  examples: [string, string][];
  question: (count: number) => string;
  deleted: (count: number, ids: number[]) => string;
}

const TEXT: Record<Lang, DeleteText> = {
  en: {
    description: 'Delete posts: shows them and asks first (their numbers are never given again)',
    ids: 'post numbers',
    yes: 'delete without asking (needed when stdin is not a terminal)',
    examples: [
      ['postboard delete 2913', 'shows the post, asks, deletes'],
      ['postboard delete 2913 2914 --yes', 'from a script'],
      ['postboard undo', 'changed your mind: bring them back'],
    ],
    question: (count) => `Delete ${count === 1 ? 'this post' : `these ${count} posts`}?`,
    deleted: (count, ids) => `Deleted ${count} ${count === 1 ? 'post' : 'posts'}: ${ids.join(', ')}`,
  },
  ko: {
    description: '글 지우기: 먼저 보여 주고 묻습니다 (지운 번호는 다시 쓰지 않음)',
    ids: '글 번호',
    yes: '묻지 않고 지우기 (표준 입력이 터미널이 아니면 필요)',
    examples: [
      ['postboard delete 2913', '글을 보여 주고, 묻고, 지웁니다'],
      ['postboard delete 2913 2914 --yes', '스크립트에서'],
      ['postboard undo', '마음이 바뀌면 되살리기'],
    ],
    question: (count) => (count === 1 ? '이 글을 지울까요?' : `글 ${count}개를 지울까요?`),
    deleted: (count, ids) => `글 ${count}개를 지웠습니다: ${ids.join(', ')}`,
  },
};

export const summary = (lang: Lang): string => TEXT[lang].description;

export function register(program: Command, ctx: Context, run = runDelete): void {
  const text = TEXT[ctx.lang];
  program
    .command(name)
    .alias('rm')
    .description(text.description)
    .argument('<ids...>', text.ids)
    .option('-y, --yes', text.yes)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (ids: string[], raw: { yes?: boolean }) =>
      run(ctx, { ids: [...new Set(ids.map((id) => parsePostNumber(id, ctx.t, name)))], yes: Boolean(raw.yes) }),
    );
}

export async function runDelete(ctx: Context, options: DeleteOptions): Promise<void> {
  const text = TEXT[ctx.lang];
  const store = ctx.board();
  await store.assertWritable();
  await assertBoard(ctx);
  const doomed = await findPosts(ctx, store, options.ids);
  await confirmOrRefuse(ctx, {
    yes: options.yes,
    command: name,
    question: text.question(doomed.length),
    byDefault: false,
    preview: async () => ctx.out(await renderPostTable(doomed, DEFAULT_LIST_FIELDS, { t: ctx.t, style: await ctx.style(), width: outputWidth(ctx.io, undefined) })),
  });
  const { result: deleted } = await store.change({ command: 'delete', at: ctx.io.now(), who: await changeAuthor(ctx.io.env) }, async (tx) => {
    // Looked for again in the freshest board: one deleted meanwhile is said, and nothing is.
    const posts = await findPosts(ctx, tx, options.ids);
    await tx.remove(posts);
    return posts;
  });
  // In the order they were named.
  const ids = options.ids.filter((id) => deleted.some((post) => post.id === id));
  ctx.say(text.deleted(deleted.length, ids));
}
