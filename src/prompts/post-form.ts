import { rmSync } from 'node:fs';
import { emitKeypressEvents } from 'node:readline';
import { checkField, type PostDraft } from '../board/post.js';
import { Cancelled, PostboardError } from '../errors.js';
import { INPUT_FIELDS, type InputField } from '../board/fields.js';
import { MESSAGES, type Lang, type Messages } from '../i18n/index.js';
import { osOf, type IO } from '../io.js';
import { visibleBlock, visibleLine } from '../render/sanitize.js';
import { askBody, bodySummary } from './body.js';
import { confirmPrompt } from './confirm.js';
import { editText, findEditor, realWorld, type Editor, type Remove } from './editor.js';
import { linePrompt } from './line.js';

/** The form's words: its questions (by field), and what it says around them. */
type Labels = Messages['form'];
const labelsOf = (lang: Lang): Labels => MESSAGES[lang].form;

export interface PostFormOptions {
  io: IO;
  lang: Lang;
  t: Messages;
  /** The fields to ask, in any order (they are asked in the registry's order, see fields.ts). */
  ask: readonly InputField[];
  /** Values offered as defaults (Enter keeps them); when editing, the current values. */
  defaults: PostDraft;
  /** Departments already on the board, most used first. */
  departments: readonly string[];
  /** The number of the post that already has this source URL, to refuse it while typing. */
  duplicateOf?: (url: string) => Promise<number | undefined>;
  /** Editing: every field starts from its current value, in the line to change. */
  editing?: boolean;
  /** Called with the answers so far after each one (so that they can be kept if something fails), and with a body cut short by Ctrl+C. */
  onAnswer?: (answers: PostDraft, partial?: { body: string }) => void;
  /** A body cut short before (a draft's): the body question starts from it. */
  partialBody?: string;
  /** Say at the author question how to set a default (POSTBOARD_AUTHOR is not set). */
  authorHint?: boolean;
}

/** The name Ctrl+D's key goes by while prompts run (see withPrompts). */
const END_OF_INPUT = 'postboard-end-of-input';

const isCancel = (error: unknown): boolean => error instanceof Error && ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'].includes(error.name);

type PromptModule = typeof import('../lazy/prompts.js');
interface PromptContext {
  input: IO['stdin'];
  output: NodeJS.WritableStream;
  signal: AbortSignal;
}

/**
 * How the prompts look: the library's key hints ("↑↓ navigate • ⏎ select") in the interface
 * language, and a question's hint in parentheses gone once it is answered
 * (`✔ 담당부서 환경부`, not `✔ 담당부서 (입력해 찾거나 새로 입력) 환경부`).
 */
export function promptTheme(lang: Lang, prompts: PromptModule) {
  const keys = labelsOf(lang).keys;
  const base = prompts.makeTheme({});
  return {
    style: {
      keysHelpTip: (pairs: [string, string][]) => pairs.map(([key, action]) => `${key} ${keys[action] ?? action}`).join(' • '),
      message: (text: string, status: 'idle' | 'done' | 'loading') => base.style.message(status === 'done' ? text.replace(/ \([^()]*\)(?: \([^()]*\))?$/, '') : text, status),
    },
  };
}

/**
 * Runs `step` with prompts on the IO's terminal; Ctrl+C or Esc anywhere ends it with
 * `Cancelled` (exit 130), so nothing after it is written.
 */
export async function withPrompts<T>(io: IO, lang: Lang, step: (prompts: PromptModule, context: PromptContext) => Promise<T>): Promise<T> {
  const prompts = await import('../lazy/prompts.js');
  const controller = new AbortController();
  // The prompt library has no Esc: listen for it beside it, and abort the question asked.
  emitKeypressEvents(io.stdin);
  const onKey = (_: unknown, key: { name?: string } | undefined) => {
    if (key?.name === 'escape') controller.abort();
  };
  io.stdin.on('keypress', onKey);
  // Ctrl+D ends the body (see body.ts); pressed once too often it would reach the next question,
  // whose line editor (readline) takes it on an empty line for "close" and ends everything typed.
  // Seen first, it is renamed to a key no line editor knows: the body prompt knows it by its byte.
  const hideEndOfInput = (_: unknown, key: { name?: string; ctrl?: boolean } | undefined) => {
    if (key?.ctrl && key.name === 'd') key.name = END_OF_INPUT;
  };
  io.stdin.prependListener('keypress', hideEndOfInput);
  try {
    return await step(prompts, { input: io.stdin, output: io.stdout as unknown as NodeJS.WritableStream, signal: controller.signal });
  } catch (error) {
    if (isCancel(error)) throw new Cancelled(labelsOf(lang).cancelled);
    throw error;
  } finally {
    io.stdin.removeListener('keypress', onKey);
    io.stdin.removeListener('keypress', hideEndOfInput);
    io.stdin.pause();
  }
}

