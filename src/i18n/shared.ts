// What both languages' catalogues use: the language itself, and how numbers and values are written.
import type { FieldIssue } from '../board/post.js';

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];

/**
 * The interface language: `--lang`, else `POSTBOARD_LANG`, else Korean when the locale
 * (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them) is Korean, else English.
 * When none of those is set (Windows has no LANG), the system's locale as Intl reports it
 * (`ko-KR` on a Korean Windows) decides.
 */
export function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv, systemLocale?: () => string): Lang {
  for (const candidate of [flag, env.POSTBOARD_LANG]) {
    if (candidate === 'ko' || candidate === 'en') return candidate;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || systemLocale?.() || '';
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** 2933 → 2,933 (the same in both languages). */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A word of a command to paste into a shell, as it is when plain, else quoted for that shell:
 * POSIX single quotes (`'\\''` for a quote inside); PowerShell single quotes, a quote inside
 * doubled (PowerShell takes ‘ ’ ‚ ‛ for quotes too, so those are doubled as well); cmd.exe
 * double quotes, which keep spaces, `&`, `|`, `<`, `>`, `^` and `(` literal (cmd keeps single
 * quotes as part of the word, so they would not do). A `"` cannot be in a Windows file name; in
 * another word cmd gets it as `\\"`, as the C runtime that splits Node's arguments reads it.
 */
export function shellWord(word: string, shell: 'posix' | 'cmd' | 'powershell' = 'posix'): string {
  switch (shell) {
    case 'posix':
      return /^[\p{L}\p{N}_./:@%+=,~-]+$/u.test(word) && !word.startsWith('~') ? word : `'${word.replace(/'/g, `'\\''`)}'`;
    case 'powershell':
      return /^[\p{L}\p{N}_./\\:+=~-]+$/u.test(word) && !/^[-~]/.test(word) ? word : `'${word.replace(/['‘’‚‛]/g, (quote) => quote + quote)}'`;
    case 'cmd':
      return /^[\p{L}\p{N}_./\\:@+=~-]+$/u.test(word) ? word : `"${word.replace(/(\\*)"/g, (_, slashes: string) => `${slashes}${slashes}\\"`).replace(/(\\+)$/, '$1$1')}"`;
  }
}

/** 537,000,000 → "512 MB" (binary megabytes, as `ls -lh` counts). */
export const megabytes = (bytes: number): string => `${grouped(Math.round(bytes / 1024 / 1024))} MB`;

/** A size as `ls -lh` would put it: 900 KB, 12 MB (binary units). */
export const byteSize = (bytes: number): string => (bytes < 1024 * 1024 ? `${grouped(Math.max(1, Math.ceil(bytes / 1024)))} KB` : bytes < 10 * 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : megabytes(bytes));

/** A value quoted for an error message, kept short. */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The value worth quoting beside a problem: not a missing, empty or overlong one. */
export const shownValue = (issue: FieldIssue): string =>
  issue.rule === 'required' || issue.rule === 'empty' || issue.rule === 'too-long' || issue.rule === 'too-deep' || issue.value === undefined ? '' : ` ${quoted(issue.value)}`;
