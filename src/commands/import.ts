import type { CoreWords } from '../i18n/en.js';
import type { Command } from 'commander';
import { importPosts, type ImportOutcome, type ImportRefusal, type ImportSkip, type PlacedRecord } from '../board/changes.js';
import { localDate } from '../board/dates.js';
import { checkImportRecord } from '../board/import.js';
import type { Context } from '../context.js';
import { InvalidInputError, PostboardError } from '../errors.js';
import { DecodeError, type TextPlace } from '../files/decode.js';
import { readInputFile } from '../files/read.js';
import { BrokenQuotes, formatFromName, IMPORT_FORMATS, readRecords, type ImportFormat, type Unreadable } from '../formats/records.js';
import { type Lang, type Messages, MESSAGES } from '../i18n/index.js';
import { canPrompt } from '../io.js';
import { OptionParser } from '../options.js';
import { describeChange } from '../render/changes.js';
import { withoutChanges } from '../board/sheet-changes.js';
import { changeAuthor } from '../board/log.js';
import { JSON_LOG_LIMIT } from '../store/json/log-file.js';
import { heldWhole } from '../store/store.js';
import { confirmOrDecline } from '../cmdutil/confirm.js';
import { examples } from '../cmdutil/examples.js';
import { readStdin } from '../cmdutil/post-fields.js';
import { inputDamage } from '../files/damage.js';

export const name = 'import';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options] <file>';
export const aliases: readonly string[] = [];

export interface ImportOptions {
  /** A path, or `-` for stdin. */
  file: string;
  format: ImportFormat | undefined;
  renumber: boolean;
  allowDuplicate: boolean;
  skipInvalid: boolean;
  dryRun: boolean;
  /** Rows whose number is on the board update that post. */
  update: boolean;
  yes: boolean;
  /** Apply rows even to posts changed after the file was exported. */
  force: boolean;
  /** Take off the apostrophe export put before cells starting with = + - @. */
  formulaGuard: boolean;
  /** Apply changes that look like a spreadsheet's own doing too. */
  acceptSheetChanges: boolean;
}

interface RawImportOptions {
  format?: string;
  renumber?: boolean;
  allowDuplicate?: boolean;
  skipInvalid?: boolean;
  dryRun?: boolean;
  update?: boolean;
  yes?: boolean;
  force?: boolean;
  formulaGuard?: boolean;
}

interface Counts {
  added: number;
  renumbered: number;
  updated: number;
  unchanged: number;
  skipped: number;
  invalid: number;
}

export interface ImportText {
  description: string;
  file: string;
  options: Record<keyof RawImportOptions, string>;
  examples: [string, string][];
  cannotRead: (file: string, code: string) => string;
  brokenQuotes: (file: string, row: number) => string;
  unreadable: (reason: Unreadable) => string;
  summary: (done: boolean, counts: Counts) => string;
  skip: (skip: ImportSkip) => string;
  refusal: (refusal: ImportRefusal, t: CoreWords) => string;
  skipped: string;
  moreSkipped: (count: number) => string;
  ignored: (columns: string[]) => string;
  noneValid: string;
  onBoard: (count: number) => string;
  ask: (count: number) => string;
  plan: { update: (id: number, title: string) => string; add: (id: number, title: string) => string };
}

/** Skipped rows told one by one before the rest are only counted. */
const SKIPS_SHOWN = 10;


export const summary = (lang: Lang): string => MESSAGES[lang].commands.import.description;

export function register(program: Command, ctx: Context, run = runImport): void {
  const text = ctx.t.commands.import;
  program
    .command('import')
    .description(text.description)
    .argument('<file>', text.file)
    .option('-f, --format <format>', text.options.format)
    .option('--update', text.options.update)
    .option('--renumber', text.options.renumber)
    .option('--allow-duplicate', text.options.allowDuplicate)
    .option('--skip-invalid', text.options.skipInvalid)
    .option('--dry-run', text.options.dryRun)
    .option('-y, --yes', text.options.yes)
    .option('--force', text.options.force)
    .option('--no-formula-guard', text.options.formulaGuard)
    .option('--accept-spreadsheet-changes', ctx.t.sheet.option)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (file: string, raw: RawImportOptions & { acceptSpreadsheetChanges?: boolean }) => run(ctx, parseImportOptions(file, raw, ctx)));
}

