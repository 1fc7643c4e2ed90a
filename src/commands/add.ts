import type { Command } from 'commander';
import { newPost, newPostNumber, postWithSource, REQUIRED_INPUT } from '../board/changes.js';
import { localDate } from '../board/dates.js';
import { changeAuthor } from '../board/log.js';
import { checkDraft, INPUT_FIELD_NAMES, type InputField, type Post, type PostContent, type PostDraft } from '../board/post.js';
import type { Draft } from '../drafts.js';
import { sameDatabase } from '../store/index.js';
import type { Context } from '../context.js';
import { Cancelled, Declined, InvalidInputError, PostboardError, UsageError } from '../errors.js';
import { confirmOrDecline } from '../cmdutil/confirm.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { canPrompt, outputWidth } from '../io.js';
import { OptionParser } from '../options.js';
import { renderPostView } from '../render/posts.js';
import type { BoardReads, BoardTransaction } from '../store/store.js';
import { examples } from '../cmdutil/examples.js';
import { writeJsonPost, writeJsonValue } from '../cmdutil/json-output.js';
import { addPostFieldOptions, describeFlagIssue, draftFromFlags, FIELD_FLAGS, readBodyFile, type RawPostFields } from '../cmdutil/post-fields.js';
import { ADD_FORMATS } from '../cmdutil/choices.js';



export interface AddOptions {
  /** The fields given as flags, not yet checked. */
  draft: PostDraft;
  /** POSTBOARD_AUTHOR: the author when none is given, and the author prompt's default. */
  defaultAuthor: string | undefined;
  /** `--body-file`: a path, or `-` for stdin. */
  bodyFile: string | undefined;
  /** `--from-draft`: a draft kept when an earlier add could not be saved. */
  fromDraft: string | undefined;
  yes: boolean;
  dryRun: boolean;
  quiet: boolean;
  allowDuplicate: boolean;
  format: (typeof ADD_FORMATS)[number];
}

interface RawAddOptions extends RawPostFields {
  fromDraft?: string;
  yes?: boolean;
  dryRun?: boolean;
  quiet?: boolean;
  allowDuplicate?: boolean;
  format?: string;
}

export interface AddText {
  description: string;
  options: Record<string, string>;
  examples: [string, string][];
  added: (id: number, title: string) => string;
  addedTo: (id: number, title: string, board: string) => string;
  dryRun: string;
  draftNeedsYes: string;
  draftUnfinished: (flags: string[], bodyCut: boolean) => string;
  missing: (flags: string[]) => string;
  duplicate: (id: number) => string;
  confirm: string;
  defaults: Partial<Record<InputField, string>>;
  fromDraft: string;
  draftKept: (path: string, command: string) => string;
  draftLost: (json: string) => string;
  draftUsed: (path: string) => string;
  resuming: (board: string, title: string) => string;
  badDraft: (path: string, why: string) => string;
}


export const name = 'add';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options]';
export const aliases: readonly string[] = [];
export const summary = (lang: Lang): string => MESSAGES[lang].commands.add.description;

export function register(program: Command, ctx: Context, run = runAdd): void {
  const text = ctx.t.commands.add;
  const o = text.options;
  addPostFieldOptions(program.command('add').description(text.description), ctx.t, text.defaults)
    .option('--from-draft <path>', text.fromDraft)
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
  parse.conflict(['--quiet', raw.quiet], ['--format', raw.format]);
  return {
    draft: draftFromFlags(raw, parse),
    defaultAuthor: ctx.io.env.POSTBOARD_AUTHOR || undefined,
    bodyFile: raw.bodyFile,
    fromDraft: raw.fromDraft,
    yes: Boolean(raw.yes),
    dryRun: Boolean(raw.dryRun),
    quiet: Boolean(raw.quiet),
    allowDuplicate: Boolean(raw.allowDuplicate),
    format: parse.choice('--format', ADD_FORMATS, raw.format) ?? 'text',
  };
}

