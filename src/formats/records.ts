import { extname } from 'node:path';
import { columnField, NUMBER_FIELDS, type FieldKey } from '../board/fields.js';
import { EDGE, inexactNumbers } from '../board/numbers.js';
import { isRecord } from '../board/post.js';
import { decodeText, type TextEncoding, type TextPlace } from '../files/decode.js';
import { unguardFormula } from './cells.js';

export const IMPORT_FORMATS = ['csv', 'tsv', 'json', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Why a record could not be read at all. */
export type Unreadable =
  | { kind: 'json'; detail: string }
  | { kind: 'not-object' }
  | { kind: 'not-posts' }
  | { kind: 'csv'; detail: string }
  | { kind: 'cells'; cells: number; columns: number }
  | { kind: 'inexact'; key: string; literal: string };

/** One record of an import file, as read: where it is, and its fields by key. */
export interface RawRecord {
  /** Row 3 (CSV, TSV: the spreadsheet's row, header = row 1), line 7 (JSONL), item 2 (JSON). */
  place: TextPlace;
  fields: Record<string, unknown>;
  /** A record that could not be read at all (a broken JSON line, a CSV row with extra cells). */
  unreadable?: Unreadable;
}

export interface ImportFile {
  format: ImportFormat;
  /** How the bytes were decoded (see files/decode.ts). */
  encoding: TextEncoding;
  records: RawRecord[];
  /** Header names no field answers to; their columns are left out. */
  ignoredColumns: string[];
  /** A CSV or TSV without createdAt/updatedAt columns: its new posts are stamped now, as `add` stamps them. */
  stampsMissing: boolean;
}

/** The format a file's name says, if it says one. */
export function formatFromName(name: string): ImportFormat | undefined {
  const ext = extname(name).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return undefined;
}

/** Guesses the format from the text itself (for stdin, or a name that says nothing). */
function sniffFormat(text: string): ImportFormat {
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    // One object: a board (it has posts) is JSON; a post alone is one line of JSONL.
    try {
      const value: unknown = JSON.parse(start);
      return isRecord(value) && Array.isArray(value.posts) ? 'json' : 'jsonl';
    } catch {
      return 'jsonl';
    }
  }
  const header = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  return header.includes('\t') && !header.includes(',') ? 'tsv' : 'csv';
}

export interface ReadOptions {
  /** Take off the apostrophe export puts before a cell starting with = + - @ (default: yes). */
  formulaGuard?: boolean;
  /** Looks at the decoded text before its records are read, and throws to refuse it (damaged stdin). */
  refuse?: (text: string) => void;
}

/** Reads the records of an import file; nothing is checked yet beyond being readable. */
export async function readRecords(bytes: Buffer, format: ImportFormat | undefined, options: ReadOptions = {}): Promise<ImportFile> {
  // Places are counted as the format counts records (a quoted CSV field may span lines).
  const { text, encoding } = await decodeText(bytes, { places: format === undefined || format === 'csv' ? 'csv-rows' : 'lines' });
  options.refuse?.(text);
  const chosen = format ?? sniffFormat(text);
  switch (chosen) {
    case 'json':
      return { format: chosen, encoding, records: jsonRecords(text), ignoredColumns: [], stampsMissing: false };
    case 'jsonl':
      return { format: chosen, encoding, records: jsonlRecords(text), ignoredColumns: [], stampsMissing: false };
    case 'csv':
    case 'tsv': {
      // Tab-separated text from Excel ("Unicode text", UTF-16) quotes cells as CSV does; the TSV
      // postboard writes escapes with backslashes instead.
      const excelText = chosen === 'tsv' && (encoding === 'utf16le' || encoding === 'utf16be');
      const rows = chosen === 'csv' ? await csvRows(text, ',') : excelText ? await csvRows(text, '\t') : await tsvRows(text);
      return { format: chosen, encoding, ...tableRecords(rows, options.formulaGuard ?? true) };
    }
  }
}

/** A JSON array of posts, or a board file. */
function jsonRecords(text: string): RawRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [{ place: { unit: 'line', number: jsonErrorLine(text, (error as Error).message) }, fields: {}, unreadable: { kind: 'json', detail: jsonDetail(error) } }];
  }
  const items = Array.isArray(value) ? value : (value as { posts?: unknown })?.posts;
  if (!Array.isArray(items)) return [{ place: { unit: 'line', number: 1 }, fields: {}, unreadable: { kind: 'not-posts' } }];
  return exactNumbers(
    text,
    items.map((item, index) =>
      isRecord(item)
        ? { place: { unit: 'item', number: index + 1 }, fields: item }
        : { place: { unit: 'item', number: index + 1 }, fields: {}, unreadable: { kind: 'not-object' } },
    ),
  );
}

function jsonlRecords(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const place: TextPlace = { unit: 'line', number: index + 1 };
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value)) records.push(...exactNumbers(line, [{ place, fields: value }]));
      else records.push({ place, fields: {}, unreadable: { kind: 'not-object' } });
    } catch (error) {
      records.push({ place, fields: {}, unreadable: { kind: 'json', detail: jsonDetail(error) } });
    }
  });
  return records;
}

