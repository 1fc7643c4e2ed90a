/**
 * store/sql/ — what the two database boards share: a post as a row and back, the keys the
 * queries use, the parts of a query that do not depend on the dialect. store/sqlite/ and
 * store/postgres/ hold only what each database does its own way.
 */
import { FIELDS, setValueAt, SOURCE_KEYS, valueAt, type FieldSpec } from '../../board/fields.js';
import { sha1, type Change, type ChangeLogEntry } from '../../board/log.js';
import { storedSources, type Source } from '../../board/source.js';
import { checkStoredPost, contentKey, isRecord, POST_KEYS, urlKey, type Post } from '../../board/post.js';
import { BoardFileError } from '../../errors.js';
import type { BoardProblem } from '../json/board-file.js';
import { columnOf, FIELD_COLUMNS, KEY_COLUMNS } from './schema.js';
import { foldedName, foldedText, type PostFilter, type PostOrder } from '../../board/query.js';
import { titleKey } from '../../board/title-key.js';

/**
 * What the two database boards share: a post as a row (with the keys the queries need, made the
 * way the JSON board compares), and the parts of a query that do not depend on the dialect.
 */

/** Search matches counted up to this many; past it, the total says "at least" (10,000+). */
export const COUNT_UP_TO = 10_000;

/**
 * A post as its row: a column per field (see schema.ts), what postboard does not know as JSON,
 * and the keys queries use (computed here, the same for every board).
 */
export interface PostRow {
  [column: string]: unknown;
  id: number;
  title: string;
  /** Keys of `source` postboard does not know (JSON), rare. */
  source_rest: string | null;
  /** Keys of the post postboard does not know (JSON, in their order), or null. */
  extra: string | null;
  /** The 가나다 key (title-key.ts). */
  title_key: string;
  /** The source URL as an address (urlKey), for the duplicate rule. */
  source_key: string | null;
  /** A fingerprint of title, author, date and body (the same post imported twice). */
  content_key: string;
  /** Author and department as the filters compare them (folded, invisible characters left out). */
  author_key: string;
  department_key: string;
}

/** The columns a post is read back from: its fields, then what postboard does not know. */
export const POST_COLUMNS: readonly string[] = [...FIELD_COLUMNS, 'source_rest', 'extra'];
/** Every column postboard writes. */
export const ROW_COLUMNS: readonly string[] = [...POST_COLUMNS, ...KEY_COLUMNS];

const SPECS = FIELDS as readonly FieldSpec[];
const KNOWN = new Set<string>(POST_KEYS);
const SOURCE_PARTS = new Set(SOURCE_KEYS);

/** The fingerprint of a post's content: contentKey, hashed to a short key for an index. */
export const contentHash = (post: Pick<Post, 'title' | 'author' | 'date' | 'body'>): string => hashOf(contentKey(post));
export const hashOf = (text: string): string => sha1(text).toString('base64url').slice(0, 22);

/** The keys of a post's row, computed from its fields. */
export function keysOf(post: Pick<Post, 'title' | 'author' | 'department' | 'date' | 'body' | 'source'>): Pick<PostRow, (typeof KEY_COLUMNS)[number]> {
  const url = post.source?.url;
  return {
    title_key: titleKey(post.title),
    source_key: typeof url === 'string' ? urlKey(url) : null,
    content_key: contentHash({ title: post.title, author: post.author, date: post.date, body: post.body ?? '' }),
    author_key: foldedName(post.author),
    department_key: foldedName(post.department ?? ''),
  };
}

export function toRow(post: Post): PostRow {
  const stored = post as unknown as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const field of SPECS) {
    const value = valueAt(post, field.path);
    row[columnOf(field)] = value === undefined ? (field.empty === 'blank' ? '' : null) : value;
  }
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) if (!KNOWN.has(key) && stored[key] !== undefined) extra[key] = stored[key];
  const source = isRecord(post.source) ? (post.source as Record<string, unknown>) : undefined;
  const sourceRest: Record<string, unknown> = {};
  if (source) for (const key of Object.keys(source)) if (!SOURCE_PARTS.has(key)) sourceRest[key] = source[key];
  row.source_rest = Object.keys(sourceRest).length > 0 ? JSON.stringify(sourceRest) : null;
  row.extra = Object.keys(extra).length > 0 ? JSON.stringify(extra) : null;
  return { ...row, ...keysOf(post) } as PostRow;
}