export function parseImportOptions(file: string, raw: RawImportOptions & { acceptSpreadsheetChanges?: boolean }, ctx: Context): ImportOptions {
  const parse = new OptionParser(ctx, 'import');
  parse.conflict(['--update', raw.update], ['--renumber', raw.renumber]);
  if (raw.force && !raw.update) parse.fail(ctx.t.usage.conflict('--force', 'a plain import (it is for --update)'));
  return {
    file,
    format: parse.choice('--format', IMPORT_FORMATS, raw.format) ?? (file === '-' ? undefined : formatFromName(file)),
    renumber: Boolean(raw.renumber),
    allowDuplicate: Boolean(raw.allowDuplicate),
    skipInvalid: Boolean(raw.skipInvalid),
    dryRun: Boolean(raw.dryRun),
    update: Boolean(raw.update),
    yes: Boolean(raw.yes),
    force: Boolean(raw.force),
    formulaGuard: raw.formulaGuard !== false,
    acceptSheetChanges: Boolean(raw.acceptSpreadsheetChanges),
  };
}

export async function runImport(ctx: Context, options: ImportOptions): Promise<void> {
  const text = ctx.t.commands.import;
  const store = ctx.board();
  if (!options.dryRun) await store.assertWritable();
  const file = await readRecords(await readInput(ctx, options.file, text), options.format, {
    formulaGuard: options.formulaGuard,
    // Piped text may have been damaged on the way (PowerShell re-encodes it): refused, never imported.
    refuse: (decoded) => {
      const damage = options.file === '-' ? inputDamage(decoded) : undefined;
      if (damage) throw new PostboardError(ctx.t.stdin.damaged('import -', damage, 'postboard import <path>'));
    },
  }).catch((error: unknown) => {
    if (error instanceof DecodeError) throw new PostboardError(ctx.t.decode(options.file, error.problem));
    if (error instanceof BrokenQuotes) throw new InvalidInputError([text.brokenQuotes(options.file, error.row)]);
    throw error;
  });
  if (file.ignoredColumns.length > 0) ctx.note(text.ignored(file.ignoredColumns));

  // Each record on its own first: what is wrong with a record whatever the board holds.
  const valid: PlacedRecord[] = [];
  const invalid: { place: TextPlace; lines: string[] }[] = [];
  for (const raw of file.records) {
    if (raw.unreadable) {
      invalid.push({ place: raw.place, lines: [text.unreadable(raw.unreadable)] });
      continue;
    }
    const checked = checkImportRecord(raw.fields, file.stampsMissing);
    if ('record' in checked) valid.push({ place: raw.place, record: checked.record });
    else invalid.push({ place: raw.place, lines: checked.issues.map((issue) => ctx.t.fieldIssue(issue)) });
  }
  const where = (place: TextPlace) => `${options.file} ${ctx.t.place(place)}`;
  // All or nothing: one bad record and nothing is written, every bad record reported.
  if (invalid.length > 0 && !options.skipInvalid) throw new InvalidInputError(invalid.flatMap(({ place, lines }) => lines.map((line) => `${where(place)}: ${line}`)));
  for (const { place, lines } of invalid) for (const line of lines) ctx.note(`${where(place)}: ${text.skipped}: ${line}`);

  const today = localDate(ctx.io.now());
  let update: boolean | ReadonlySet<number> = options.update;
  const who = await changeAuthor(ctx.io.env);
  // How much of its change log the board keeps: whether the log can say what a coarse file time cannot.
  const logKeeps = heldWhole(store.kind) ? JSON_LOG_LIMIT : undefined;
  // What the import would do, worked out on the board as it is and written nowhere.
  const plan = async () => (await store.change({ command: 'import', at: ctx.io.now(), who, dryRun: true }, (tx) => importPosts(tx, valid, { ...options, update, now: ctx.io.now(), today, logKeeps }))).result;

  // At a terminal, what would change posts already on the board is shown and asked about first:
  // with --update, the plan (yes by default); without, the rows that differ (no by default, and a
  // no leaves them out but imports the rest).
  // (Never when the file came on stdin: the terminal's input is that file.)
  if (!options.dryRun && !options.yes && options.file !== '-' && canPrompt(ctx.io)) {
    const planned = await plan();
    if (options.update && planned.updated.length > 0) {
      ctx.say(planLines(planned, text, ctx.t, false));
      await confirmOrDecline(ctx, text.ask(planned.updated.length), true);
    }
    const differing = planned.skipped.filter((entry) => entry.skip.kind === 'on-board');
    if (!options.update && differing.length > 0) {
      ctx.say([text.onBoard(differing.length), ...differing.flatMap(({ skip }) => (skip.kind === 'on-board' ? changeLines(skip.before, skip.after, text, ctx.t) : []))]);
      const { askYesNo } = await import('../prompts/post-form.js');
      if (await askYesNo(ctx.io, ctx.lang, text.ask(differing.length), false)) update = new Set(differing.map(({ skip }) => (skip.kind === 'on-board' ? skip.id : 0)));
    }
  }

  const refuse = (outcome: ImportOutcome) => {
    if (outcome.refused.length === 0 || options.skipInvalid) return;
    throw new InvalidInputError(outcome.refused.map(({ place, refusal }) => `${where(place)}: ${text.refusal(refusal, ctx.t)}`));
  };
  let outcome: ImportOutcome;
  if (options.dryRun) {
    outcome = await plan();
    refuse(outcome);
    // The plan, post by post: each field old → new, and what looks like a spreadsheet's doing, marked.
    ctx.say(planLines(outcome, text, ctx.t, true));
  } else {
    ({ result: outcome } = await store.change({ command: 'import', at: ctx.io.now(), who }, async (tx) => {
      const result = await importPosts(tx, valid, { ...options, update, now: ctx.io.now(), today, logKeeps });
      refuse(result);
      return result;
    }));
  }
  // A sheet imported again skips every row: the first few say why, the summary counts them all.
  for (const { place, skip } of outcome.skipped.slice(0, SKIPS_SHOWN)) ctx.note(`${where(place)}: ${text.skip(skip)}`);
  if (outcome.skipped.length > SKIPS_SHOWN) ctx.note(text.moreSkipped(outcome.skipped.length - SKIPS_SHOWN));
  for (const { place, refusal } of outcome.refused) ctx.note(`${where(place)}: ${text.skipped}: ${text.refusal(refusal, ctx.t)}`);
  const counts: Counts = {
    added: outcome.added.length,
    renumbered: outcome.renumbered,
    updated: outcome.updated.length,
    unchanged: outcome.unchanged.length,
    skipped: outcome.skipped.length,
    invalid: invalid.length + outcome.refused.length,
  };
  // What looked like a spreadsheet's doing: one line per post (the plan has shown them already).
  if (!options.dryRun) for (const entry of outcome.sheet) ctx.note(`${where(entry.place)}: ${ctx.t.sheet.note(entry.id, entry.changes, entry.applied, ctx.t)}`);
  if (valid.length === 0 && invalid.length > 0) throw new PostboardError(text.noneValid);
  const held = outcome.sheet.filter((entry) => !entry.applied).length;
  const applied = outcome.sheet.length - held;
  ctx.say(`${text.summary(!options.dryRun, counts)}${held ? `; ${ctx.t.sheet.held(held)}` : ''}${applied ? `; ${ctx.t.sheet.applied(applied)}` : ''}`);
}