/** A CSV file's quoting went wrong from here on: the rows after it cannot be told apart. */
export class BrokenQuotes extends Error {
  constructor(readonly row: number) {
    super(`quotes broken at row ${row}`);
  }
}

async function csvRows(text: string, delimiter: ',' | '\t'): Promise<{ cells: string[]; problem?: string }[]> {
  const { parseCsv } = await import('../lazy/csv.js');
  // The delimiter is known: PapaParse's guessing would take `;` for it in a one-column file.
  const parsed = parseCsv<string[]>(text, { skipEmptyLines: 'greedy', delimiter });
  // A quote opened and never closed (or closed in the middle of a cell) swallows every row after
  // it into one cell: no row after it can be trusted, so the whole file is refused, naming where.
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  // (Rows are counted as a spreadsheet counts them: the header is row 1.)
  if (broken) throw new BrokenQuotes((broken.row ?? 0) + 1);
  const problems = new Map(parsed.errors.map((error) => [error.row, error.message]));
  return parsed.data.map((cells, index) => ({ cells, problem: problems.get(index) }));
}

/**
 * TSV as export writes it: one record per line, `\t \n \r \\` escaped, a cell opening with a
 * quote quoted as CSV quotes it. Read with quotes as a spreadsheet writes them (a sheet that
 * saved the file again may quote any cell, and break a long one over lines inside its quotes),
 * then the escapes undone; a file from an older export, with a bare quote at a cell's start,
 * one line per record.
 */
async function tsvRows(text: string): Promise<{ cells: string[]; problem?: string }[]> {
  const unescape = (cell: string) => cell.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c] ?? c);
  let rows: { cells: string[]; problem?: string }[];
  try {
    rows = await csvRows(text, '\t');
  } catch (error) {
    if (!(error instanceof BrokenQuotes)) throw error;
    // Lines end in LF, CRLF, or CR alone (old Mac text): a CR inside a cell is written \r.
    rows = text
      .split(/\r\n|\n|\r/)
      .filter((line) => line !== '')
      .map((line) => ({ cells: line.split('\t') }));
  }
  return rows.map((row) => ({ ...row, cells: row.cells.map(unescape) }));
}

/**
 * Records whose number or views sit at the edge of what JavaScript holds exactly are checked
 * against the text (see board/numbers.ts): one written as 9007199254740993 is unreadable, never
 * silently …992.
 */
function exactNumbers(text: string, records: RawRecord[]): RawRecord[] {
  const atEdge = (record: RawRecord) => NUMBER_FIELDS.some((key) => typeof record.fields[key] === 'number' && (record.fields[key] as number) >= EDGE);
  if (!records.some(atEdge)) return records;
  const inexact = inexactNumbers(text, NUMBER_FIELDS);
  return records.map((record) => {
    if (!atEdge(record)) return record;
    const found = inexact.find((candidate) => record.fields[candidate.key] === Number(candidate.literal));
    return found ? { ...record, fields: {}, unreadable: { kind: 'inexact', key: found.key, literal: found.literal } } : record;
  });
}

/** V8's JSON error without its quoted snippet: `Unexpected token '}'`. */
const jsonDetail = (error: unknown): string => (error as Error).message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');

function jsonErrorLine(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (!position) return 1;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function tableRecords(rows: { cells: string[]; problem?: string }[], guard: boolean): { records: RawRecord[]; ignoredColumns: string[]; stampsMissing: boolean } {
  const [header, ...body] = rows;
  if (!header) return { records: [], ignoredColumns: [], stampsMissing: false };
  // One fixed table of names (board/fields.ts), never the interface's labels: rewording the
  // interface never breaks the import of an old export.
  const keys: (FieldKey | undefined)[] = header.cells.map((name) => columnField(name.replace(/^\uFEFF/, '').trim()));
  // A column named twice is read from its first place.
  keys.forEach((key, index) => {
    if (key && keys.indexOf(key) !== index) keys[index] = undefined;
  });
  const ignoredColumns = header.cells.filter((_, index) => keys[index] === undefined);
  const records = body.map((row, index): RawRecord => {
    const place: TextPlace = { unit: 'row', number: index + 2 };
    if (row.problem) return { place, fields: {}, unreadable: { kind: 'csv', detail: row.problem } };
    if (row.cells.length > header.cells.length) return { place, fields: {}, unreadable: { kind: 'cells', cells: row.cells.length, columns: header.cells.length } };
    const fields: Record<string, unknown> = {};
    keys.forEach((key, column) => {
      // A row shorter than the header gives nothing for its last columns (not "empty": that
      // would clear fields on --update); take off the apostrophe export's formula guard put in front.
      const cell = row.cells[column];
      if (key && cell !== undefined) fields[key] = guard ? unguardFormula(cell) : cell;
    });
    return { place, fields };
  });
  return { records, ignoredColumns, stampsMissing: !keys.includes('createdAt') && !keys.includes('updatedAt') };
}