/** A whole number as a database gives it (PostgreSQL's bigint as text); anything else as it is, for `check` to name. */
const wholeNumber = (value: unknown): unknown => (typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : typeof value === 'bigint' ? Number(value) : value);

/** A row back as a post, its keys in the board file's order. */
export function fromRow(row: Record<string, unknown>): Post {
  const post: Record<string, unknown> = {};
  for (const field of SPECS) {
    const value = row[columnOf(field)];
    if (value === null || value === undefined) {
      if (field.empty === 'blank') post[field.path] = '';
      continue;
    }
    setValueAt(post, field.path, field.kind === 'number' || field.kind === 'count' ? wholeNumber(value) : value);
  }
  if (typeof row.source_rest === 'string') post.source = { ...(post.source as object), ...(JSON.parse(row.source_rest) as object) };
  if (typeof row.extra === 'string') Object.assign(post, JSON.parse(row.extra));
  return post as unknown as Post;
}

/** The text a post is searched in, as the JSON board compares it: NFC, lower case. */
export const searchText = (text: string): string => foldedText(text);

/**
 * The parts of a WHERE clause for the filters that are not search, with `?`-style parameters
 * given back in order (each dialect numbers them its own way). `column` names a column with the
 * dialect's quoting.
 */
export function filterClauses(filter: PostFilter, like: (column: string) => string): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.status !== 'all') {
    clauses.push('status = ?');
    params.push(filter.status);
  }
  if (filter.since !== undefined) {
    clauses.push('date >= ?');
    params.push(filter.since);
  }
  if (filter.until !== undefined) {
    clauses.push('date <= ?');
    params.push(filter.until);
  }
  if (filter.author) {
    clauses.push(like('author_key'));
    params.push(foldedName(filter.author));
  }
  if (filter.department) {
    clauses.push(like('department_key'));
    params.push(foldedName(filter.department));
  }
  return { clauses, params };
}

/** ORDER BY for a post order; ties go to the higher number, as in every board. */
export function orderClause(order: PostOrder, prefix = ''): string {
  const direction = order.ascending ? 'ASC' : 'DESC';
  switch (order.sort) {
    case 'id':
      return `${prefix}id ${direction}`;
    case 'views':
      return `${prefix}views ${direction}, ${prefix}id DESC`;
    case 'date':
      return `${prefix}date ${direction}, ${prefix}id DESC`;
    case 'title':
      return `${prefix}title_key ${direction}, ${prefix}id DESC`;
  }
}

/** How long a database board waited for its turn, as the lock message says it: tenths under a second. */
export const waitedSeconds = (ms: number): number => (ms < 1000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000));

/**
 * The posts found by content fingerprint, matched back to the keys asked for: each post compared
 * whole, so a fingerprint shared by chance finds nothing. Rows newest first: the oldest match wins.
 */
export function contentsFound(rows: readonly Record<string, unknown>[], byHash: ReadonlyMap<string, string>): Map<string, number> {
  const found = new Map<string, number>();
  for (const row of rows) {
    const key = contentKey(fromRow(row));
    if (byHash.get(hashOf(key)) === key) found.set(key, Number(row.id));
  }
  return found;
}

/** A row of the change log, as either database gives it (PostgreSQL's bigint as text). */
export interface LogRow {
  seq: string | number;
  at: string;
  who: string;
  command: string;
  undoes: string | number | null;
  redoes: string | number | null;
  undone_by: string | number | null;
  changes: string;
}

/** The sources as the board table keeps them (one JSON list under `sources`): checked; a hand edit that broke them is said so. */
export function sourcesOf(board: string, value: string | null | undefined): Source[] {
  if (value === null || value === undefined) return [];
  let sources: Source[] | undefined;
  try {
    sources = storedSources(JSON.parse(value));
  } catch {
    sources = undefined;
  }
  if (!sources) throw new BoardFileError(board, { kind: 'bad-header', field: 'sources', value: value.length > 40 ? `${value.slice(0, 40)}…` : value });
  return sources;
}

