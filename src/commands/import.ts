import type { Command } from 'commander';
import { importPosts, type ImportOutcome, type ImportRefusal, type ImportSkip, type PlacedRecord } from '../board/changes.js';
import { localDate, localTimestamp } from '../board/dates.js';
import { checkImportRecord } from '../board/import.js';
import type { Context } from '../context.js';
import { InvalidInputError, PostboardError } from '../errors.js';
import { DecodeError, type TextPlace } from '../files/decode.js';
import { readInputFile } from '../files/read.js';
import { BrokenQuotes, formatFromName, IMPORT_FORMATS, readRecords, type ImportFormat, type Unreadable } from '../formats/records.js';
import { grouped as n, type Lang, type Messages } from '../i18n/index.js';
import { canPrompt } from '../io.js';
import { OptionParser } from '../options.js';
import { describeChange } from '../render/changes.js';
import { withoutChanges } from '../board/sheet-changes.js';
import { changeAuthor } from '../board/log.js';
import { JSON_LOG_LIMIT } from '../store/log-file.js';
import { confirmOrDecline } from '../cmdutil/confirm.js';
import { examples } from '../cmdutil/examples.js';
import { readStdin } from '../cmdutil/post-fields.js';

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

interface ImportText {
  description: string;
  file: string;
  options: Record<keyof RawImportOptions, string>;
  examples: [string, string][];
  cannotRead: (file: string, code: string) => string;
  brokenQuotes: (file: string, row: number) => string;
  unreadable: (reason: Unreadable) => string;
  summary: (done: boolean, counts: Counts) => string;
  skip: (skip: ImportSkip) => string;
  refusal: (refusal: ImportRefusal, t: Messages) => string;
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

const TEXT: Record<Lang, ImportText> = {
  en: {
    description: 'Import posts from CSV (as export writes it, or Korean Excel saves it), TSV, JSON or JSONL; --update applies edits made in a spreadsheet',
    file: 'the file to import, or - for stdin',
    options: {
      format: `${IMPORT_FORMATS.join(', ')} (default: from the file name, else from the content)`,
      renumber: 'give every imported post a new number (posts from another board)',
      allowDuplicate: 'import posts whose source URL is already on the board',
      skipInvalid: 'import the valid records and report the rest, each with its reasons (default: all or nothing)',
      dryRun: 'check everything and show what would change, post by post; write nothing',
      update: 'rows whose number (번호/id) is on the board update that post (only the fields that differ); rows without one are added',
      yes: 'on a terminal, do not ask whether to apply the rows that change posts on the board',
      force: 'with --update: apply rows even to posts changed after the file was exported',
      formulaGuard: "keep the apostrophe before cells starting with = + - @ (export puts it there so a spreadsheet shows text, and import takes it off by default)",
    },
    examples: [
      ['postboard import board.csv', 'a CSV export (UTF-8, with or without BOM, UTF-16, or CP949 from Excel)'],
      ['postboard import 게시판.csv --update --dry-run', 'what an edited export would change, field by field'],
      ['postboard import 게시판.csv --update', 'apply the edits made in Excel'],
      ['postboard import archive.json --renumber', 'another board, under new numbers'],
      ['postboard export --format jsonl | postboard import - --db copy.json', 'copy a board'],
    ],
    cannotRead: (file, code) => `cannot read ${file} (${code})`,
    brokenQuotes: (file, row) =>
      `${file} row ${n(row)}: a quote (") opens there and never closes as CSV closes it, so no row after it can be told apart; nothing imported. Fix the quotes (a quote inside a cell is written "")`,
    unreadable: (reason) => {
      switch (reason.kind) {
        case 'json':
          return `not valid JSON (${reason.detail})`;
        case 'not-object':
          return 'not an object with the fields of a post';
        case 'not-posts':
          return 'neither an array of posts nor a board';
        case 'csv':
          return `not valid CSV (${reason.detail})`;
        case 'cells':
          return `${reason.cells} cells, but ${reason.columns} columns`;
        case 'inexact':
          return `${reason.key} ${reason.literal} cannot be held exactly (numbers go up to ${n(Number.MAX_SAFE_INTEGER)}, whole)`;
      }
    },
    summary: (done, c) => {
      const parts = [`${n(c.added)} added${c.renumbered ? ` (${n(c.renumbered)} under a new number)` : ''}`, `${n(c.updated)} updated`, `${n(c.unchanged)} unchanged`];
      if (c.skipped) parts.push(`${n(c.skipped)} skipped`);
      if (c.invalid) parts.push(`${n(c.invalid)} invalid`);
      return `${done ? 'Imported' : 'Would import'}: ${parts.join(', ')}`;
    },
    skip: (skip) => {
      switch (skip.kind) {
        case 'duplicate-source':
          return `skipped: its source URL is ${skip.existing === 'file' ? 'earlier in the file' : `already on the board as post ${skip.existing}`}`;
        case 'same-post':
          return `skipped: the same post is ${skip.existing === 'file' ? 'earlier in the file' : `already on the board as post ${skip.existing} (imported before)`}`;
        case 'on-board':
          return `skipped: post ${skip.id} is on the board with other content (--update applies the changes; --renumber adds it as a new post)`;
        case 'older-copy':
          return `skipped: post ${skip.id} was changed on the board after this file was made, and this row changes nothing of it: the board's version stays`;
        case 'deleted':
          return `skipped: post ${skip.id} was deleted from the board (by ${skip.who}, ${localTimestamp(skip.at)}); an older file does not bring it back (undo that delete, or --renumber to add it as a new post)`;
      }
    },
    refusal: (refusal, t) => {
      switch (refusal.kind) {
        case 'missing':
          return refusal.fields.length ? `a new post needs ${refusal.fields.map((field) => t.fieldName(field)).join(' and ')}` : 'not a valid post';
        case 'not-on-board':
          return `post ${refusal.id} is not on the board (--update changes posts that are; leave the number out to add it)`;
        case 'source-taken':
          return refusal.existing === 'file' ? 'its source URL is a new post\'s earlier in the file' : `its source URL is already on the board as post ${refusal.existing}`;
        case 'named-twice':
          return `post ${refusal.id} is changed by ${t.place(refusal.first)} already, differently; keep one of the two rows`;
        case 'changed-since':
          return t.stale.changed(refusal);
        case 'cannot-tell':
          return t.stale.cannotTell(refusal);
        case 'no-times':
          return `this file has no updatedAt (수정 시각) column, so whether post ${refusal.id} changed on the board since the file was made cannot be told; export with it (every default export has it) and edit that, or --force to apply the row as it is`;
      }
    },
    skipped: 'skipped',
    moreSkipped: (count) => `… and ${n(count)} more ${count === 1 ? 'row' : 'rows'} skipped as already on the board (counted below)`,
    ignored: (columns) => `ignored columns no field answers to: ${columns.join(', ')}`,
    noneValid: 'nothing imported: no record is valid',
    onBoard: (count) => `${n(count)} ${count === 1 ? 'row names a post' : 'rows name posts'} already on the board, with other content:`,
    ask: (count) => `Apply these changes to ${count === 1 ? 'that post' : `those ${n(count)} posts`}?`,
    plan: { update: (id, title) => `~ post ${id}: ${title}`, add: (id, title) => `+ post ${id}: ${title}` },
  },
  ko: {
    description: 'CSV(export가 쓴 것, 한국어 엑셀이 저장한 것), TSV, JSON, JSONL에서 글 가져오기. --update는 엑셀에서 고친 것을 반영',
    file: '가져올 파일, - 이면 표준 입력',
    options: {
      format: `${IMPORT_FORMATS.join(', ')} (기본: 파일 이름, 없으면 내용으로 판단)`,
      renumber: '가져온 글 모두에 새 번호 (다른 게시판의 글)',
      allowDuplicate: '출처 URL이 이미 있는 글도 가져오기',
      skipInvalid: '올바른 것만 가져오고 나머지는 이유와 함께 알리기 (기본: 전부 아니면 전무)',
      dryRun: '모두 검사하고 바뀔 것을 글마다 보여 주기; 쓰지 않음',
      update: '번호(번호/id)가 게시판에 있는 행은 그 글을 고침 (다른 필드만); 번호 없는 행은 추가',
      yes: '터미널에서, 게시판의 글을 바꾸는 행을 반영할지 묻지 않기',
      force: '--update와 함께: 파일을 내보낸 뒤에 바뀐 글에도 반영',
      formulaGuard: '= + - @ 로 시작하는 칸 앞의 작은따옴표를 그대로 두기 (export가 스프레드시트에서 글자로 보이도록 붙이고, import는 기본으로 뗌)',
    },
    examples: [
      ['postboard import board.csv', 'CSV 내보내기 (UTF-8, BOM 유무 상관없이, UTF-16, 또는 엑셀의 CP949)'],
      ['postboard import 게시판.csv --update --dry-run', '고친 내보내기가 바꿀 것을 필드마다'],
      ['postboard import 게시판.csv --update', '엑셀에서 고친 것을 반영'],
      ['postboard import archive.json --renumber', '다른 게시판을 새 번호로'],
      ['postboard export --format jsonl | postboard import - --db copy.json', '게시판 복사'],
    ],
    cannotRead: (file, code) => `읽을 수 없습니다: ${file} (${code})`,
    brokenQuotes: (file, row) =>
      `${file} ${n(row)}행: 여기서 연 따옴표(")가 CSV 방식으로 닫히지 않아 그 뒤의 행을 나눌 수 없습니다. 가져온 것 없음. 따옴표를 고치세요 (칸 안의 따옴표는 "" 로 씁니다)`,
    unreadable: (reason) => {
      switch (reason.kind) {
        case 'json':
          return `올바른 JSON이 아닙니다 (${reason.detail})`;
        case 'not-object':
          return '글의 필드를 가진 객체가 아닙니다';
        case 'not-posts':
          return '글의 배열도 게시판도 아닙니다';
        case 'csv':
          return `올바른 CSV가 아닙니다 (${reason.detail})`;
        case 'cells':
          return `칸이 ${reason.cells}개인데 열은 ${reason.columns}개입니다`;
        case 'inexact':
          return `${reason.key} 값을 정확히 담을 수 없습니다: ${reason.literal} (${n(Number.MAX_SAFE_INTEGER)}까지의 정수만)`;
      }
    },
    summary: (done, c) => {
      const parts = [`${n(c.added)}건 추가${c.renumbered ? `(${n(c.renumbered)}건 새 번호)` : ''}`, `${n(c.updated)}건 수정`, `${n(c.unchanged)}건 그대로`];
      if (c.skipped) parts.push(`${n(c.skipped)}건 건너뜀`);
      if (c.invalid) parts.push(`잘못된 ${n(c.invalid)}건`);
      return `${done ? '가져왔습니다' : '가져오면'}: ${parts.join(', ')}`;
    },
    skip: (skip) => {
      switch (skip.kind) {
        case 'duplicate-source':
          return `건너뜀: 출처 URL이 ${skip.existing === 'file' ? '파일 앞쪽에 이미 있습니다' : `이미 ${skip.existing}번 글에 있습니다`}`;
        case 'same-post':
          return `건너뜀: 같은 글이 ${skip.existing === 'file' ? '파일 앞쪽에 이미 있습니다' : `이미 ${skip.existing}번 글로 있습니다 (전에 가져옴)`}`;
        case 'on-board':
          return `건너뜀: ${skip.id}번 글이 다른 내용으로 게시판에 있습니다 (바꾸려면 --update, 새 글로 더하려면 --renumber)`;
        case 'older-copy':
          return `건너뜀: ${skip.id}번 글은 이 파일을 만든 뒤 게시판에서 바뀌었고, 이 행은 그 글에서 고친 것이 없습니다. 게시판의 것을 그대로 둡니다`;
        case 'deleted':
          return `건너뜀: ${skip.id}번 글은 게시판에서 지웠습니다 (${skip.who}, ${localTimestamp(skip.at)}). 예전 파일로 되살리지 않습니다 (그 삭제를 undo하거나, 새 글로 더하려면 --renumber)`;
      }
    },
    refusal: (refusal, t) => {
      switch (refusal.kind) {
        case 'missing':
          return refusal.fields.length ? `새 글에 꼭 있어야 할 것이 없습니다: ${refusal.fields.map((field) => t.fieldName(field)).join(', ')}` : '올바른 글이 아닙니다';
        case 'not-on-board':
          return `${refusal.id}번 글이 게시판에 없습니다 (--update는 있는 글을 고칩니다. 새로 더하려면 번호를 비우세요)`;
        case 'source-taken':
          return refusal.existing === 'file' ? '출처 URL이 파일 앞쪽의 새 글에 이미 있습니다' : `출처 URL이 이미 ${refusal.existing}번 글에 있습니다`;
        case 'named-twice':
          return `${refusal.id}번 글을 다르게 고치는 행이 이미 있습니다 (${t.place(refusal.first)}). 두 행 중 하나만 남기세요`;
        case 'changed-since':
          return t.stale.changed(refusal);
        case 'cannot-tell':
          return t.stale.cannotTell(refusal);
        case 'no-times':
          return `이 파일에는 수정 시각(updatedAt) 열이 없어, 파일을 만든 뒤에 ${refusal.id}번 글이 게시판에서 바뀌었는지 알 수 없습니다. 그 열이 있는 내보내기(기본 내보내기에는 다 있음)를 고치거나, 그대로 반영하려면 --force`;
      }
    },
    skipped: '건너뜀',
    moreSkipped: (count) => `… 이미 게시판에 있어 건너뛴 행 ${n(count)}개 더 (아래 합계에 있습니다)`,
    ignored: (columns) => `맞는 필드가 없어 무시한 열: ${columns.join(', ')}`,
    noneValid: '가져온 것 없음: 올바른 레코드가 없습니다',
    onBoard: (count) => `${n(count)}개 행이 게시판에 있는 글을 다른 내용으로 담고 있습니다:`,
    ask: (count) => (count === 1 ? '그 글에 이 변경을 반영할까요?' : `글 ${n(count)}개에 이 변경을 반영할까요?`),
    plan: { update: (id, title) => `~ ${id}번 글: ${title}`, add: (id, title) => `+ ${id}번 글: ${title}` },
  },
};

export const summary = (lang: Lang): string => TEXT[lang].description;

export function register(program: Command, ctx: Context, run = runImport): void {
  const text = TEXT[ctx.lang];
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
  const text = TEXT[ctx.lang];
  const store = ctx.board();
  if (!options.dryRun) await store.assertWritable();
  const file = await readRecords(await readInput(ctx, options.file, text), options.format, { formulaGuard: options.formulaGuard }).catch((error: unknown) => {
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
  const logKeeps = store.kind === 'json' ? JSON_LOG_LIMIT : undefined;
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
