import type { Command } from 'commander';
import type { Context } from '../context.js';
import { changeAuthor } from '../board/log.js';
import { NotFoundError, PostboardError, UsageError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { OptionParser } from '../options.js';
import { jsonBoardOf, type BoardProblem, type Repair } from '../store/index.js';
import { examples } from '../cmdutil/examples.js';
import { writeJsonValue } from '../cmdutil/json-output.js';

export const CHECK_FORMATS = ['text', 'json'] as const;

export interface CheckOptions {
  fix: boolean;
  format: (typeof CHECK_FORMATS)[number];
}

interface RawCheckOptions {
  fix?: boolean;
  format?: string;
}

/** The problems `--fix` can repair without guessing. */
const FIXABLE: ReadonlySet<BoardProblem['kind']> = new Set(['last-id-behind', 'not-nfc', 'bom']);
const isFixable = (problem: BoardProblem) =>
  FIXABLE.has(problem.kind) || (problem.kind === 'bad-header' && problem.field === 'lastId');

interface CheckText {
  description: string;
  options: Record<'fix' | 'format', string>;
  examples: [string, string][];
  healthy: (board: string, posts: number, lastId: number) => string;
  notJson: (board: string) => string;
  problems: (board: string, count: number, fixable: number) => string;
  backup: (path: string) => string;
  repair: (repair: Repair) => string;
  nothingToFix: string;
}

const TEXT: Record<Lang, CheckText> = {
  en: {
    description: 'Check the board file and report every problem in it; --fix repairs what needs no guessing',
    options: {
      fix: 'repair lastId and decomposed Hangul (after keeping a backup), then check again',
      format: `output: ${CHECK_FORMATS.join(', ')}`,
    },
    examples: [
      ['postboard check', 'is the board sound?'],
      ['postboard check --fix', 'repair what can be repaired, keeping the old file as .bak'],
      ['postboard check --db archive.json --format json', 'the problems, for a script'],
    ],
    healthy: (board, posts, lastId) => `${board}: ${posts} ${posts === 1 ? 'post' : 'posts'}, lastId ${lastId}, no problems.`,
    notJson: (board) => `check reads a JSON board file; ${board} is a database, which keeps its own structure (postboard log shows its changes)`,
    problems: (board, count, fixable) =>
      `${board} has ${count} ${count === 1 ? 'problem' : 'problems'}${fixable > 0 ? ` (${fixable} can be fixed with --fix)` : ''}`,
    backup: (path) => `Kept the board as it was in ${path}`,
    repair: (repair) => {
      switch (repair.kind) {
        case 'bom':
          return 'Fixed: removed the byte-order mark';
        case 'schema-version':
          return `Fixed: set schemaVersion to ${repair.to}`;
        case 'last-id':
          return `Fixed: lastId ${JSON.stringify(repair.from) ?? 'missing'} → ${repair.to}`;
        case 'nfc':
          return `Fixed: ${repair.id === undefined ? `posts[${repair.index}]` : `post ${repair.id}`} ${repair.field} composed to NFC`;
      }
    },
    nothingToFix: 'Nothing to fix; the file was not written.',
  },
  ko: {
    description: '게시판 파일을 검사해 문제를 모두 알립니다. --fix는 추측 없이 고칠 수 있는 것을 고칩니다',
    options: {
      fix: 'lastId와 풀어쓴 한글을 고치고(백업을 먼저 남김) 다시 검사',
      format: `출력: ${CHECK_FORMATS.join(', ')}`,
    },
    examples: [
      ['postboard check', '게시판 파일이 온전한가?'],
      ['postboard check --fix', '고칠 수 있는 것을 고치고, 이전 파일은 .bak으로'],
      ['postboard check --db archive.json --format json', '스크립트용 문제 목록'],
    ],
    healthy: (board, posts, lastId) => `${board}: 글 ${posts}개, lastId ${lastId}, 문제 없음.`,
    notJson: (board) => `check는 JSON 게시판 파일을 읽습니다. 이 게시판은 데이터베이스이며 구조를 스스로 지킵니다 (${board}; 변경은 postboard log로 봅니다)`,
    problems: (board, count, fixable) => `${board}에 문제가 ${count}개 있습니다${fixable > 0 ? ` (${fixable}개는 --fix로 고칠 수 있음)` : ''}`,
    backup: (path) => `이전 게시판을 ${path}에 남겼습니다`,
    repair: (repair) => {
      switch (repair.kind) {
        case 'bom':
          return '고침: 바이트 순서 표식(BOM) 제거';
        case 'schema-version':
          return `고침: schemaVersion → ${repair.to}`;
        case 'last-id':
          return `고침: lastId ${JSON.stringify(repair.from) ?? '없음'} → ${repair.to}`;
        case 'nfc':
          return `고침: ${repair.id === undefined ? `posts[${repair.index}]` : `${repair.id}번 글`} ${repair.field}: NFC로 합침`;
      }
    },
    nothingToFix: '고칠 것이 없어 파일을 쓰지 않았습니다.',
  },
};

export const name = 'check';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options]';
export const aliases: readonly string[] = [];
export const summary = (lang: Lang): string => TEXT[lang].description;

export function register(program: Command, ctx: Context, run = runCheck): void {
  const text = TEXT[ctx.lang];
  program
    .command('check')
    .description(text.description)
    .option('--fix', text.options.fix)
    .option('-f, --format <format>', text.options.format)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (raw: RawCheckOptions) => run(ctx, parseCheckOptions(raw, ctx)));
}

export function parseCheckOptions(raw: RawCheckOptions, ctx: Context): CheckOptions {
  const parse = new OptionParser(ctx, 'check');
  return { fix: Boolean(raw.fix), format: parse.choice('--format', CHECK_FORMATS, raw.format) ?? 'text' };
}

export async function runCheck(ctx: Context, options: CheckOptions): Promise<void> {
  const text = TEXT[ctx.lang];
  // A JSON file is read by hand and can be broken by hand: this is its tool. A database keeps
  // its own structure (types, keys, transactions) and has nothing of the kind to check.
  const store = jsonBoardOf(ctx.board());
  if (!store) throw new UsageError(text.notJson(ctx.board().name), 'check');
  let repairs: Repair[] = [];
  let backup: string | undefined;
  if (options.fix && (await store.check())?.some(isFixable)) ({ repairs, backup } = await store.repair({ at: ctx.io.now(), who: await changeAuthor(ctx.io.env) }));
  const problems = await store.check();
  if (problems === undefined) throw new NotFoundError(ctx.t.notFound.noBoard(store.name));

  if (options.format === 'json') {
    writeJsonValue(ctx, { board: store.name, fixed: repairs, problems: problems.map((problem) => ({ ...problem, message: ctx.t.problem(problem) })) });
  } else {
    if (repairs.length > 0) ctx.say([...(backup ? [text.backup(backup)] : []), ...repairs.map(text.repair)]);
    else if (options.fix) ctx.note(text.nothingToFix);
    if (problems.length > 0) ctx.say(problems.map((problem) => `${store.name}: ${ctx.t.problem(problem)}`));
  }
  if (problems.length > 0) throw new PostboardError(text.problems(store.name, problems.length, problems.filter(isFixable).length));
  if (options.format === 'text') {
    const info = await store.info();
    ctx.say(text.healthy(store.name, info.posts, info.lastId));
  }
}