/** The change log's columns, for INSERT. */
export const LOG_COLUMNS = ['seq', 'at', 'who', 'command', 'undoes', 'redoes', 'undone_by', 'changes'] as const;

/** An entry as its row's values, in LOG_COLUMNS' order. */
export const logValues = (entry: ChangeLogEntry): (string | number | null)[] => [entry.seq, entry.at, entry.who, entry.command, entry.undoes ?? null, entry.redoes ?? null, entry.undoneBy ?? null, JSON.stringify(entry.changes)];

/** The problem with a change-log row a hand edit broke, or undefined for a sound one. */
export function logRowProblem(row: LogRow): BoardProblem | undefined {
  try {
    const changes = JSON.parse(row.changes) as unknown;
    if (Array.isArray(changes) && changes.every((change) => isRecord(change) && typeof change.kind === 'string')) return undefined;
  } catch {
    // said below
  }
  return { kind: 'broken-change', seq: String(row.seq) };
}

/** A row of the change log as an entry; a row broken by hand is said as such, naming the board and the change. */
export function fromLogRow(board: string, row: LogRow): ChangeLogEntry {
  const problem = logRowProblem(row);
  if (problem) throw new BoardFileError(board, problem);
  return {
    seq: Number(row.seq),
    at: row.at,
    who: row.who,
    command: row.command,
    ...(row.undoes !== null ? { undoes: Number(row.undoes) } : {}),
    ...(row.redoes !== null ? { redoes: Number(row.redoes) } : {}),
    ...(row.undone_by !== null ? { undoneBy: Number(row.undone_by) } : {}),
    changes: JSON.parse(row.changes) as Change[],
  };
}

/** The highest number given, as the board table keeps it; a value broken by hand is said as such. */
export function lastIdOf(board: string, value: unknown): number {
  if (value === undefined || value === null) return 0;
  const text = String(value);
  if (!/^\d{1,16}$/.test(text) || !Number.isSafeInteger(Number(text))) throw new BoardFileError(board, { kind: 'bad-last-id', value: text });
  return Number(text);
}

/**
 * What `check` finds in a database board's rows (read as they are, whatever the schema): posts
 * postboard cannot show, change-log rows broken by hand, a last_id that is no number, and one
 * below the highest post.
 */
export function auditRows(rows: readonly Record<string, unknown>[], lastId: unknown, log: readonly LogRow[]): BoardProblem[] {
  const problems: BoardProblem[] = [];
  let highest = 0;
  rows.forEach((row, index) => {
    const checked = checkStoredPost(fromRow(row));
    const id = typeof row.id === 'number' ? row.id : Number(row.id);
    if ('issues' in checked) for (const issue of checked.issues) problems.push({ kind: 'invalid-post', index, id: Number.isSafeInteger(id) ? id : undefined, issue });
    if (Number.isSafeInteger(id) && id > highest) highest = id;
  });
  for (const row of log) {
    const problem = logRowProblem(row);
    if (problem) problems.push(problem);
  }
  const text = lastId === undefined || lastId === null ? '0' : String(lastId);
  if (!/^\d{1,16}$/.test(text) || !Number.isSafeInteger(Number(text))) problems.push({ kind: 'bad-last-id', value: text });
  // A last_id below the highest post is a row inserted by hand above it: numbering goes on above
  // both (nextId), so it is no problem of the board's.
  return problems;
}

/** The numbers of the posts postboard cannot show, for a refusal (the first ten). */
export function refusedRows(problems: readonly BoardProblem[], during: 'upgrade' | 'copy'): BoardProblem | undefined {
  const ids = [...new Set(problems.flatMap((problem) => (problem.kind === 'invalid-post' ? [problem.id === undefined ? `#${problem.index + 1}` : String(problem.id)] : [])))];
  return ids.length > 0 ? { kind: 'rows-refused', ids: ids.slice(0, 10), count: ids.length, during } : undefined;
}
