import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { Lang, Messages } from '../i18n/index.js';
import { outputWidth } from '../io.js';
import { OptionParser } from '../options.js';
import { renderPostView } from '../render/posts.js';
import { assertBoard, findPost } from '../cmdutil/find.js';
import { writeJsonPost } from '../cmdutil/json-output.js';
import { examples } from '../cmdutil/examples.js';

export const SHOW_FORMATS = ['text', 'json'] as const;

export interface ShowOptions {
  id: number;
  format: (typeof SHOW_FORMATS)[number];
  width: number | undefined;
}

interface RawShowOptions {
  format?: string;
  width?: string;
}

const HELP: Record<Lang, { description: string; id: string; options: Record<string, string>; examples: [string, string][] }> = {
  en: {
    description: 'Show one post in full: title, details, body and source',
    id: 'the post number (번호)',
    options: {
      format: `output format: ${SHOW_FORMATS.join(', ')} (json: the post as stored)`,
      width: 'wrap to this many columns (default: COLUMNS, else the terminal)',
    },
    examples: [
      ['postboard show 2912', 'read a press release'],
      ['postboard show 2912 --format json | jq .source.url', 'its source URL'],
      ['postboard show 2912 --width 60 | less', 'wrapped for a narrow pager'],
    ],
  },
  ko: {
    description: '글 하나를 자세히: 제목, 정보, 내용, 출처',
    id: '글 번호',
    options: {
      format: `출력 형식: ${SHOW_FORMATS.join(', ')} (json: 저장된 그대로)`,
      width: '이 칸 수에 맞춰 줄 바꿈 (기본: COLUMNS, 없으면 터미널 너비)',
    },
    examples: [
      ['postboard show 2912', '보도자료 읽기'],
      ['postboard show 2912 --format json | jq .source.url', '출처 URL만'],
      ['postboard show 2912 --width 60 | less', '좁은 화면에 맞춰 줄 바꿈'],
    ],
  },
};

export const name = 'show';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options] <id>';
export const aliases: readonly string[] = [];
export const summary = (lang: Lang): string => HELP[lang].description;

export function register(program: Command, ctx: Context, run = runShow): void {
  const help = HELP[ctx.lang];
  program
    .command('show')
    .description(help.description)
    .argument('<id>', help.id)
    .option('-f, --format <format>', help.options.format)
    .option('-w, --width <columns>', help.options.width)
    .addHelpText('after', examples(ctx.lang, help.examples))
    .action(async (id: string, raw: RawShowOptions) => run(ctx, parseShowOptions(id, raw, ctx)));
}

/** A post number as typed on the command line: digits only, so `12abc` and `1e3` are refused. */
export function parsePostNumber(text: string, t: Messages, command: string): number {
  const trimmed = text.trim().replace(/^#/, '');
  const id = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || id < 1 || !Number.isSafeInteger(id)) throw new UsageError(t.usage.postNumber(text), command);
  return id;
}

export function parseShowOptions(id: string, raw: RawShowOptions, ctx: Context): ShowOptions {
  const parse = new OptionParser(ctx, 'show');
  return {
    id: parsePostNumber(id, ctx.t, 'show'),
    format: parse.choice('--format', SHOW_FORMATS, raw.format) ?? 'text',
    width: parse.wholeNumber('--width', raw.width),
  };
}

export async function runShow(ctx: Context, options: ShowOptions): Promise<void> {
  const store = ctx.board();
  await assertBoard(ctx);
  const post = await findPost(ctx, store, options.id);
  if (options.format === 'json') return writeJsonPost(ctx, post);
  const style = await ctx.style();
  await ctx.page(await renderPostView(post, { t: ctx.t, style, width: outputWidth(ctx.io, options.width) }));
}
