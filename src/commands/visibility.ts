import type { Command } from 'commander';
import type { Status } from '../board/post.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { withStatus } from '../board/changes.js';
import { changeAuthor } from '../board/log.js';
import { assertBoard, findPosts } from '../cmdutil/find.js';
import { examples } from '../cmdutil/examples.js';
import { parsePostNumber } from './show.js';

/** `hide` and `publish`: the status of one or more posts, as one change (all or nothing). */
export interface VisibilityText {
  description: string;
  ids: string;
  examples: [string, string][];
  done: (count: number, ids: number[]) => string;
  already: (ids: number[]) => string;
}


export interface VisibilityOptions {
  ids: number[];
  status: Status;
}

function visibilityCommand(name: 'hide' | 'publish', status: Status) {
  const run = async (ctx: Context, options: VisibilityOptions): Promise<void> => {
    const text = ctx.t.commands[status === 'hidden' ? 'hide' : 'publish'];
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
    summary: (lang: Lang) => MESSAGES[lang].commands[status === 'hidden' ? 'hide' : 'publish'].description,
    run,
    register(program: Command, ctx: Context, runCommand = run): void {
      const text = ctx.t.commands[status === 'hidden' ? 'hide' : 'publish'];
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
