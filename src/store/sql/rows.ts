/**
 * store/sql/ — what the two database boards share: a post as a row and back, the keys the
 * queries use, the parts of a query that do not depend on the dialect. store/sqlite/ and
 * store/postgres/ hold only what each database does its own way.
 */
import { sha1 } from '../../board/log.js';
import { contentKey, isRecord, POST_KEYS, urlKey, type Post } from '../../board/post.js';
import { foldedName, foldedText, type PostFilter, type PostOrder } from '../../board/query.js';
import { titleKey } from '../../board/title-key.js';

/**
 * What the two database boards share: a post as a row (with the keys the queries need, made the
 * way the JSON board compares), and the parts of a query that do not depend on the dialect.
 */

/** The schema version of a PostgreSQL board this postboard makes and reads. */
export const DATABASE_SCHEMA = 1;

/** Search matches counted up to this many; past it, the total says "at least" (10,000+). */
export const COUNT_UP_TO = 10_000;

/** A post as its row: its fields, and the keys queries use (computed here, the same for every board). */
export interface PostRow {
  id: number;
  title: string;
  author: string;
  department: string;
  date: string;
  views: number;
  status: string;
  body: string;
  source_agency: string | null;
  source_date: string | null;
  source_url: string | null;
  /** Keys of `source` postboard does not know (JSON), rare. */
  source_rest: string | null;
  created_at: string | null;
  updated_at: string | null;
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

export const ROW_COLUMNS = [
  'id',
  'title',
  'author',
  'department',
  'date',
  'views',
  'status',
  'body',
  'source_agency',
  'source_date',
  'source_url',
  'source_rest',
  'created_at',
  'updated_at',
  'extra',
  'title_key',
  'source_key',
  'content_key',
  'author_key',
  'department_key',
] as const satisfies readonly (keyof PostRow)[];

/** The columns a post is read back from. */
export const POST_COLUMNS = ROW_COLUMNS.slice(0, 15);

const KNOWN = new Set<string>(POST_KEYS);
const SOURCE_PARTS = new Set(['agency', 'date', 'url']);

/** The fingerprint of a post's content: contentKey, hashed to a short key for an index. */
export const contentHash = (post: Pick<Post, 'title' | 'author' | 'date' | 'body'>): string => hashOf(contentKey(post));
export const hashOf = (text: string): string => sha1(text).toString('base64url').slice(0, 22);

export function toRow(post: Post): PostRow {
  const stored = post as unknown as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) if (!KNOWN.has(key) && stored[key] !== undefined) extra[key] = stored[key];
  const source = isRecord(post.source) ? (post.source as Record<string, unknown>) : undefined;
  const sourceRest: Record<string, unknown> = {};
  if (source) for (const key of Object.keys(source)) if (!SOURCE_PARTS.has(key)) sourceRest[key] = source[key];
  const url = post.source?.url ?? null;
  return {
    id: post.id,
    title: post.title,
    author: post.author,
    department: post.department ?? '',
    date: post.date,
    views: post.views,
    status: post.status,
    body: post.body ?? '',
    source_agency: post.source?.agency ?? null,
    source_date: post.source?.date ?? null,
    source_url: url,
    source_rest: Object.keys(sourceRest).length > 0 ? JSON.stringify(sourceRest) : null,
    created_at: post.createdAt ?? null,
    updated_at: post.updatedAt ?? null,
    extra: Object.keys(extra).length > 0 ? JSON.stringify(extra) : null,
    title_key: titleKey(post.title),
    source_key: url ? urlKey(url) : null,
    content_key: contentHash({ title: post.title, author: post.author, date: post.date, body: post.body ?? '' }),
    author_key: foldedName(post.author),
    department_key: foldedName(post.department ?? ''),
  };
}

/** A row back as a post, its keys in the board file's order. */
export function fromRow(row: Pick<PostRow, (typeof POST_COLUMNS)[number]>): Post {
  const source: Record<string, unknown> = {};
  if (row.source_agency !== null) source.agency = row.source_agency;
  if (row.source_date !== null) source.date = row.source_date;
  if (row.source_url !== null) source.url = row.source_url;
  if (row.source_rest !== null) Object.assign(source, JSON.parse(row.source_rest));
  const post: Record<string, unknown> = {
    id: Number(row.id),
    title: row.title,
    author: row.author,
    department: row.department,
    date: row.date,
    views: Number(row.views),
    status: row.status,
    body: row.body,
  };
  if (Object.keys(source).length > 0) post.source = source;
  if (row.created_at !== null) post.createdAt = row.created_at;
  if (row.updated_at !== null) post.updatedAt = row.updated_at;
  if (row.extra !== null) Object.assign(post, JSON.parse(row.extra));
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
export function contentsFound(rows: readonly PostRow[], byHash: ReadonlyMap<string, string>): Map<string, number> {
  const found = new Map<string, number>();
  for (const row of rows) {
    const key = contentKey(fromRow(row));
    if (byHash.get(hashOf(key)) === key) found.set(key, Number(row.id));
  }
  return found;
}
