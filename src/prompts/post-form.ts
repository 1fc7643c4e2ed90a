import { emitKeypressEvents } from 'node:readline';
import { checkField, type InputField, type PostDraft } from '../board/post.js';
import { Cancelled } from '../errors.js';
import type { Lang, Messages } from '../i18n.js';
import type { IO } from '../io.js';
import { editText, findEditor, type Editor } from './editor.js';
import { multilinePrompt } from './multiline.js';
import { visibleLine } from '../render/sanitize.js';

/** The questions, in the order they are asked. */
export const FORM_ORDER: readonly InputField[] = [
  'title',
  'author',
  'department',
  'date',
  'status',
  'body',
  'source.agency',
  'source.date',
  'source.url',
];

const LABELS: Record<
  Lang,
  Record<InputField, string> &
    Record<'noDepartment' | 'newDepartment' | 'changeBody' | 'bodyHint' | 'cancelled' | 'optional' | 'editAgain', string> & { inEditor: (command: string) => string }
> = {
  en: {
    title: 'Title',
    author: 'Author',
    department: 'Department (type to filter, or a new one)',
    date: 'Date (YYYY-MM-DD)',
    status: 'Status',
    body: 'Body',
    'source.agency': 'Source agency',
    'source.date': 'Source date (YYYY-MM-DD)',
    'source.url': 'Source URL',
    noDepartment: '(none)',
    newDepartment: '(new)',
    changeBody: 'Change the body?',
    bodyHint: '(Enter on an empty line twice to finish; Enter now for none)',
    cancelled: 'cancelled',
    optional: '(optional, Enter to skip)',
    inEditor: (command: string) => `(opening ${command}: save and quit to go on)`,
    editAgain: 'Edit the body again?',
  },
  ko: {
    title: '제목',
    author: '글쓴이',
    department: '담당부서 (입력해 찾거나 새로 입력)',
    date: '날짜 (YYYY-MM-DD)',
    status: '상태',
    body: '내용',
    'source.agency': '출처 기관',
    'source.date': '출처 날짜 (YYYY-MM-DD)',
    'source.url': '출처 URL',
    noDepartment: '(없음)',
    newDepartment: '(새 부서)',
    changeBody: '내용을 바꿀까요?',
    bodyHint: '(빈 줄에서 Enter 두 번이면 끝; 내용이 없으면 바로 Enter)',
    cancelled: '취소했습니다',
    optional: '(선택, 건너뛰려면 Enter)',
    inEditor: (command: string) => `(${command}에서 엽니다: 저장하고 끝내면 계속)`,
    editAgain: '내용을 다시 고칠까요?',
  },
};

export interface PostFormOptions {
  io: IO;
  lang: Lang;
  t: Messages;
  /** The fields to ask, in any order (they are asked in FORM_ORDER). */
  ask: readonly InputField[];
  /** Values offered as defaults (Enter keeps them). */
  defaults: PostDraft;
  /** Departments already on the board, most used first. */
  departments: readonly string[];
  /** The number of the post that already has this source URL, to refuse it while typing. */
  duplicateOf?: (url: string) => number | undefined;
  /** Editing: the defaults are the current values, put in the line to change (not just offered). */
  editing?: boolean;
}

const isCancel = (error: unknown): boolean =>
  error instanceof Error && ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'].includes(error.name);

/**
 * Runs `step` with prompts on the IO's terminal; Ctrl+C or Esc anywhere ends it with
 * `Cancelled` (exit 130), so nothing after it is written.
 */
export async function withPrompts<T>(
  io: IO,
  lang: Lang,
  step: (prompts: typeof import('../vendor/prompts.js'), context: { input: IO['stdin']; output: NodeJS.WritableStream; signal: AbortSignal }) => Promise<T>,
): Promise<T> {
  const prompts = await import('../vendor/prompts.js');
  const controller = new AbortController();
  // The prompt library has no Esc: listen for it beside it, and abort the question asked.
  emitKeypressEvents(io.stdin);
  const onKey = (_: unknown, key: { name?: string } | undefined) => {
    if (key?.name === 'escape') controller.abort();
  };
  io.stdin.on('keypress', onKey);
  try {
    return await step(prompts, { input: io.stdin, output: io.stdout as unknown as NodeJS.WritableStream, signal: controller.signal });
  } catch (error) {
    if (isCancel(error)) throw new Cancelled(LABELS[lang].cancelled);
    throw error;
  } finally {
    io.stdin.removeListener('keypress', onKey);
    io.stdin.pause();
  }
}

