import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { importPosts, type ImportedPost, type ImportResult } from '../board/changes.js';
import { localDate } from '../board/dates.js';
import { checkImportRecord } from '../board/import.js';
import type { Context } from '../context.js';
import { InvalidInputError, PostboardError } from '../errors.js';
import { grouped as n, type Lang } from '../i18n.js';
import { OptionParser } from '../options.js';
import { emptyBoard } from '../store/board.js';
import type { Board } from '../store/index.js';
import { DecodeError } from '../files/decode.js';
import { formatFromName, IMPORT_FORMATS, readRecords, type ImportFormat } from '../formats/records.js';
import { examples } from './help.js';
import { readStdin } from './post-fields.js';

export const name = 'import';
export const aliases: readonly string[] = [];

export interface ImportOptions {
  /** A path, or `-` for stdin. */
  file: string;
  format: ImportFormat | undefined;
  renumber: boolean;
  allowDuplicate: boolean;
  skipInvalid: boolean;
  dryRun: boolean;
}

interface RawImportOptions {
  format?: string;
  renumber?: boolean;
  allowDuplicate?: boolean;
  skipInvalid?: boolean;
  dryRun?: boolean;
}

interface ImportText {
  description: string;
  file: string;
  options: Record<keyof RawImportOptions, string>;
  examples: [string, string][];
  cannotRead: (file: string, code: string) => string;
  unreadable: (where: string, why: string) => string;
  summary: (done: boolean, imported: number, renumbered: number, duplicates: number, invalid: number) => string;
  duplicate: (where: string, existing: number) => string;
  skippedInvalid: (where: string) => string;
  ignored: (columns: string[]) => string;
  noneValid: string;
}

const TEXT: Record<Lang, ImportText> = {
  en: {
    description: 'Import posts from CSV (as export writes it, or from Korean Excel in CP949), JSON or JSONL',
    file: 'the file to import, or - for stdin',
    options: {
      format: `${IMPORT_FORMATS.join(', ')} (default: from the file name, else from the content)`,
      renumber: 'give every imported post a new number',
      allowDuplicate: 'import posts whose source URL is already on the board',
      skipInvalid: 'import the valid records and report the rest (default: all or nothing)',
      dryRun: 'check everything and say what would happen; write nothing',
    },
    examples: [
      ['postboard import board.csv', 'a CSV export (UTF-8, with or without BOM, or CP949 from Excel)'],
      ['postboard import archive.json --renumber', 'another board, under new numbers'],
      ['postboard export --format jsonl | postboard import - --db copy.json', 'copy a board'],
      ['postboard import new.csv --dry-run', 'what would happen'],
    ],
    cannotRead: (file, code) => `cannot read ${file} (${code})`,
    unreadable: (where, why) => `${where}: cannot be read: ${why}`,
    summary: (done, imported, renumbered, duplicates, invalid) =>
      `${done ? 'Imported' : 'Would import'} ${n(imported)} ${imported === 1 ? 'post' : 'posts'}${renumbered ? ` (${n(renumbered)} under new numbers)` : ''}; skipped ${n(duplicates)} already on the board; ${n(invalid)} invalid`,
    duplicate: (where, existing) => `${where}: skipped, its source URL is already on the board as post ${existing}`,
    skippedInvalid: (where) => `${where}: skipped, invalid`,
    ignored: (columns) => `ignored columns no field answers to: ${columns.join(', ')}`,
    noneValid: 'nothing imported: no record is valid',
  },
  ko: {
    description: 'CSV(export가 쓴 것, 또는 한국어 엑셀의 CP949), JSON, JSONL에서 글 가져오기',
    file: '가져올 파일, - 이면 표준 입력',
    options: {
      format: `${IMPORT_FORMATS.join(', ')} (기본: 파일 이름, 없으면 내용으로 판단)`,
      renumber: '가져온 글 모두에 새 번호',
      allowDuplicate: '출처 URL이 이미 있는 글도 가져오기',
      skipInvalid: '올바른 것만 가져오고 나머지는 알리기 (기본: 전부 아니면 전무)',
      dryRun: '모두 검사하고 결과만 알리기; 쓰지 않음',
    },
    examples: [
      ['postboard import board.csv', 'CSV 내보내기 (UTF-8, BOM 유무 상관없이, 또는 엑셀의 CP949)'],
      ['postboard import archive.json --renumber', '다른 게시판을 새 번호로'],
      ['postboard export --format jsonl | postboard import - --db copy.json', '게시판 복사'],
      ['postboard import new.csv --dry-run', '결과 미리 보기'],
    ],
    cannotRead: (file, code) => `${file}을(를) 읽을 수 없습니다 (${code})`,
    unreadable: (where, why) => `${where}: 읽을 수 없습니다: ${why}`,
    summary: (done, imported, renumbered, duplicates, invalid) =>
      `${n(imported)}건 ${done ? '가져옴' : '가져올 예정'}${renumbered ? ` (${n(renumbered)}건 새 번호)` : ''}; 이미 있는 ${n(duplicates)}건 건너뜀; 잘못된 ${n(invalid)}건`,
    duplicate: (where, existing) => `${where}: 건너뜀, 출처 URL이 이미 ${existing}번 글에 있습니다`,
    skippedInvalid: (where) => `${where}: 건너뜀, 잘못됨`,
    ignored: (columns) => `맞는 필드가 없어 무시한 열: ${columns.join(', ')}`,
    noneValid: '가져온 것 없음: 올바른 레코드가 없습니다',
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
    .option('--renumber', text.options.renumber)
    .option('--allow-duplicate', text.options.allowDuplicate)
    .option('--skip-invalid', text.options.skipInvalid)
    .option('--dry-run', text.options.dryRun)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (file: string, raw: RawImportOptions) => run(ctx, parseImportOptions(file, raw, ctx)));
}

