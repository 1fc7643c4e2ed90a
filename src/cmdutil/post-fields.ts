import { readInputFile } from '../files/read.js';
import type { Command } from 'commander';
import { INPUT_FIELDS, type InputField } from '../board/fields.js';
import type { FieldIssue, PostDraft } from '../board/post.js';
import type { Context } from '../context.js';
import { osOf } from '../io.js';
import { PostboardError } from '../errors.js';
import { decodeText, DecodeError } from '../files/decode.js';
import { inputDamage } from '../files/damage.js';
import type { Messages } from '../i18n/index.js';
import type { OptionParser } from '../options.js';

/** The flag that sets each field: the words errors use when the input came from flags. */
export const FIELD_FLAGS = Object.fromEntries(INPUT_FIELDS.map((field) => [field.path, field.input.flag])) as Record<InputField, string>;

/** commander's name for a flag's value: `--source-agency` is `sourceAgency`. */
const attribute = (flag: string): string => flag.replace(/^--/, '').replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/** The post's fields as commander hands them over (by each flag's name), shared by `add` and `edit`. */
export interface RawPostFields {
  [option: string]: unknown;
  body?: string;
  bodyFile?: string;
}

/** The value a flag takes, as its help names it (`--date <date>`). */
const valueName = (field: (typeof INPUT_FIELDS)[number]): string => (field.input.value ?? (field.kind === 'line' || field.kind === 'body' ? 'text' : field.kind));

/** Declares the field flags; `extra` adds to a flag's help (e.g. its default in `add`). */
export function addPostFieldOptions(command: Command, t: Messages, extra: Partial<Record<InputField | 'bodyFile', string>> = {}): Command {
  const help = (key: InputField | 'bodyFile') => (extra[key] ? `${t.flags[key]} ${extra[key]}` : t.flags[key]);
  for (const field of INPUT_FIELDS) {
    command.option(`${field.input.short ? `${field.input.short}, ` : ''}${field.input.flag} <${valueName(field)}>`, help(field.path));
    // The body also comes from a file (or stdin), right after its own flag.
    if (field.path === 'body') command.option('--body-file <path>', help('bodyFile'));
  }
  return command;
}

/** The fields given as flags, by field. `--body-file` is read later, by the command. */
export function draftFromFlags(raw: RawPostFields, parse: OptionParser): PostDraft {
  parse.conflict(['--body', raw.body], ['--body-file', raw.bodyFile]);
  const draft: PostDraft = {};
  for (const field of INPUT_FIELDS) {
    const value = raw[attribute(field.input.flag)];
    // A character already lost on the way (a CP949 file read into the command line) is not stored.
    if (typeof value === 'string' && value.includes('\uFFFD')) parse.fail(parse.t.stdin.damagedFlag(field.input.flag));
    if (typeof value === 'string') draft[field.path] = value;
  }
  return draft;
}

/** A field's problem, named by the flag that set it: `--date "2024-02-30" is not a real …`. */
export const describeFlagIssue = (issue: FieldIssue, ctx: Context): string =>
  ctx.t.fieldIssue(issue, FIELD_FLAGS[issue.field as InputField]);

/**
 * Everything on stdin; when that is a terminal, the person typing is told how to end. A Windows
 * console never ends its input by Ctrl+D (nodejs/node#61397): there a line holding only Ctrl+Z
 * (`^Z`, U+001A) ends it, as it ends `copy con` and every Windows program reading the console.
 */
export async function readStdin(ctx: Context): Promise<Buffer> {
  const console = Boolean(ctx.io.stdin.isTTY) && osOf(ctx.io) === 'win32';
  if (ctx.io.stdin.isTTY) ctx.note(console ? ctx.t.stdin.fromConsole : ctx.t.stdin.fromTerminal);
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    if (!console) continue;
    const typed = Buffer.concat(chunks);
    const end = endOfConsoleInput(typed);
    if (end !== undefined) {
      ctx.io.stdin.pause();
      return typed.subarray(0, end);
    }
  }
  return Buffer.concat(chunks);
}

/** Where a line holding only ^Z starts (what is typed ends there), or undefined while there is none. */
export function endOfConsoleInput(typed: Buffer): number | undefined {
  const match = /(^|\n)\x1a[ \t]*(\r?\n|$)/.exec(typed.toString('latin1'));
  return match ? match.index + match[1]!.length : undefined;
}

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
    throw new PostboardError(ctx.t.stdin.cannotReadBody(path, ctx.t.ioCode((error as NodeJS.ErrnoException).code ?? 'EIO')));
  }
  let text: string;
  try {
    text = (await decodeText(bytes, { places: 'lines' })).text;
  } catch (error) {
    if (error instanceof DecodeError) throw new PostboardError(`--body-file: ${ctx.t.decode(path === '-' ? 'stdin' : path, error.problem)}`);
    throw error;
  }
  // Piped text may have been damaged on the way (PowerShell re-encodes it): refused, never stored.
  const damage = path === '-' ? inputDamage(text) : undefined;
  if (damage) throw new PostboardError(ctx.t.stdin.damaged('--body-file -', damage, '--body-file <path>'));
  return text;
}