/** Asks for the fields in `ask`, each checked as it is typed by the same rules as the flags. */
export async function askPost(options: PostFormOptions): Promise<PostDraft> {
  const { lang, t, defaults } = options;
  const labels = LABELS[lang];
  const answers: PostDraft = {};
  const validator = (field: InputField) => (value: string) => {
    const checked = checkField(field, value);
    if ('issue' in checked) return t.fieldProblem(checked.issue);
    if (field === 'source.url' && checked.value) {
      const existing = options.duplicateOf?.(checked.value);
      if (existing !== undefined) return t.duplicateSource(existing);
    }
    return true;
  };

  // A misspelled $EDITOR is said before the first question, not after five answers.
  const editor = options.ask.includes('body') ? findEditor(options.io.env, lang) : undefined;

  return withPrompts(options.io, lang, async (prompts, context) => {
    const multiline = multilinePrompt(prompts);
    for (const field of FORM_ORDER.filter((name) => options.ask.includes(name))) {
      const message = labels[field];
      // Offered values come from the board: shown (and kept, if taken) as visible text, never obeyed.
      const stored = defaults[field];
      const fallback = stored === undefined || field === 'body' ? stored : visibleLine(stored);
      const optional = field === 'department' || field.startsWith('source.');
      switch (field) {
        case 'department':
          answers.department = await prompts.search(
            {
              message,
              source: (term) => departmentChoices(options.departments, term ?? '', labels),
            },
            context,
          );
          break;
        case 'status':
          answers.status = await prompts.select(
            {
              message,
              default: fallback ?? 'published',
              choices: (['published', 'hidden'] as const).map((value) => ({ value, name: `${t.status[value]} (${value})` })),
            },
            context,
          );
          break;
        case 'body':
          if (editor) {
            answers.body = await bodyInEditor(editor, fallback ?? '', options, validator(field), (question) => prompts.confirm({ message: question, default: true }, context));
          } else if (!options.editing || (await prompts.confirm({ message: labels.changeBody, default: false }, context))) {
            // Typed in place, the body is written anew: there is no editing it line by line.
            answers.body = await multiline({ message, hint: labels.bodyHint, validate: validator(field) }, context);
          }
          break;
        default:
          answers[field] = await prompts.input(
            {
              message: optional && !fallback ? `${message} ${labels.optional}` : message,
              default: fallback,
              ...(options.editing && fallback ? { prefill: 'editable' as const } : {}),
              validate: validator(field),
            },
            context,
          );
      }
    }
    return answers;
  });
}

/** The body from the editor, opened again (if the user wants) until it passes the body's rule. */
async function bodyInEditor(
  editor: Editor,
  initial: string,
  options: PostFormOptions,
  validate: (value: string) => true | string,
  ask: (question: string) => Promise<boolean>,
): Promise<string> {
  const labels = LABELS[options.lang];
  let text = initial;
  for (;;) {
    options.io.stdout.write(`? ${labels.body} ${labels.inEditor(editor.command)}\n`);
    text = editText(editor, text, options.lang, options.io.env);
    const valid = validate(text);
    if (valid === true) return text;
    options.io.stdout.write(`> ${valid}\n`);
    if (!(await ask(labels.editAgain))) throw new Cancelled(labels.cancelled);
  }
}

function departmentChoices(departments: readonly string[], term: string, labels: (typeof LABELS)[Lang]) {
  const typed = term.normalize('NFC').trim();
  const needle = typed.toLowerCase();
  const matching = departments.filter((name) => name.toLowerCase().includes(needle));
  const choices = matching.map((name) => ({ value: visibleLine(name), name: visibleLine(name), short: visibleLine(name) }));
  if (typed && !departments.includes(typed)) choices.unshift({ value: typed, name: `${typed} ${labels.newDepartment}`, short: typed });
  if (!typed) choices.push({ value: '', name: labels.noDepartment, short: '-' });
  return choices;
}

/** Asks a yes/no before a change (after its preview). No is a cancel: nothing is written. */
export async function confirmChange(io: IO, lang: Lang, message: string, byDefault = true): Promise<void> {
  const yes = await withPrompts(io, lang, (prompts, context) => prompts.confirm({ message, default: byDefault }, context));
  if (!yes) throw new Cancelled(LABELS[lang].cancelled);
}