export function parseImportOptions(file: string, raw: RawImportOptions, ctx: Context): ImportOptions {
  const parse = new OptionParser(ctx, 'import');
  return {
    file,
    format: parse.choice('--format', IMPORT_FORMATS, raw.format) ?? (file === '-' ? undefined : formatFromName(file)),
    renumber: Boolean(raw.renumber),
    allowDuplicate: Boolean(raw.allowDuplicate),
    skipInvalid: Boolean(raw.skipInvalid),
    dryRun: Boolean(raw.dryRun),
  };
}

export async function runImport(ctx: Context, options: ImportOptions): Promise<void> {
  const text = TEXT[ctx.lang];
  const file = await readRecords(await readInput(ctx, options.file, text), options.format).catch((error: unknown) => {
    throw error instanceof DecodeError ? new PostboardError(ctx.t.decode(options.file, error.problem)) : error;
  });
  if (file.ignoredColumns.length > 0) ctx.note(text.ignored(file.ignoredColumns));

  const today = localDate(ctx.io.now());
  const valid: ImportedPost[] = [];
  const invalid: { where: string; lines: string[] }[] = [];
  for (const record of file.records) {
    if (record.unreadable) {
      invalid.push({ where: record.where, lines: [text.unreadable(record.where, record.unreadable)] });
      continue;
    }
    const checked = checkImportRecord(record.where, record.fields, today);
    if ('record' in checked) valid.push(checked.record);
    else invalid.push({ where: record.where, lines: checked.issues.map((issue) => `${record.where}: ${ctx.t.fieldIssue(issue)}`) });
  }
  // All or nothing: one bad record and nothing is written, every bad record reported.
  if (invalid.length > 0 && !options.skipInvalid) throw new InvalidInputError(invalid.flatMap((record) => record.lines).map((line) => `${options.file} ${line}`));
  for (const record of invalid) ctx.note(`${options.file} ${text.skippedInvalid(record.where)}`);

  const change = (board: Board): ImportResult => importPosts(board, valid, options);
  let result: ImportResult;
  if (options.dryRun) {
    const board = (await ctx.board().read()) ?? emptyBoard();
    result = change(structuredClone(board));
  } else if (valid.length === 0) {
    if (invalid.length > 0) throw new PostboardError(text.noneValid);
    result = { imported: [], duplicates: [], renumbered: 0 };
  } else {
    result = await ctx.board().update(change);
  }
  for (const duplicate of result.duplicates) ctx.note(`${options.file} ${text.duplicate(duplicate.where, duplicate.existing)}`);
  ctx.say(text.summary(!options.dryRun, result.imported.length, result.renumbered, result.duplicates.length, invalid.length));
}

async function readInput(ctx: Context, file: string, text: ImportText): Promise<Buffer> {
  try {
    return file === '-' ? await readStdin(ctx) : readFileSync(file);
  } catch (error) {
    throw new PostboardError(text.cannotRead(file, (error as NodeJS.ErrnoException).code ?? 'EIO'));
  }
}
