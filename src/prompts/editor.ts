import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { Cancelled, PostboardError } from '../errors.js';
import { type Lang, MESSAGES } from '../i18n/index.js';

/**
 * The body in the user's own editor ($VISUAL, else $EDITOR), as git and crontab do it: the text
 * goes to a private file (a folder only the user can enter, the file 0600), the editor runs on
 * the terminal, the file is read back and removed, whatever happens.
 */

export type Failure = { kind: 'start'; code: string } | { kind: 'status'; status: number | null } | { kind: 'signal'; signal: string };


export interface Editor {
  command: string;
  args: string[];
  variable: 'VISUAL' | 'EDITOR';
}

/** Splits `code --wait` or `"/opt/My Editor/bin/ed" -n` into a program and its arguments (no shell). */
function splitCommand(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The editor the environment names, checked to exist before anything is asked (so nothing typed
 * is lost to a misspelled $EDITOR); undefined when none is set.
 */
export function findEditor(env: NodeJS.ProcessEnv, lang: Lang): Editor | undefined {
  const variable = env.VISUAL ? 'VISUAL' : env.EDITOR && !npmDefault(env) ? 'EDITOR' : undefined;
  if (!variable) return undefined;
  const [command = '', ...args] = splitCommand(env[variable] ?? '');
  const found =
    command.includes('/') || isAbsolute(command)
      ? executable(command)
      : (env.PATH ?? '').split(delimiter).some((folder) => folder && executable(join(folder, command)));
  if (!command || !found) throw new PostboardError(MESSAGES[lang].prompts.editor.notFound(command, variable));
  return { command, args, variable };
}

/**
 * An EDITOR that npm put there, not the user: run through npx (or an npm script), npm sets EDITOR
 * to its own default — vi (notepad.exe on Windows) — when neither EDITOR nor VISUAL is set. Taken
 * for none, so `npx postboard add` asks for the body in place, as for everyone else.
 */
const npmDefault = (env: NodeJS.ProcessEnv): boolean =>
  Boolean(env.npm_execpath) && !env.VISUAL && (env.EDITOR === 'vi' || /[\\/]notepad\.exe$/i.test(env.EDITOR ?? ''));

/** Runs the editor on `initial` and returns what was saved. */
export function editText(editor: Editor, initial: string, lang: Lang, env: NodeJS.ProcessEnv): string {
  const folder = mkdtempSync(join(tmpdir(), 'postboard-'));
  const file = join(folder, 'body.md');
  try {
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, initial);
    } finally {
      closeSync(fd);
    }
    // Ctrl+C in the editor goes to postboard too (one terminal, one process group): while the
    // editor runs it is the editor's to handle (vim and nano keep running), and postboard waits
    // for it rather than dying under it with its file left behind.
    const ignore = () => {};
    process.on('SIGINT', ignore);
    let result: ReturnType<typeof spawnSync>;
    try {
      result = spawnSync(editor.command, [...editor.args, file], { stdio: 'inherit', env });
    } finally {
      process.removeListener('SIGINT', ignore);
    }
    // What the editor saved, even if it then failed: text a person wrote is kept as a draft.
    const withSaved = <E extends PostboardError>(error: E): E => {
      let saved: string | undefined;
      try {
        saved = readFileSync(file, 'utf8');
      } catch {
        saved = undefined;
      }
      if (saved !== undefined && saved !== initial && saved.trim()) error.partial = saved;
      return error;
    };
    // An editor that Ctrl+C ends (as `cat` would be) cancels, as Ctrl+C does at any question.
    if (result.signal === 'SIGINT') throw withSaved(new Cancelled(MESSAGES[lang].prompts.editor.cancelled));
    const fail = (failure: Failure) => withSaved(new PostboardError(MESSAGES[lang].prompts.editor.failed(editor.command, failure)));
    if (result.error) throw fail({ kind: 'start', code: (result.error as NodeJS.ErrnoException).code ?? 'EIO' });
    if (result.signal) throw fail({ kind: 'signal', signal: result.signal });
    if (result.status !== 0) throw fail({ kind: 'status', status: result.status });
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