export async function runAdd(ctx: Context, options: AddOptions): Promise<void> {
  const text = ctx.t.commands.add;
  const saved = options.fromDraft ? await loadDraft(ctx, options.fromDraft, text) : undefined;
  // A draft goes to the board it was written for, unless another is named now. It keeps no
  // password: POSTBOARD_DB gives it when it names the same database (else PGPASSWORD, ~/.pgpass).
  if (saved?.board && !ctx.global.db) {
    const named = ctx.io.env.POSTBOARD_DB;
    ctx.global.db = named && sameDatabase(saved.board, named) ? named : saved.board;
  }
  const draft: PostDraft = { ...saved?.post, ...options.draft };
  if (options.bodyFile !== undefined) draft.body = await readBodyFile(ctx, options.bodyFile);
  // The questions answered already: a draft's, and every field given now as a flag.
  const answered = new Set<InputField>([...(saved?.answered ?? []), ...(Object.keys(draft) as InputField[]).filter((field) => !saved || field in options.draft || (field === 'body' && options.bodyFile !== undefined))]);
  const unanswered = INPUT_FIELD_NAMES.filter((field) => !answered.has(field));
  const terminal = canPrompt(ctx.io) && options.bodyFile !== '-';

  let interactive: boolean;
  if (saved) {
    // A draft is finished at a terminal, at its first unanswered question, and shown before it
    // is posted; elsewhere only a finished draft is posted, and only when --yes says so.
    interactive = terminal;
    if (!terminal && !options.yes && !options.dryRun) throw new UsageError(text.draftNeedsYes, 'add');
    if (!terminal && unanswered.length > 0) throw new UsageError(text.draftUnfinished(unanswered.map((field) => FIELD_FLAGS[field]), saved.partial !== undefined && unanswered.includes(saved.partial)), 'add');
  } else {
    // POSTBOARD_AUTHOR answers for a missing --author; on a terminal it is only the prompt's default.
    const missing = REQUIRED_INPUT.filter((field) => draft[field] === undefined && !(field === 'author' && options.defaultAuthor));
    interactive = missing.length > 0;
    if (interactive && !terminal) throw new UsageError(text.missing(missing.map((field) => FIELD_FLAGS[field])), 'add');
  }
  if (!interactive) draft.author ??= options.defaultAuthor;
  const store = ctx.board();
  // Before anything is asked (and after what can be said without the board): a board that cannot
  // be written is said now, not after the prompts.
  if (!options.dryRun) await store.assertWritable();

  // Everything typed so far: if the post cannot be saved, it is kept as a draft, never lost.
  let typed: PostDraft = {};
  let cutShort: string | undefined;
  try {
    let content: PostContent;
    if (interactive) {
      // A draft taken up again says which, and for which board, before its first question.
      if (saved) ctx.note(text.resuming(ctx.boardShown, saved.post.title ?? ''));
      // Asked now for the defaults a person is offered; the write looks again inside the lock.
      const partialBody = saved?.partial === 'body' && unanswered.includes('body') ? saved.post.body : undefined;
      content = await askForPost(ctx, draft, unanswered, partialBody, options, (answers, partial) => {
        typed = answers;
        cutShort = partial?.body;
      });
      // Its number is given when it is saved (someone else may post first): the preview promises none.
      ctx.out(await renderPostView(newPost(0, content, ctx.io.now()), { t: ctx.t, style: await ctx.style(), width: outputWidth(ctx.io, undefined), unnumbered: true }));
      if (!options.yes && !options.dryRun) await confirmOrDecline(ctx, text.confirm, true);
    } else {
      content = checkFlags(draft, ctx);
    }

    if (options.dryRun) {
      await refuseDuplicate(store, content, options.allowDuplicate, text);
      if (!interactive) await printPreview(ctx, options, newPost(0, content, ctx.io.now()));
      ctx.note(text.dryRun);
      return;
    }

    const { result: post } = await store.change({ command: 'add', at: ctx.io.now(), who: await changeAuthor(ctx.io.env) }, async (tx) => {
      await refuseDuplicate(tx, content, options.allowDuplicate, text);
      const added = newPost(await newPostNumber(tx), content, ctx.io.now());
      await tx.insert([added]);
      return added;
    });
    // A draft's post is said with its board: it may not be the one POSTBOARD_DB names.
    await printPost(ctx, options, post, saved ? text.addedTo(post.id, post.title, store.name) : text.added(post.id, post.title));
  } catch (error) {
    // A post that could not be saved is kept; so is a body someone was writing when Ctrl+C came
    // (a cancel before any body, or a "no", is meant: nothing is kept).
    const lost = error instanceof Cancelled ? Boolean(cutShort?.trim() || typed.body?.trim()) : !(error instanceof Declined) && Object.keys(typed).length > 0;
    if (interactive && lost) {
      const kept = { ...draft, ...typed, ...(cutShort !== undefined ? { body: cutShort } : {}) };
      throw await keepDraft(ctx, { post: kept, answered: new Set([...answered, ...(Object.keys(typed) as InputField[])]), partial: cutShort !== undefined ? 'body' : undefined }, error, text, options.fromDraft);
    }
    throw error;
  }
  if (options.fromDraft) {
    const { removeDraft } = await import('../drafts.js');
    removeDraft(options.fromDraft);
    ctx.note(text.draftUsed(options.fromDraft));
  }
}

