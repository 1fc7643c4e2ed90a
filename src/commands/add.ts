import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { addPost, nextPostNumber, postWithSource } from '../board/changes.js';
import { localDate } from '../board/dates.js';
import { checkDraft, type FieldIssue, type InputField, type Post, type PostContent, type PostDraft } from '../board/post.js';
import type { Context } from '../context.js';
import { InvalidInputError, PostboardError, UsageError } from '../errors.js';
import type { Lang } from '../i18n.js';
import { canPrompt, outputWidth } from '../io.js';
import { OptionParser } from '../options.js';
import { renderPostView } from '../render/posts.js';
import { visibleLine } from '../render/sanitize.js';
import type { Board } from '../store/index.js';
import { examples } from './help.js';

export const ADD_FORMATS = ['text', 'json'] as const;

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

const REQUIRED: readonly InputField[] = ['title', 'author'];

export interface AddOptions {
  /** The fields given as flags (or by POSTBOARD_AUTHOR), not yet checked. */
  draft: PostDraft;
  /** `--body-file`: a path, or `-` for stdin. */
  bodyFile: string | undefined;
  yes: boolean;
  dryRun: boolean;
  quiet: boolean;
  allowDuplicate: boolean;
  format: (typeof ADD_FORMATS)[number];
}

interface RawAddOptions {
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
  yes?: boolean;
  dryRun?: boolean;
  quiet?: boolean;
  allowDuplicate?: boolean;
  format?: string;
}

interface AddText {
  description: string;
  options: Record<string, string>;
  examples: [string, string][];
  added: (id: number, title: string) => string;
  dryRun: (id: number) => string;
  missing: (flags: string[]) => string;
  duplicate: (id: number) => string;
  confirm: string;
  bodyFile: (path: string, code: string) => string;
}

const TEXT: Record<Lang, AddText> = {
  en: {
    description: 'Post a press release: asks for what is missing on a terminal, or takes it all as flags',
    options: {
      title: 'the title (required, up to 200 characters)',
      author: 'the author (required; default POSTBOARD_AUTHOR)',
      department: 'the responsible department',
      date: 'the post date, YYYY-MM-DD (default today)',
      status: 'published or hidden (default published)',
      body: 'the body text',
      bodyFile: 'read the body from a file, or - for stdin',
      sourceAgency: 'the source agency, e.g. 행정안전부',
      sourceDate: 'the source\'s date, YYYY-MM-DD',
      sourceUrl: 'the source URL (http or https)',
      yes: 'post without asking for confirmation',
      dryRun: 'check and show the post, but do not add it',
      quiet: 'print only the new post\'s number',
      allowDuplicate: 'post even if the source URL is already on the board',
      format: `output: ${ADD_FORMATS.join(', ')} (json: the post as stored)`,
    },
    examples: [
      ['postboard add', 'on a terminal: asks for each field, shows a preview, asks to post'],
      [
        'postboard add --title "청정수소 협력 확대" --author 한국생산성본부 --department 산업통상자원부 --body-file release.txt --source-url https://www.korea.kr/… --yes',
        'from a script: everything as flags',
      ],
      ['curl -s https://…/release.txt | postboard add --title "…" --author "…" --body-file -', 'the body from stdin'],
      ['postboard add --title "…" --author "…" --dry-run --format json', 'check a post without adding it'],
    ],
    added: (id, title) => `Added post ${id}: ${title}`,
    dryRun: (id) => `Dry run: post ${id} checked, nothing added.`,
    missing: (flags) => `missing ${flags.join(' and ')}: stdin is not a terminal, so postboard cannot ask for ${flags.length > 1 ? 'them' : 'it'}`,
    duplicate: (id) => `this source URL is already on the board as post ${id}; add --allow-duplicate to post it anyway`,
    confirm: 'Post it?',
    bodyFile: (path, code) => `--body-file: cannot read ${path} (${code})`,
  },
  ko: {
    description: '보도자료 올리기: 터미널에서는 빠진 것을 묻고, 스크립트에서는 옵션으로 모두 받습니다',
    options: {
      title: '제목 (필수, 200자까지)',
      author: '글쓴이 (필수; 기본 POSTBOARD_AUTHOR)',
      department: '담당부서',
      date: '게시 날짜, YYYY-MM-DD (기본 오늘)',
      status: 'published(노출) 또는 hidden(비노출) (기본 published)',
      body: '내용',
      bodyFile: '내용을 파일에서 읽기, - 이면 표준 입력',
      sourceAgency: '출처 기관, 예: 행정안전부',
      sourceDate: '출처 날짜, YYYY-MM-DD',
      sourceUrl: '출처 URL (http 또는 https)',
      yes: '확인 없이 바로 올리기',
      dryRun: '확인하고 보여 주기만 하고 올리지 않기',
      quiet: '새 글 번호만 출력',
      allowDuplicate: '같은 출처 URL이 이미 있어도 올리기',
      format: `출력: ${ADD_FORMATS.join(', ')} (json: 저장된 그대로)`,
    },
    examples: [
      ['postboard add', '터미널에서: 항목마다 묻고, 미리 보여 주고, 올릴지 묻습니다'],
      [
        'postboard add --title "청정수소 협력 확대" --author 한국생산성본부 --department 산업통상자원부 --body-file release.txt --source-url https://www.korea.kr/… --yes',
        '스크립트에서: 모두 옵션으로',
      ],
      ['curl -s https://…/release.txt | postboard add --title "…" --author "…" --body-file -', '내용을 표준 입력으로'],
      ['postboard add --title "…" --author "…" --dry-run --format json', '올리지 않고 확인만'],
    ],
    added: (id, title) => `${id}번 글을 올렸습니다: ${title}`,
    dryRun: (id) => `시험 실행: ${id}번 글을 확인만 했고 올리지 않았습니다.`,
    missing: (flags) => `${flags.join(', ')}이(가) 없습니다: 표준 입력이 터미널이 아니라서 물어볼 수 없습니다`,
    duplicate: (id) => `이 출처 URL은 이미 ${id}번 글에 있습니다. 그래도 올리려면 --allow-duplicate`,
    confirm: '이대로 올릴까요?',
    bodyFile: (path, code) => `--body-file: ${path}을(를) 읽을 수 없습니다 (${code})`,
  },
};