/** Asks for the fields in `ask`, each checked as it is typed by the same rules as the flags. */
export async function askPost(options: PostFormOptions): Promise<PostDraft> {
  const { lang, t, defaults } = options;
  const labels = labelsOf(lang);
  const answers: PostDraft = {};
  /** The field's rule, as typed. */
  const check = (field: InputField) => (value: string): true | string => {
    const checked = checkField(field, value);
    return 'issue' in checked ? t.fieldProblem(checked.issue) : true;
  };
  /** The rule, and for a source URL whether the board has it already (asked of the board). */
  const validator = (field: InputField) => async (value: string): Promise<true | string> => {
    const valid = check(field)(value);
    if (valid !== true || field !== 'source.url' || !value.trim()) return valid;
    const existing = await options.duplicateOf?.(value.trim());
    return existing !== undefined ? t.duplicateSource(existing) : true;
  };
  // A misspelled $EDITOR is said before the first question, not after five answers.
  const editor = options.ask.includes('body') ? findEditor(options.io.env, lang, realWorld(osOf(options.io))) : undefined;
  return withPrompts(options.io, lang, async (prompts, context) => {
    const theme = promptTheme(lang, prompts);
    for (const { path: field, input } of INPUT_FIELDS.filter(({ path }) => options.ask.includes(path))) {
      const message = field === 'author' && options.authorHint && !options.editing ? `${labels.questions.author} ${labels.authorHint}` : labels.questions[field];
      // Offered values come from the board: kept exactly as they are when taken, but shown as
      // visible text, never obeyed (see `offered`).
      const fallback = offered(defaults[field], field);
      const optional = input.optional === true;
      switch (input.control) {
        case 'department':
          answers[field] = await prompts.search(
            { message, theme, source: (term) => departmentChoices(options.departments, term ?? '', labels, options.editing ? (fallback ?? '') : undefined) },
            context,
          );
          break;
        case 'status':
          answers[field] = await prompts.select(
            {
              message,
              theme,
              default: fallback ?? 'published',
              choices: (['published', 'hidden'] as const).map((value) => ({ value, name: t.status[value], short: t.status[value] })),
            },
            context,
          );
          break;
        case 'body':
          answers[field] = editor
            ? await bodyInEditor(editor, fallback ?? options.partialBody ?? '', options, check(field), (question) => confirm(prompts, context, lang, question, true)).catch((error: unknown) => {
                // What the editor saved before it failed or was cancelled is part of what was typed.
                if (error instanceof PostboardError && error.partial) options.onAnswer?.({ ...answers }, { body: error.partial });
                throw error;
              })
            : await askBody({
                io: options.io,
                lang,
                message,
                initial: options.editing ? (fallback ?? '') : (options.partialBody ?? ''),
                validate: check(field),
                theme: prompts.makeTheme({}),
                cancelled: labels.cancelled,
              }).catch((error: unknown) => {
                // A body half written is part of what was typed (add keeps it as a draft).
                if (error instanceof Cancelled && error.partial?.trim()) options.onAnswer?.({ ...answers }, { body: error.partial });
                throw error;
              });
          break;
        default:
          answers[field] = options.editing
            ? // Editing: the line starts as the value, and an emptied line empties the field.
              await linePrompt(prompts)({ message: optional ? `${message} ${labels.optional}` : message, initial: fallback ?? '', validate: validator(field), theme }, context)
            : await prompts.input(
                {
                  message: optional && !fallback ? `${message} ${labels.optional}` : message,
                  default: fallback,
                  validate: validator(field),
                  // What is typed or offered is shown made visible; the value itself stays exact.
                  transformer: (value: string) => visibleLine(value),
                  theme: { ...theme, style: { ...theme.style, defaultAnswer: (text: string) => `(${visibleLine(text)})` } },
                },
                context,
              );
      }
      // Editing a hand-edited board's value that holds control characters: it was offered made
      // visible; taken back as offered, it is left as it is, not replaced by its stand-ins.
      if (options.editing && fallback !== defaults[field] && answers[field] === fallback) delete answers[field];
      options.onAnswer?.({ ...answers });
    }
    return answers;
  });
}

