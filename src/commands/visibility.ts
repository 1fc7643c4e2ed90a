import type { Command } from 'commander';
import type { Status } from '../board/post.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { withStatus } from '../board/changes.js';
import { changeAuthor } from '../board/log.js';
import { assertBoard, findPosts } from '../cmdutil/find.js';
import { examples } from '../cmdutil/examples.js';
import { parsePostNumber } from './show.js';

/** `hide` and `publish`: the status of one or more posts, as one change (all or nothing). */
interface VisibilityText {
  description: string;
  ids: string;
  examples: [string, string][];
  done: (count: number, ids: number[]) => string;
  already: (ids: number[]) => string;
}

const TEXT: Record<Status, Record<Lang, VisibilityText>> = {
  hidden: {
    en: {
      description: 'Hide posts (비노출): kept on the board, marked hidden',
      ids: 'post numbers',
      examples: [['postboard hide 2913 2914', 'hide two posts']],
      done: (count, ids) => `Hid ${count} ${count === 1 ? 'post' : 'posts'}: ${ids.join(', ')}`,
      already: (ids) => `Already hidden: ${ids.join(', ')}; nothing changed.`,
    },
    ko: {
      description: '글 숨기기 (비노출): 게시판에 두고 비노출로 표시',
      ids: '글 번호',
      examples: [['postboard hide 2913 2914', '두 글 숨기기']],
      done: (count, ids) => `글 ${count}개를 숨겼습니다: ${ids.join(', ')}`,
      already: (ids) => `이미 비노출: ${ids.join(', ')}. 바뀐 것이 없습니다.`,
    },
  },
  published: {
    en: {
      description: 'Publish posts (노출)',
      ids: 'post numbers',
      examples: [['postboard publish 2913', 'show a hidden post again']],
      done: (count, ids) => `Published ${count} ${count === 1 ? 'post' : 'posts'}: ${ids.join(', ')}`,
      already: (ids) => `Already published: ${ids.join(', ')}; nothing changed.`,
    },
    ko: {
      description: '글 노출하기',
      ids: '글 번호',
      examples: [['postboard publish 2913', '숨긴 글을 다시 보이기']],
      done: (count, ids) => `글 ${count}개를 노출했습니다: ${ids.join(', ')}`,
      already: (ids) => `이미 노출: ${ids.join(', ')}. 바뀐 것이 없습니다.`,
    },
  },
};

export interface VisibilityOptions {
  ids: number[];
  status: Status;
}

function visibilityCommand(name: 'hide' | 'publish', status: Status) {
  const run = async (ctx: Context, options: VisibilityOptions): Promise<void> => {
    const text = TEXT[status][ctx.lang];
    const store = ctx.board();
    await store.assertWritable();
    await assertBoard(ctx);
    const { result: changed } = await store.change({ command: name, at: ctx.io.now(), who: await changeAuthor(ctx.io.env) }, async (tx) => {
      const ids: number[] = [];
      for (const post of await findPosts(ctx, tx, options.ids)) {
        const after = withStatus(post, status, ctx.io.now());
        if (!after) continue;
        await tx.update(post, after);
        ids.push(post.id);
      }
      return ids;
    });
    if (changed.length === 0) ctx.note(text.already(options.ids));
    else ctx.say(text.done(changed.length, changed));
  };
  return {
    name,
    aliases: [] as readonly string[],
    term: '<ids...>',
    summary: (lang: Lang) => TEXT[status][lang].description,
    run,
    register(program: Command, ctx: Context, runCommand = run): void {
      const text = TEXT[status][ctx.lang];
      program
        .command(name)
        .description(text.description)
        .argument('<ids...>', text.ids)
        .addHelpText('after', examples(ctx.lang, text.examples))
        .action(async (ids: string[]) => {
          const numbers = ids.map((id) => parsePostNumber(id, ctx.t, name));
          if (numbers.length === 0) throw new UsageError(ctx.t.usage.postNumber(''), name);
          return runCommand(ctx, { ids: [...new Set(numbers)], status });
        });
    },
  };
}

export const hide = visibilityCommand('hide', 'hidden');
export const publish = visibilityCommand('publish', 'published');
