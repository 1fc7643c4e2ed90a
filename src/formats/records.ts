import { extname } from 'node:path';
import { columnField, type FieldKey } from '../board/fields.js';
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
  | { kind: 'cells'; cells: number; columns: number };

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
    try {
      JSON.parse(start);
      return 'json';
    } catch {
      return 'jsonl';
    }
  }
  const header = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  return header.includes('\t') && !header.includes(',') ? 'tsv' : 'csv';
}

/** Reads the records of an import file; nothing is checked yet beyond being readable. */
export async function readRecords(bytes: Buffer, format: ImportFormat | undefined): Promise<ImportFile> {
  // Places are counted as the format counts records (a quoted CSV field may span lines).
  const { text, encoding } = await decodeText(bytes, { places: format === undefined || format === 'csv' ? 'csv-rows' : 'lines' });
  const chosen = format ?? sniffFormat(text);
  switch (chosen) {
    case 'json':
      return { format: chosen, encoding, records: jsonRecords(text), ignoredColumns: [] };
    case 'jsonl':
      return { format: chosen, encoding, records: jsonlRecords(text), ignoredColumns: [] };
    case 'csv':
    case 'tsv': {
      const rows = chosen === 'csv' ? await csvRows(text) : tsvRows(text);
      return { format: chosen, encoding, ...tableRecords(rows) };
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
  return items.map((item, index) =>
    isRecord(item)
      ? { place: { unit: 'item', number: index + 1 }, fields: item }
      : { place: { unit: 'item', number: index + 1 }, fields: {}, unreadable: { kind: 'not-object' } },
  );
}

function jsonlRecords(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const place: TextPlace = { unit: 'line', number: index + 1 };
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value)) records.push({ place, fields: value });
      else records.push({ place, fields: {}, unreadable: { kind: 'not-object' } });
    } catch (error) {
      records.push({ place, fields: {}, unreadable: { kind: 'json', detail: jsonDetail(error) } });
    }
  });
  return records;
}

async function csvRows(text: string): Promise<{ cells: string[]; problem?: string }[]> {
  const { parseCsv } = await import('../vendor/csv.js');
  const parsed = parseCsv<string[]>(text, { skipEmptyLines: 'greedy' });
  const problems = new Map(parsed.errors.map((error) => [error.row, error.message]));
  return parsed.data.map((cells, index) => ({ cells, problem: problems.get(index) }));
}

/** TSV as export writes it: one record per line, `\t \n \r \\` escaped. */
function tsvRows(text: string): { cells: string[] }[] {
  const unescape = (cell: string) => cell.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c] ?? c);
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line !== '')
    .map((line) => ({ cells: line.split('\t').map(unescape) }));
}

/** V8's JSON error without its quoted snippet: `Unexpected token '}'`. */
const jsonDetail = (error: unknown): string => (error as Error).message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');

function jsonErrorLine(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (!position) return 1;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function tableRecords(rows: { cells: string[]; problem?: string }[]): { records: RawRecord[]; ignoredColumns: string[] } {
  const [header, ...body] = rows;
  if (!header) return { records: [], ignoredColumns: [] };
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
      // Take off the apostrophe export's formula guard put in front.
      if (key) fields[key] = unguardFormula(row.cells[column] ?? '');
    });
    return { place, fields };
  });
  return { records, ignoredColumns };
}