/**
 * A stored value offered to be kept: exactly as stored — a zero-width space or a flag's tag
 * characters are data, and keeping the value must not change it. Only text with control
 * characters (which no field may hold, so a hand-edited board's) is offered made visible: it
 * could not be kept as it is anyway, and it must never reach the terminal.
 */
function offered(value: string | undefined, field: InputField): string | undefined {
  if (value === undefined) return undefined;
  const controls = field === 'body' ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/ : /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
  return controls.test(value) ? (field === 'body' ? visibleBlock(value) : visibleLine(value)) : value;
}

/** The body from the editor, opened again (if the user wants) until it passes the body's rule. */
async function bodyInEditor(editor: Editor, initial: string, options: PostFormOptions, validate: (value: string) => true | string, ask: (question: string) => Promise<boolean>): Promise<string> {
  const labels = labelsOf(options.lang);
  let text = initial;
  for (;;) {
    options.io.stdout.write(`? ${labels.questions.body} ${labels.inEditor(editor.command)}\n`);
    text = editText(editor, text, options.lang, options.io.env, {
      os: osOf(options.io),
      remove: heldFolder(options.io.env),
      note: (line) => options.io.stderr.write(`${visibleLine(line)}\n`),
    });
    const valid = validate(text);
    if (valid === true) {
      options.io.stdout.write(`✔ ${labels.questions.body} ${bodySummary(options.lang, text)}\n`);
      return text;
    }
    options.io.stdout.write(`> ${valid}\n`);
    if (!(await ask(labels.editAgain))) throw new Cancelled(labels.cancelled);
  }
}

/**
 * A test's stand-in for an antivirus holding the editor's file: POSTBOARD_TEST_EDITOR_HELD=3
 * makes removing its folder fail with EBUSY three times, `always` every time.
 */
function heldFolder(env: NodeJS.ProcessEnv): Remove | undefined {
  const held = env.POSTBOARD_TEST_EDITOR_HELD;
  if (!held) return undefined;
  let failures = held === 'always' ? Infinity : Number(held);
  return (folder) => {
    if (failures-- > 0) throw Object.assign(new Error(`EBUSY: resource busy or locked, rmdir '${folder}'`), { code: 'EBUSY' });
    rmSync(folder, { recursive: true, force: true });
  };
}

/**
 * The departments to pick from: those matching what is typed first, so that Enter on "산" picks
 * 산업통상자원부; a new department named as typed comes after them. With nothing typed, "(none)"
 * comes first — or, when editing, the post's current department — so Enter keeps what is.
 */
export function departmentChoices(departments: readonly string[], term: string, labels: Labels, current?: string) {
  const typed = term.normalize('NFC').trim();
  const needle = typed.toLowerCase();
  // Each department is picked as it is stored, and shown as visible text.
  const matching = departments.filter((name) => visibleLine(name).toLowerCase().includes(needle) || name.toLowerCase().includes(needle));
  const choices = matching.map((name) => ({ value: offered(name, 'department') ?? '', name: visibleLine(name), short: visibleLine(name) }));
  if (typed && !departments.includes(typed)) choices.push({ value: typed, name: `${visibleLine(typed)} ${labels.newDepartment}`, short: visibleLine(typed) });
  if (!typed) {
    // The field is optional: Enter on nothing typed keeps it empty (or, editing, as it is).
    const none = { value: '', name: labels.noDepartment, short: labels.noDepartment };
    choices.unshift(none);
    if (current) {
      // Editing: the department it has first, "(none)" right after it (one Down empties it).
      const index = choices.findIndex((choice) => choice.value === current);
      if (index > 0) choices.unshift(...choices.splice(index, 1));
    }
  }
  return choices;
}

async function confirm(prompts: PromptModule, context: PromptContext, lang: Lang, message: string, byDefault: boolean): Promise<boolean> {
  return confirmPrompt(prompts)({ message, default: byDefault, lang }, context);
}

/** Asks a yes/no before a change (after its preview): true for yes. */
export async function askYesNo(io: IO, lang: Lang, message: string, byDefault: boolean): Promise<boolean> {
  return withPrompts(io, lang, (prompts, context) => confirm(prompts, context, lang, message, byDefault));
}
