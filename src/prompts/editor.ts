import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cancelled, PostboardError } from '../errors.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { pathsOf, type OS } from '../platform.js';

/**
 * The body in the user's own editor ($VISUAL, else $EDITOR; on Windows Notepad when neither is
 * set, as npm does), as git and crontab do it: the text goes to a private file (a folder only the
 * user can enter, the file 0600), the editor runs on the terminal, the file is read back and
 * removed, whatever happens — and what was saved is returned even when it cannot be removed.
 */

export type Failure = { kind: 'start'; code: string } | { kind: 'status'; status: number | null } | { kind: 'signal'; signal: string };

export interface Editor {
  /** The program as the variable names it (what messages show). */
  command: string;
  args: string[];
  variable: 'VISUAL' | 'EDITOR' | 'default';
  /** The file found for it (on Windows with its PATHEXT extension); the command itself elsewhere. */
  file: string;
  /** A batch file (`code.cmd`) on Windows: run by cmd.exe, since Windows runs only .exe and .com directly. */
  batch: boolean;
}

/** How the editor look-up sees the world: the platform, and whether a file is there to run. */
export interface LookupWorld {
  os: OS;
  /** Whether `path` is a file that can be run (on Windows: that it is a file at all). */
  runnable(path: string): boolean;
}

