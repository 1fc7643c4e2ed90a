import type { Command } from 'commander';
import { editPost, postWithSource, type PostEdit } from '../board/changes.js';
import { changeAuthor } from '../board/log.js';
import { INPUT_FIELD_NAMES, valueAt, type InputField } from '../board/fields.js';
import { checkField, type FieldIssue, type Post, type PostDraft } from '../board/post.js';
import type { Context } from '../context.js';
import { InvalidInputError, PostboardError, UsageError } from '../errors.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { canPrompt } from '../io.js';
import { OptionParser } from '../options.js';
import { describeChange, emptiesAField } from '../render/changes.js';
import { confirmOrRefuse } from '../cmdutil/confirm.js';
import { assertBoard, findPost } from '../cmdutil/find.js';
import { writeJsonPost } from '../cmdutil/json-output.js';
import { examples } from '../cmdutil/examples.js';
import { addPostFieldOptions, describeFlagIssue, draftFromFlags, readBodyFile, type RawPostFields } from '../cmdutil/post-fields.js';
import { parsePostNumber } from './show.js';

export const name = 'edit';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options] <id>';
export const aliases: readonly string[] = [];

export interface EditOptions {
  id: number;
  draft: PostDraft;
  bodyFile: string | undefined;
  views: number | undefined;
  allowDuplicate: boolean;
  yes: boolean;
  format: 'text' | 'json';
}

interface RawEditOptions extends RawPostFields {
  views?: string;
  allowDuplicate?: boolean;
  yes?: boolean;
  format?: string;
}

export interface EditText {
  description: string;
  id: string;
  options: Record<'views' | 'allowDuplicate' | 'yes' | 'format', string>;
  examples: [string, string][];
  edited: (id: number, title: string, fields: string[]) => string;
  unchanged: (id: number) => string;
  changes: (id: number) => string;
  changedMeanwhile: (id: number, fields: string[]) => string;
  nothingGiven: string;
  duplicate: (id: number) => string;
  confirm: string;
}


export const summary = (lang: Lang): string => MESSAGES[lang].commands.edit.description;

export function register(program: Command, ctx: Context, run = runEdit): void {
  const text = ctx.t.commands.edit;
  addPostFieldOptions(program.command('edit').description(text.description).argument('<id>', text.id), ctx.t)
    .option('--views <n>', text.options.views)
    .option('--allow-duplicate', text.options.allowDuplicate)
    .option('-y, --yes', text.options.yes)
    .option('-f, --format <format>', text.options.format)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (id: string, raw: RawEditOptions) => run(ctx, parseEditOptions(id, raw, ctx)));
}

export function parseEditOptions(id: string, raw: RawEditOptions, ctx: Context): EditOptions {
  const parse = new OptionParser(ctx, 'edit');
  let views: number | undefined;
  if (raw.views !== undefined) {
    views = /^\s*\d+\s*$/.test(raw.views) && Number.isSafeInteger(Number(raw.views)) ? Number(raw.views) : parse.fail(ctx.t.usage.count('--views', raw.views));
  }
  return {
    id: parsePostNumber(id, ctx.t, 'edit'),
    draft: draftFromFlags(raw, parse),
    bodyFile: raw.bodyFile,
    views,
    allowDuplicate: Boolean(raw.allowDuplicate),
    yes: Boolean(raw.yes),
    format: parse.choice('--format', ['text', 'json'] as const, raw.format) ?? 'text',
  };
}

