import type { Command } from 'commander';
import type { Context } from '../context.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { examples } from '../cmdutil/examples.js';
import type { BoardKind } from '../store/store.js';

/** `postboard init`: makes a board where --db names one (a PostgreSQL database's tables, above all). */

export const name = 'init';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '';
export const aliases: readonly string[] = [];

export interface InitText {
  description: string;
  examples: [string, string][];
  made: (board: string, kind: string) => string;
  there: (board: string, posts: string) => string;
  kinds: Record<BoardKind, string>;
}


export const summary = (lang: Lang): string => MESSAGES[lang].commands.init.description;

export function register(program: Command, ctx: Context, run = runInit): void {
  const text = ctx.t.commands.init;
  program
    .command(name)
    .description(text.description)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async () => run(ctx));
}

export async function runInit(ctx: Context): Promise<void> {
  const text = ctx.t.commands.init;
  const store = ctx.board();
  await store.assertWritable().catch((error: unknown) => {
    // A database without its tables cannot be "writable" yet: making them is what init is for.
    // Anything else (no server, no login) is said now, not after a second try to log in.
    if (store.kind !== 'postgres' || (error as { problem?: { kind?: string } }).problem?.kind !== 'no-tables') throw error;
  });
  const { made, info } = await store.init();
  if (made) ctx.say(text.made(store.name, text.kinds[store.kind]));
  else ctx.say(text.there(store.name, ctx.t.list.count(info.posts)));
}
