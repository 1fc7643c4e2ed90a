import { readInputFile } from '../files/read.js';
import type { Command } from 'commander';
import type { FieldIssue, InputField, PostDraft } from '../board/post.js';
import type { Context } from '../context.js';
import { PostboardError } from '../errors.js';
import { decodeText, DecodeError } from '../files/decode.js';
import type { Lang } from '../i18n/index.js';
import type { OptionParser } from '../options.js';

/** The flag that sets each field: the words errors use when the input came from flags. */
export const FIELD_FLAGS: Record<InputField, string> = {
  title: '--title',
  author: '--author',
  department: '--department',
  date: '--date',
  status: '--status',
  body: '--body',
  'source.agency': '--source-agency',
  'source.date': '--source-date',
  'source.url': '--source-url',
};

/** The post's fields as commander hands them over, shared by `add` and `edit`. */
export interface RawPostFields {
  title?: string;
  author?: string;
  department?: string;
  date?: string;
  status?: string;
  body?: string;
  bodyFile?: string;
  sourceAgency?: string;
  sourceDate?: string;
  sourceUrl?: string;
}

const HELP: Record<Lang, Record<keyof RawPostFields, string>> = {
  en: {
    title: 'the title (up to 200 characters)',
    author: 'the author',
    department: 'the responsible department',
    date: 'the post date, YYYY-MM-DD',
    status: 'published or hidden',
    body: 'the body text',
    bodyFile: 'read the body from a file, or - for stdin',
    sourceAgency: 'the source agency, e.g. 행정안전부',
    sourceDate: "the source's date, YYYY-MM-DD",
    sourceUrl: 'the source URL (http or https)',
  },
  ko: {
    title: '제목 (200자까지)',
    author: '글쓴이',
    department: '담당부서',
    date: '게시 날짜, YYYY-MM-DD',
    status: 'published(노출) 또는 hidden(비노출)',
    body: '내용',
    bodyFile: '내용을 파일에서 읽기, - 이면 표준 입력',
    sourceAgency: '출처 기관, 예: 행정안전부',
    sourceDate: '출처 날짜, YYYY-MM-DD',
    sourceUrl: '출처 URL (http 또는 https)',
  },
};

/** Declares the field flags; `extra` adds to a flag's help (e.g. its default in `add`). */
export function addPostFieldOptions(command: Command, lang: Lang, extra: Partial<Record<keyof RawPostFields, string>> = {}): Command {
  const help = (key: keyof RawPostFields) => (extra[key] ? `${HELP[lang][key]} ${extra[key]}` : HELP[lang][key]);
  return command
    .option('-t, --title <text>', help('title'))
    .option('-a, --author <name>', help('author'))
    .option('-d, --department <name>', help('department'))
    .option('--date <date>', help('date'))
    .option('--status <status>', help('status'))
    .option('-b, --body <text>', help('body'))
    .option('--body-file <path>', help('bodyFile'))
    .option('--source-agency <name>', help('sourceAgency'))
    .option('--source-date <date>', help('sourceDate'))
    .option('--source-url <url>', help('sourceUrl'));
}

/** The fields given as flags, by field. `--body-file` is read later, by the command. */
export function draftFromFlags(raw: RawPostFields, parse: OptionParser): PostDraft {
  parse.conflict(['--body', raw.body], ['--body-file', raw.bodyFile]);
  const given: Record<InputField, string | undefined> = {
    title: raw.title,
    author: raw.author,
    department: raw.department,
    date: raw.date,
    status: raw.status,
    body: raw.body,
    'source.agency': raw.sourceAgency,
    'source.date': raw.sourceDate,
    'source.url': raw.sourceUrl,
  };
  const draft: PostDraft = {};
  for (const [field, value] of Object.entries(given) as [InputField, string | undefined][]) {
    if (value !== undefined) draft[field] = value;
  }
  return draft;
}

/** A field's problem, named by the flag that set it: `--date "2024-02-30" is not a real …`. */
export const describeFlagIssue = (issue: FieldIssue, ctx: Context): string =>
  ctx.t.fieldIssue(issue, FIELD_FLAGS[issue.field as InputField]);

const FROM_TERMINAL: Record<Lang, string> = {
  en: 'Reading from the terminal: type, then press Ctrl+D on an empty line to end.',
  ko: '터미널에서 읽습니다: 입력한 뒤 빈 줄에서 Ctrl+D를 누르면 끝납니다.',
};

/** Everything on stdin; when that is a terminal, the person typing is told how to end. */
export async function readStdin(ctx: Context): Promise<Buffer> {
  if (ctx.io.stdin.isTTY) ctx.note(FROM_TERMINAL[ctx.lang]);
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

const BODY_FILE: Record<Lang, (path: string, code: string) => string> = {
  en: (path, code) => `--body-file: cannot read ${path} (${code})`,
  ko: (path, code) => `--body-file: 읽을 수 없습니다: ${path} (${code})`,
};

/**
 * The body from `--body-file`: a file, or stdin for `-`. Its encoding is found as `import` finds
 * one (UTF-8 with or without BOM, UTF-16 with BOM, CP949 from a Korean Windows editor); a file
 * that is none of them whole is refused, naming the line.
 */
export async function readBodyFile(ctx: Context, path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = path === '-' ? await readStdin(ctx) : readInputFile(path);
  } catch (error) {
    throw new PostboardError(BODY_FILE[ctx.lang](path, ctx.t.ioCode((error as NodeJS.ErrnoException).code ?? 'EIO')));
  }
  try {
    return (await decodeText(bytes, { places: 'lines' })).text;
  } catch (error) {
    if (error instanceof DecodeError) throw new PostboardError(`--body-file: ${ctx.t.decode(path === '-' ? 'stdin' : path, error.problem)}`);
    throw error;
  }
}
