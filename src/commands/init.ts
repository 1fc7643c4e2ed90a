import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { Lang } from '../i18n/index.js';
import { examples } from '../cmdutil/examples.js';

/** `postboard init`: makes a board where --db names one (a PostgreSQL database's tables, above all). */

export const name = 'init';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '';
export const aliases: readonly string[] = [];

interface InitText {
  description: string;
  examples: [string, string][];
  made: (board: string, kind: string) => string;
  there: (board: string, posts: string) => string;
  kinds: Record<'json' | 'sqlite' | 'postgres', string>;
}

const TEXT: Record<Lang, InitText> = {
  en: {
    description: 'Make a board where --db names one: the tables of a PostgreSQL board (no other command makes them), a SQLite file, a JSON file',
    examples: [
      ['postboard init --db postgres://board@db.example.go.kr/news', "a team's board, in its own database"],
      ["postboard init --db 'postgres://board@db.example.go.kr/news?schema=esg'", 'a second board in the same database'],
      ['postboard init --db archive.sqlite', 'an archive of millions of posts, in one file'],
    ],
    made: (board, kind) => `Made ${kind} at ${board}.`,
    there: (board, posts) => `${board} is a board already (${posts}); nothing changed.`,
    kinds: { json: 'a JSON board', sqlite: 'a SQLite board', postgres: 'a PostgreSQL board' },
  },
  ko: {
    description: '--db가 가리키는 곳에 게시판 만들기: PostgreSQL 게시판의 테이블(다른 명령은 만들지 않음), SQLite 파일, JSON 파일',
    examples: [
      ['postboard init --db postgres://board@db.example.go.kr/news', '팀 게시판을 그 데이터베이스에'],
      ["postboard init --db 'postgres://board@db.example.go.kr/news?schema=esg'", '같은 데이터베이스에 둘째 게시판'],
      ['postboard init --db archive.sqlite', '수백만 건 보관용, 파일 하나로'],
    ],
    made: (board, kind) => `만들었습니다: ${kind} (${board}).`,
    there: (board, posts) => `이미 게시판입니다: ${board} (${posts}). 바꾼 것 없음.`,
    kinds: { json: 'JSON 게시판', sqlite: 'SQLite 게시판', postgres: 'PostgreSQL 게시판' },
  },
};

export const summary = (lang: Lang): string => TEXT[lang].description;

export function register(program: Command, ctx: Context, run = runInit): void {
  const text = TEXT[ctx.lang];
  program
    .command(name)
    .description(text.description)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async () => run(ctx));
}

export async function runInit(ctx: Context): Promise<void> {
  const text = TEXT[ctx.lang];
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