function changeLines(before: import('../board/post.js').Post, after: import('../board/post.js').Post, text: ImportText, t: Messages): string[] {
  return [text.plan.update(before.id, before.title), ...describeChange(before, after, t, { indent: '    ' })];
}

/**
 * The plan: each post updated, field by field, then (with `adds`) the posts added. Changes that look
 * like a spreadsheet's doing are marked, applied or not; a post that has only those is listed too.
 */
function planLines(outcome: ImportOutcome, text: ImportText, t: Messages, adds: boolean): string[] {
  const sheet = new Map(outcome.sheet.map((entry) => [entry.id, entry]));
  const lines: string[] = [];
  for (const { before, after } of outcome.updated) {
    const marked = sheet.get(before.id);
    // The spreadsheet's changes are said once, marked, not again among the person's.
    const theirs = structuredClone(after);
    if (marked?.applied) withoutChanges(theirs, marked.changes);
    lines.push(...changeLines(before, theirs, text, t));
    if (marked) lines.push(...marked.changes.map((change) => `    ${t.sheet.planLine(change, marked.applied, t)}`));
    sheet.delete(before.id);
  }
  for (const entry of sheet.values()) lines.push(text.plan.update(entry.id, entry.title), ...entry.changes.map((change) => `    ${t.sheet.planLine(change, entry.applied, t)}`));
  if (adds) lines.push(...outcome.added.map(({ post }) => text.plan.add(post.id, post.title)));
  return lines;
}

async function readInput(ctx: Context, file: string, text: ImportText): Promise<Buffer> {
  try {
    return file === '-' ? await readStdin(ctx) : readInputFile(file);
  } catch (error) {
    throw new PostboardError(text.cannotRead(file, ctx.t.ioCode((error as NodeJS.ErrnoException).code ?? 'EIO')));
  }
}