async function loadDraft(ctx: Context, path: string, text: AddText): Promise<Draft> {
  const { readDraft } = await import('../drafts.js');
  try {
    return readDraft(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ? ctx.t.ioCode(code) : (error as Error).message;
    throw new UsageError(text.badDraft(path, reason), 'add');
  }
}

/** Saves what was typed as a draft and says where, on the error that stopped the post. */
async function keepDraft(ctx: Context, draft: Omit<Draft, 'board'>, error: unknown, text: AddText, fromDraft: string | undefined): Promise<unknown> {
  const { saveDraft } = await import('../drafts.js');
  const path = await saveDraft(ctx.io.env, ctx.boardLocation, draft, ctx.io.now(), fromDraft);
  // (The draft knows its board: the hint names none.)
  const note = path ? text.draftKept(path, ctx.command(`add --from-draft ${ctx.quote(path)}`, { board: false })) : text.draftLost(JSON.stringify(draft.post, null, 2));
  const failure = error instanceof PostboardError ? error : new PostboardError((error as Error).message ?? String(error));
  failure.note = failure.note ? `${failure.note}\n${note}` : note;
  return failure;
}

/** Flags become a post, or every field that is wrong is reported at once, by its flag. */
function checkFlags(draft: PostDraft, ctx: Context): PostContent {
  const today = localDate(ctx.io.now());
  const checked = checkDraft({ ...draft, title: draft.title ?? '', author: draft.author ?? '', date: draft.date ?? today, status: draft.status ?? 'published' });
  if ('issues' in checked) throw new InvalidInputError(checked.issues.map((issue) => describeFlagIssue(issue, ctx)));
  return checked.content;
}

/**
 * Text from the board offered as an answer: as it is, except half of a UTF-16 pair on its own (a
 * board edited by hand may hold one), offered as U+FFFD, since a new post may not hold it.
 */
const offered = (text: string | undefined): string | undefined => (text && /[\ud800-\udfff]/.test(text) ? text.replace(/\p{Cs}/gu, '\ufffd') : text);

async function askForPost(ctx: Context, draft: PostDraft, ask: readonly InputField[], partialBody: string | undefined, options: AddOptions, onAnswer: (answers: PostDraft, partial?: { body: string }) => void): Promise<PostContent> {
  const { askPost } = await import('../prompts/post-form.js');
  const store = ctx.board();
  const info = await store.info();
  const author = options.defaultAuthor ?? (info.exists && ask.includes('author') ? offered(await yourLastAuthor(store, await changeAuthor(ctx.io.env))) : undefined);
  const answers = await askPost({
    io: ctx.io,
    lang: ctx.lang,
    t: ctx.t,
    ask,
    defaults: { author, date: localDate(ctx.io.now()), status: 'published' },
    // Nothing to offer: the question says how to have a default.
    authorHint: author === undefined,
    departments: info.exists ? (await store.departments()).map((name) => offered(name) as string) : [],
    duplicateOf: options.allowDuplicate || !info.exists ? undefined : async (url) => (await store.withSource(url))?.id,
    onAnswer,
    partialBody,
  });
  // Flags given beside the prompts are checked by the same rules.
  return checkFlags({ ...draft, ...answers }, ctx);
}

/** How far back the log is read for the name you last posted under. */
const AUTHOR_LOOK_BACK = 1000;

/**
 * The author you last posted (or set an author) under on this board, found in its change log by
 * your name there (POSTBOARD_AUTHOR, else your account's): on a team's board, never a colleague's.
 */
async function yourLastAuthor(store: BoardReads, who: string): Promise<string | undefined> {
  // Posts you added one by one, and authors you set: an import brings in others' names.
  const entries = (await store.log(AUTHOR_LOOK_BACK)).filter((entry) => entry.who === who && (entry.command === 'add' || entry.command === 'edit'));
  const added = entries.flatMap((entry) => entry.changes.filter((change) => change.kind === 'add').map((change) => change.id));
  const posts = added.length > 0 ? await store.get([...new Set(added)]) : new Map<number, Post>();
  for (const entry of entries) {
    for (const change of [...entry.changes].reverse()) {
      if (change.kind === 'add' && posts.has(change.id)) return posts.get(change.id)?.author;
      if (change.kind === 'edit' && typeof change.after.author === 'string') return change.after.author;
    }
  }
  return undefined;
}

async function refuseDuplicate(from: Pick<BoardTransaction, 'withSources'> | BoardReads, content: PostContent, allowDuplicate: boolean, text: AddText): Promise<void> {
  if (allowDuplicate || !content.source?.url) return;
  const existing = 'withSources' in from ? await postWithSource(from, content.source.url) : (await from.withSource(content.source.url))?.id;
  if (existing !== undefined) throw new PostboardError(text.duplicate(existing));
}

/** A post checked but not added (--dry-run): as it would be stored, but without a number, which only saving gives. */
async function printPreview(ctx: Context, options: AddOptions, post: Post): Promise<void> {
  if (options.quiet) return;
  if (options.format === 'json') {
    const { id: _number, ...unnumbered } = post;
    return writeJsonValue(ctx, unnumbered);
  }
  ctx.out(await renderPostView(post, { t: ctx.t, style: await ctx.style(), width: outputWidth(ctx.io, undefined), unnumbered: true }));
}

async function printPost(ctx: Context, options: AddOptions, post: Post, summary: string | undefined): Promise<void> {
  if (options.quiet) return ctx.out(String(post.id));
  if (options.format === 'json') return writeJsonPost(ctx, post);
  if (summary) return ctx.say(summary);
  ctx.out(await renderPostView(post, { t: ctx.t, style: await ctx.style(), width: outputWidth(ctx.io, undefined) }));
}