export const realWorld = (os: OS): LookupWorld => ({
  os,
  runnable: (path) => {
    try {
      if (!statSync(path).isFile()) return false;
      if (os !== 'win32') accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
});

/** Splits `code --wait` or `"/opt/My Editor/bin/ed" -n` into a program and its arguments (no shell). */
function splitCommand(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

/** What Windows runs when a name has no extension, in order (PATHEXT; its own default when unset). */
const pathExtensions = (env: NodeJS.ProcessEnv): string[] =>
  (env.PATHEXT || '.COM;.EXE;.BAT;.CMD')
    .split(';')
    .map((extension) => extension.trim())
    .filter((extension) => extension.startsWith('.'));

/**
 * The file a command names, looked up as a shell would (and as cross-spawn does, through `which`):
 * a name with a folder in it is that file; a bare name is searched in PATH. On Windows each
 * candidate is tried as named when its extension is one PATHEXT lists, then with each PATHEXT
 * extension added (`notepad` finds notepad.exe, `code` finds code.cmd); `\` separates folders
 * too, and Path may be spelled in any case. The current folder is not searched first (as
 * cmd.exe would): a file dropped beside a board must not become the editor.
 */
export function findCommand(command: string, env: NodeJS.ProcessEnv, world: LookupWorld): string | undefined {
  const windows = world.os === 'win32';
  const paths = pathsOf(world.os);
  const extensions = windows ? pathExtensions(env) : [];
  const candidates = (base: string): string[] => {
    if (!windows) return [base];
    const own = paths.extname(base).toUpperCase();
    const named = own !== '' && extensions.some((extension) => extension.toUpperCase() === own) ? [base] : [];
    return [...named, ...extensions.map((extension) => base + extension.toLowerCase())];
  };
  const hasFolder = windows ? /[\\/]/.test(command) : command.includes('/');
  const pathText = windows ? (Object.entries(env).find(([name]) => name.toUpperCase() === 'PATH')?.[1] ?? '') : (env.PATH ?? '');
  const folders = hasFolder || paths.isAbsolute(command) ? [''] : pathText.split(windows ? ';' : ':').map((folder) => folder.replace(/^"(.*)"$/, '$1'));
  for (const folder of folders) {
    if (!hasFolder && !paths.isAbsolute(command) && !folder) continue;
    for (const candidate of candidates(folder ? paths.join(folder, command) : paths.normalize(command))) if (world.runnable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The editor the environment names, checked to exist before anything is asked (so nothing typed
 * is lost to a misspelled $EDITOR); on Windows Notepad when none is named (undefined when it is
 * not there either: the body is then typed in place); elsewhere undefined when none is set.
 */
export function findEditor(env: NodeJS.ProcessEnv, lang: Lang, world: LookupWorld = realWorld(process.platform)): Editor | undefined {
  const windows = world.os === 'win32';
  const variable = env.VISUAL ? 'VISUAL' : env.EDITOR && !npmDefault(env) ? 'EDITOR' : undefined;
  if (!variable) {
    if (!windows) return undefined;
    // npm's choice too: Notepad is on every Windows (unless removed, then the body is typed in place).
    const file = findCommand('notepad.exe', env, world);
    return file ? { command: 'notepad.exe', args: [], variable: 'default', file, batch: false } : undefined;
  }
  const [command = '', ...args] = splitCommand(env[variable] ?? '');
  const file = command ? findCommand(command, env, world) : undefined;
  if (!command || !file) throw new PostboardError(MESSAGES[lang].prompts.editor.notFound(command, variable));
  return { command, args, variable, file, batch: windows && !/\.(exe|com)$/i.test(file) };
}

/**
 * An EDITOR that npm put there, not the user: run through npx (or an npm script), npm sets EDITOR
 * to its own default — vi (notepad.exe on Windows) — when neither EDITOR nor VISUAL is set. Taken
 * for none, so `npx postboard add` asks as it would without npm: the body in place, or on
 * Windows Notepad, npm's choice and postboard's alike.
 */
const npmDefault = (env: NodeJS.ProcessEnv): boolean =>
  Boolean(env.npm_execpath) && !env.VISUAL && (env.EDITOR === 'vi' || /[\\/]notepad\.exe$/i.test(env.EDITOR ?? ''));

/** cmd.exe's special characters, each made literal by a `^` before it. */
const CMD_SPECIAL = /([()\][%!^"`<>&|;, *?])/g;

/** One argument for a program started by cmd.exe: quoted as the C runtime splits it, then every special character of cmd's escaped. */
function cmdArgument(arg: string): string {
  const quoted = `"${arg.replace(/(\\*)"/g, (_, slashes: string) => `${slashes}${slashes}\\"`).replace(/(\\+)$/, '$1$1')}"`;
  return quoted.replace(CMD_SPECIAL, '^$1');
}

/**
 * How to start the editor on `file`: the program itself, or on Windows a batch file (`code.cmd`)
 * through cmd.exe — Node refuses to start a .cmd without a shell (CVE-2024-27980) — with every
 * word escaped so that a space, `&` or `%` in a path stays part of it, as cross-spawn does.
 */
export function launchOf(editor: Editor, file: string, env: NodeJS.ProcessEnv): { command: string; args: string[]; verbatim: boolean } {
  if (!editor.batch) return { command: editor.file, args: [...editor.args, file], verbatim: false };
  const line = [editor.file.replace(CMD_SPECIAL, '^$1'), ...[...editor.args, file].map(cmdArgument)].join(' ');
  const comspec = Object.entries(env).find(([name]) => name.toUpperCase() === 'COMSPEC')?.[1] || 'cmd.exe';
  return { command: comspec, args: ['/d', '/s', '/c', `"${line}"`], verbatim: true };
}

/** How the temp folder is removed: one try (a test makes it fail as an antivirus holding the file would). */
export type Remove = (folder: string) => void;

const removeOnce: Remove = (folder) => rmSync(folder, { recursive: true, force: true });

/** Errors that mean "held for a moment" on Windows (an antivirus, the search indexer, a preview pane). */
const HELD = new Set(['EBUSY', 'EPERM', 'EACCES', 'ENOTEMPTY']);

/** How long the removal is retried while the folder is held, in all. */
export const CLEANUP_TRIES_MS = 3000;

/**
 * Removes the folder, retrying with a growing pause (50 ms, 100 ms, … as rimraf and Node's own
 * `maxRetries` do) for at most CLEANUP_TRIES_MS while something holds it: on Windows an antivirus
 * scanning the file just saved makes its removal fail with EBUSY or EPERM for a moment. False
 * when it is still there after that (or failed for another reason).
 */
export function removeWithRetries(folder: string, remove: Remove = removeOnce, budgetMs = CLEANUP_TRIES_MS): boolean {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      remove(folder);
      return true;
    } catch (error) {
      const pause = 50 * attempt;
      if (!HELD.has((error as NodeJS.ErrnoException).code ?? '') || Date.now() - started + pause > budgetMs) return false;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
  }
}

/** Runs the editor on `initial` and returns what was saved. */
export function editText(
  editor: Editor,
  initial: string,
  lang: Lang,
  env: NodeJS.ProcessEnv,
  options: { os?: OS; remove?: Remove; note?: (text: string) => void } = {},
): string {
  const os = options.os ?? process.platform;
  const folder = mkdtempSync(join(tmpdir(), 'postboard-'));
  const file = join(folder, 'body.md');
  /** The saved text: a byte-order mark (Notepad's) is not part of it. */
  const readSaved = () => readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    const fd = openSync(file, 'wx', 0o600);
    try {
      // On Windows with a byte-order mark: Notepad before Windows 10 1903 reads a file without
      // one as the ANSI code page (CP949), and would show the Hangul as mojibake.
      writeSync(fd, os === 'win32' ? `\uFEFF${initial}` : initial);
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
      const launch = launchOf(editor, file, env);
      result = spawnSync(launch.command, launch.args, { stdio: 'inherit', env, windowsVerbatimArguments: launch.verbatim });
    } finally {
      process.removeListener('SIGINT', ignore);
    }
    // What the editor saved, even if it then failed: text a person wrote is kept as a draft.
    const withSaved = <E extends PostboardError>(error: E): E => {
      let saved: string | undefined;
      try {
        saved = readSaved();
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
    return readSaved();
  } finally {
    // The body is read before this, and a folder that cannot be removed never loses it: the
    // user is told where the copy is left (their own private folder), and the post goes on.
    if (!removeWithRetries(folder, options.remove)) options.note?.(MESSAGES[lang].prompts.editor.leftBehind(folder));
  }
}