export const name = 'add';
export const aliases: readonly string[] = [];
export const summary = (lang: Lang): string => TEXT[lang].description;

export function register(program: Command, ctx: Context, run = runAdd): void {
  const text = TEXT[ctx.lang];
  const o = text.options;
  program
    .command('add')
    .description(text.description)
    .option('-t, --title <text>', o.title)
    .option('-a, --author <name>', o.author)
    .option('-d, --department <name>', o.department)
    .option('--date <date>', o.date)
    .option('--status <status>', o.status)
    .option('-b, --body <text>', o.body)
    .option('--body-file <path>', o.bodyFile)
    .option('--source-agency <name>', o.sourceAgency)
    .option('--source-date <date>', o.sourceDate)
    .option('--source-url <url>', o.sourceUrl)
    .option('-y, --yes', o.yes)
    .option('--dry-run', o.dryRun)
    .option('-q, --quiet', o.quiet)
    .option('--allow-duplicate', o.allowDuplicate)
    .option('-f, --format <format>', o.format)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (raw: RawAddOptions) => run(ctx, parseAddOptions(raw, ctx)));
}

export function parseAddOptions(raw: RawAddOptions, ctx: Context): AddOptions {
  const parse = new OptionParser(ctx, 'add');
  parse.conflict(['--body', raw.body], ['--body-file', raw.bodyFile]);
  parse.conflict(['--quiet', raw.quiet], ['--format', raw.format]);
  const given: Record<InputField, string | undefined> = {
    title: raw.title,
    author: raw.author ?? (ctx.io.env.POSTBOARD_AUTHOR || undefined),
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
  return {
    draft,
    bodyFile: raw.bodyFile,
    yes: Boolean(raw.yes),
    dryRun: Boolean(raw.dryRun),
    quiet: Boolean(raw.quiet),
    allowDuplicate: Boolean(raw.allowDuplicate),
    format: parse.choice('--format', ADD_FORMATS, raw.format) ?? 'text',
  };
}

export async function runAdd(ctx: Context, options: AddOptions): Promise<void> {
  const text = TEXT[ctx.lang];
  const draft: PostDraft = { ...options.draft };
  if (options.bodyFile !== undefined) draft.body = await readBodyFile(ctx, options.bodyFile, text);

  const missing = REQUIRED.filter((field) => draft[field] === undefined);
  const interactive = missing.length > 0;
  if (interactive && (!canPrompt(ctx.io) || options.bodyFile === '-')) {
    throw new UsageError(text.missing(missing.map((field) => FIELD_FLAGS[field])), 'add');
  }

  const store = ctx.board();
  let content: PostContent;
  if (interactive) {
    // Read now for the defaults a person is offered; the write re-reads inside the lock.
    const board = await store.read();
    content = await askForPost(ctx, draft, board, options.allowDuplicate);
    const preview = previewPost(board, content, ctx.io.now());
    ctx.out(await renderPostView(preview, { t: ctx.t, style: await ctx.style(), width: outputWidth(ctx.io, undefined) }));
    if (!options.yes && !options.dryRun) {
      const { confirmPost } = await import('../prompts/post-form.js');
      await confirmPost(ctx.io, ctx.lang, text.confirm);
    }
  } else {
    content = checkFlags(draft, ctx);
  }

  if (options.dryRun) {
    const board = await store.read();
    refuseDuplicate(board, content, options.allowDuplicate, text);
    const preview = previewPost(board, content, ctx.io.now());
    if (!interactive) await printPost(ctx, options, preview, undefined);
    ctx.note(text.dryRun(preview.id));
    return;
  }

  const post = await store.update((board) => {
    refuseDuplicate(board, content, options.allowDuplicate, text);
    return addPost(board, content, ctx.io.now());
  });
  await printPost(ctx, options, post, text.added(post.id, visibleLine(post.title)));
}

/** Flags become a post, or every field that is wrong is reported at once, by its flag. */
function checkFlags(draft: PostDraft, ctx: Context): PostContent {
  const today = localDate(ctx.io.now());
  const checked = checkDraft({ ...draft, title: draft.title ?? '', author: draft.author ?? '', date: draft.date ?? today, status: draft.status ?? 'published' });
  if ('issues' in checked) throw new InvalidInputError(checked.issues.map((issue) => describeFlagIssue(issue, ctx)));
  return checked.content;
}

function describeFlagIssue(issue: FieldIssue, ctx: Context): string {
  return ctx.t.fieldIssue(issue, FIELD_FLAGS[issue.field as InputField]);
}

async function askForPost(ctx: Context, draft: PostDraft, board: Board | undefined, allowDuplicate: boolean): Promise<PostContent> {
  const { askPost } = await import('../prompts/post-form.js');
  const posts = board?.posts ?? [];
  const newest = posts.reduce<Post | undefined>((best, post) => (!best || post.id > best.id ? post : best), undefined);
  const answers = await askPost({
    io: ctx.io,
    lang: ctx.lang,
    t: ctx.t,
    ask: (Object.keys(FIELD_FLAGS) as InputField[]).filter((field) => draft[field] === undefined),
    defaults: { author: newest?.author, date: localDate(ctx.io.now()), status: 'published' },
    departments: departmentsByUse(posts),
    duplicateOf: allowDuplicate || !board ? undefined : (url) => postWithSource(board, url)?.id,
  });
  // Flags given beside the prompts are checked by the same rules.
  return checkFlags({ ...draft, ...answers }, ctx);
}

/** The board's departments, the most used first. */
function departmentsByUse(posts: readonly Post[]): string[] {
  const counts = new Map<string, number>();
  for (const post of posts) if (post.department) counts.set(post.department, (counts.get(post.department) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ko')).map(([name]) => name);
}

function refuseDuplicate(board: Board | undefined, content: PostContent, allowDuplicate: boolean, text: AddText): void {
  if (allowDuplicate || !board) return;
  const existing = postWithSource(board, content.source?.url);
  if (existing) throw new PostboardError(text.duplicate(existing.id));
}

/** The post as it would be stored if added now (its number may still change under a race). */
function previewPost(board: Board | undefined, content: PostContent, now: Date): Post {
  const copy: Board = { schemaVersion: 1, lastId: board?.lastId ?? 0, posts: [] };
  return addPost(copy, content, now);
}

async function printPost(ctx: Context, options: AddOptions, post: Post, summary: string | undefined): Promise<void> {
  if (options.quiet) return ctx.out(String(post.id));
  if (options.format === 'json') return ctx.out(JSON.stringify(post, null, 2));
  if (summary) return ctx.out(summary);
  ctx.out(await renderPostView(post, { t: ctx.t, style: await ctx.style(), width: outputWidth(ctx.io, undefined) }));
}

async function readBodyFile(ctx: Context, path: string, text: AddText): Promise<string> {
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of ctx.io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      return stripBom(Buffer.concat(chunks).toString('utf8'));
    }
    return stripBom(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PostboardError(text.bodyFile(path, (error as NodeJS.ErrnoException).code ?? 'EIO'));
  }
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
