import type { Command } from 'commander';
import { changeAuthor } from '../board/log.js';
import { DEFAULT_LIST_FIELDS } from './list.js';
import type { Context } from '../context.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
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

export interface DeleteText {
  description: string;
  ids: string;
  yes: string;
  examples: [string, string][];
  question: (count: number) => string;
  deleted: (count: number, ids: number[]) => string;
}


export const summary = (lang: Lang): string => MESSAGES[lang].commands.delete.description;

export function register(program: Command, ctx: Context, run = runDelete): void {
  const text = ctx.t.commands.delete;
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
  const text = ctx.t.commands.delete;
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