export async function runEdit(ctx: Context, options: EditOptions): Promise<void> {
  const text = ctx.t.commands.edit;
  const store = ctx.board();
  await store.assertWritable();
  const draft = { ...options.draft };
  if (options.bodyFile !== undefined) draft.body = await readBodyFile(ctx, options.bodyFile);
  const flagsGiven = Object.keys(draft).length > 0 || options.views !== undefined;

  await assertBoard(ctx);
  const current = await findPost(ctx, store, options.id);
  let edit: PostEdit;
  if (flagsGiven) {
    edit = checkEdit(draft, options.views, (issue) => describeFlagIssue(issue, ctx));
  } else {
    if (!canPrompt(ctx.io)) throw new UsageError(text.nothingGiven, 'edit');
    edit = await askForEdit(ctx, current, options.allowDuplicate);
  }

  // Preview on a copy: nothing to change is said, not written.
  const { post: preview, changed } = editPost(current, edit, ctx.io.now());
  if (changed.length === 0) return ctx.note(text.unchanged(options.id));
  if (!flagsGiven) {
    // What changes, old → new, before the question; emptying a field that had text makes no the default.
    await confirmOrRefuse(ctx, {
      yes: options.yes,
      command: 'edit',
      question: text.confirm,
      byDefault: !emptiesAField(current, preview),
      preview: async () => ctx.say([text.changes(current.id), ...describeChange(current, preview, ctx.t)]),
    });
  }

  // Only what was changed is applied: a field left as it was must not undo what someone else
  // did to it meanwhile. A field changed here that someone else changed too is a conflict.
  const applied = onlyFields(edit, changed);
  const {
    result: { post, fields },
  } = await store.change({ command: 'edit', at: ctx.io.now(), who: await changeAuthor(ctx.io.env) }, async (tx) => {
    const target = await findPost(ctx, tx, options.id);
    if (!flagsGiven) {
      const moved = changed.filter((field) => fieldOf(target, field) !== fieldOf(current, field));
      if (moved.length > 0) throw new PostboardError(text.changedMeanwhile(options.id, moved.map((field) => ctx.t.fieldName(field))));
    }
    const url = edit['source.url'];
    const other = url && !options.allowDuplicate ? await postWithSource(tx, url) : undefined;
    if (other !== undefined && other !== target.id) throw new PostboardError(text.duplicate(other));
    const edited = editPost(target, applied, ctx.io.now());
    await tx.update(target, edited.post);
    return { post: edited.post, fields: edited.changed };
  });
  if (options.format === 'json') return writeJsonPost(ctx, post);
  ctx.say(text.edited(post.id, post.title, fields.map((field) => ctx.t.fieldName(field))));
}

/** A field of a post by its path (`title`, `source.url`). */
const fieldOf = (post: Post, field: string): unknown => valueAt(post, field);

/** The edit, cut down to the fields named. */
function onlyFields(edit: PostEdit, fields: readonly string[]): PostEdit {
  const kept: Record<string, unknown> = {};
  for (const field of fields) kept[field] = (edit as Record<string, unknown>)[field];
  return kept as PostEdit;
}

/** The fields given, each checked by the same rules as `add`; every bad one reported at once. */
function checkEdit(draft: PostDraft, views: number | undefined, describe: (issue: FieldIssue) => string): PostEdit {
  const issues: FieldIssue[] = [];
  const edit: PostEdit = {};
  for (const [field, value] of Object.entries(draft) as [InputField, string][]) {
    const checked = checkField(field, value);
    if ('issue' in checked) issues.push(checked.issue);
    else edit[field] = checked.value;
  }
  if (issues.length > 0) throw new InvalidInputError(issues.map(describe));
  if (views !== undefined) edit.views = views;
  return edit;
}

async function askForEdit(ctx: Context, post: Post, allowDuplicate: boolean): Promise<PostEdit> {
  const { askPost } = await import('../prompts/post-form.js');
  const store = ctx.board();
  // Its own department first, then the board's by use.
  const departments = [...new Set([post.department, ...(await store.departments())].filter(Boolean))];
  const answers = await askPost({
    io: ctx.io,
    lang: ctx.lang,
    t: ctx.t,
    ask: INPUT_FIELD_NAMES,
    editing: true,
    // Every field starts from what the post has now.
    defaults: Object.fromEntries(INPUT_FIELD_NAMES.map((field) => [field, valueAt(post, field) as string | undefined])),
    departments,
    duplicateOf: allowDuplicate
      ? undefined
      : async (url) => {
          const other = await store.withSource(url);
          return other && other.id !== post.id ? other.id : undefined;
        },
  });
  return checkEdit(answers, undefined, (issue) => ctx.t.fieldIssue(issue));
}
