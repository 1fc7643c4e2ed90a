import type { Change, ChangeLogEntry } from '../../board/log.js';
import { changedFields, postHash } from '../../board/log.js';
import { byName, subscriptionOf, withSource, type FetchState, type Source, type Subscription } from '../../board/source.js';
import type { Post } from '../../board/post.js';
import { titleKey } from '../../board/title-key.js';
import { BoardFileError } from '../../errors.js';
import type { BoardSnapshot, BoardTransaction, ChangeInfo, PostPage, PostQuery } from '../store.js';
import { contentsFound, fromLogRow, fromRow, hashOf, lastIdOf, LOG_COLUMNS, logValues, orderClause, sourcesOf, type LogRow } from './rows.js';

/**
 * The one transaction flow of both databases: a change's reads and operations, the change-log
 * record, a restore (copy) — written once over the little each database does its own way (the
 * dialect: how a statement is sent, a list bound, a table named, posts inserted).
 */
export interface SqlDialect {
  /** The board as the user named it, for messages. */
  readonly board: string;
  /** A table of the board, as SQL names it (PostgreSQL: qualified by the board's schema). */
  table(name: string): string;
  /** The select list of a post's columns (PostgreSQL: dates and times as text). */
  readonly postSelect: string;
  /** The rows of a query of the change in progress, its parameters written `?`. */
  all<R extends object>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** A statement of the change in progress that returns no rows. */
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  /** `column` is one of a list bound as one parameter (`?`), and that list's value. */
  inList(column: string, type: 'bigint' | 'text'): string;
  listParam(values: readonly (number | string)[]): unknown;
  /** Inserts posts as rows (in batches its own way); the number table is left alone. */
  insertPosts(posts: readonly Post[]): Promise<void>;
  /** Replaces a post's row by its new state. */
  updatePost(after: Post): Promise<void>;
}

/** A change in the making, each operation recorded for the change log. */
export class SqlTransaction implements BoardTransaction {
  readonly changes: Change[] = [];
  /** Set when something not logged was written (a source's fetch state): committed even without a log entry. */
  touched = false;

  constructor(private readonly d: SqlDialect) {}

  private t(name: string): string {
    return this.d.table(name);
  }

  async get(ids: readonly number[]): Promise<Map<number, Post>> {
    return ids.length === 0 ? new Map() : postsById(await this.d.all(`SELECT ${this.d.postSelect} FROM ${this.t('posts')} WHERE ${this.d.inList('id', 'bigint')}`, [this.d.listParam(ids)]));
  }

  async withSources(keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows = await this.d.all<{ key: string; id: string | number }>(`SELECT source_key AS key, min(id) AS id FROM ${this.t('posts')} WHERE ${this.d.inList('source_key', 'text')} GROUP BY source_key`, [this.d.listParam(keys)]);
    return new Map(rows.map((row) => [row.key, Number(row.id)]));
  }

  async withContents(keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    // Stored as fingerprints; each one's posts are compared whole, so a fingerprint shared by chance finds nothing.
    const byHash = new Map(keys.map((key) => [hashOf(key), key]));
    const rows = await this.d.all<Record<string, unknown>>(`SELECT ${this.d.postSelect} FROM ${this.t('posts')} WHERE ${this.d.inList('content_key', 'text')} ORDER BY id DESC`, [this.d.listParam([...byHash.keys()])]);
    return contentsFound(rows, byHash);
  }

  /** The highest number given: the highest ever issued (last_id), or a higher one on the board (a row inserted by hand). */
  async lastId(): Promise<number> {
    const [row] = await this.d.all<{ value: string | null; top: string | number | null }>(`SELECT (SELECT value FROM ${this.t('board')} WHERE key = 'last_id') AS value, (SELECT max(id) FROM ${this.t('posts')}) AS top`);
    return Math.max(lastIdOf(this.d.board, row?.value), Number(row?.top ?? 0));
  }

  /** Above both the highest number ever given and the highest on the board (a row inserted by hand). */
  async nextId(): Promise<number> {
    return (await this.lastId()) + 1;
  }

  /** Inserts posts and moves the highest number given past them; no log record (restore uses it as is). */
  async insertNow(posts: readonly Post[]): Promise<void> {
    if (posts.length === 0) return;
    await this.d.insertPosts(posts);
    const highest = Math.max(await this.lastId(), ...posts.map((post) => post.id));
    await this.d.run(`UPDATE ${this.t('board')} SET value = ? WHERE key = 'last_id'`, [String(highest)]);
  }

  async insert(posts: readonly Post[]): Promise<void> {
    await this.insertNow(posts);
    for (const post of posts) this.changes.push({ kind: 'add', id: post.id, title: post.title, hash: postHash(post) });
  }

  async update(before: Post, after: Post): Promise<void> {
    const fields = changedFields(before, after);
    if (!fields) return;
    await this.d.updatePost(after);
    this.changes.push({ kind: 'edit', id: after.id, title: after.title, ...fields });
  }

  async remove(posts: readonly Post[]): Promise<void> {
    if (posts.length === 0) return;
    await this.d.run(`DELETE FROM ${this.t('posts')} WHERE ${this.d.inList('id', 'bigint')}`, [this.d.listParam(posts.map((post) => post.id))]);
    for (const post of posts) this.changes.push({ kind: 'delete', id: post.id, title: post.title, post });
  }

  async entry(seq: number): Promise<ChangeLogEntry | undefined> {
    const [row] = await this.d.all<LogRow>(`SELECT * FROM ${this.t('changes')} WHERE seq = ?`, [seq]);
    return row && fromLogRow(this.d.board, row);
  }

  async recent(limit: number): Promise<ChangeLogEntry[]> {
    return (await this.d.all<LogRow>(`SELECT * FROM ${this.t('changes')} ORDER BY seq DESC LIMIT ?`, [limit])).map((row) => fromLogRow(this.d.board, row));
  }

  async markUndone(seq: number, by: number | undefined): Promise<void> {
    await this.d.run(`UPDATE ${this.t('changes')} SET undone_by = ? WHERE seq = ?`, [by ?? null, seq]);
  }

  async sources(): Promise<Source[]> {
    const [row] = await this.d.all<{ value: string }>(`SELECT value FROM ${this.t('board')} WHERE key = 'sources'`);
    return sourcesOf(this.d.board, row?.value);
  }

  async setSource(name: string, to: Subscription | null): Promise<void> {
    const set = withSource(await this.sources(), name, to);
    if (!set) return;
    await writeSources(this.d, set.sources);
    this.changes.push(set.change);
  }

  async keepState(name: string, state: FetchState, addedAt: string): Promise<void> {
    const list = await this.sources();
    const index = list.findIndex((source) => source.name === name && source.addedAt === addedAt);
    if (index === -1) return;
    list[index] = { ...subscriptionOf(list[index]!), ...state };
    await writeSources(this.d, list);
    this.touched = true;
  }

  async nextSeq(): Promise<number> {
    const [row] = await this.d.all<{ n: string | number }>(`SELECT coalesce(max(seq), 0) + 1 AS n FROM ${this.t('changes')}`);
    return Number(row?.n ?? 1);
  }
}

/** The board's sources written whole (by name), or their row removed when there are none. */
async function writeSources(d: SqlDialect, sources: Source[]): Promise<void> {
  await d.run(`DELETE FROM ${d.table('board')} WHERE key = 'sources'`);
  if (sources.length > 0) await d.run(`INSERT INTO ${d.table('board')} (key, value) VALUES ('sources', ?)`, [JSON.stringify([...sources].sort(byName))]);
}

/** Posts by number, from their rows. */
export const postsById = (rows: readonly Record<string, unknown>[]): Map<number, Post> => new Map(rows.map((row) => [Number(row.id), fromRow(row)]));

/** Adds a log entry to the change log (a change's own, or a copied board's). */
export const addLogEntry = (d: SqlDialect, entry: ChangeLogEntry): Promise<void> =>
  d.run(`INSERT INTO ${d.table('changes')} (${LOG_COLUMNS.join(', ')}) VALUES (${LOG_COLUMNS.map(() => '?').join(', ')})`, logValues(entry));

/**
 * Runs `work` as one change inside the database's transaction (begun by the caller): a change
 * that changed nothing, or a dry run, is ended by `end('ROLLBACK')`; else its log entry is
 * written and `end('COMMIT')` ends it.
 */
export async function runChange<T>(d: SqlDialect, info: ChangeInfo, work: (tx: BoardTransaction) => Promise<T>, end: (how: 'COMMIT' | 'ROLLBACK') => Promise<void>): Promise<{ result: T; changed: boolean; seq?: number }> {
  const tx = new SqlTransaction(d);
  const result = await work(tx);
  if ((tx.changes.length === 0 && !tx.touched) || info.dryRun) {
    await end('ROLLBACK');
    return { result, changed: false };
  }
  // (A change that only keeps what a pull learnt of a source's server commits without a log entry.)
  if (tx.changes.length === 0) {
    await end('COMMIT');
    return { result, changed: true };
  }
  const seq = await tx.nextSeq();
  await addLogEntry(d, { seq, at: info.at.toISOString(), who: info.who, command: info.command, ...(info.undoes !== undefined ? { undoes: info.undoes } : {}), ...(info.redoes !== undefined ? { redoes: info.redoes } : {}), changes: tx.changes });
  await end('COMMIT');
  return { result, changed: true, seq };
}

/**
 * Fills an empty board with a whole board (copy), inside the database's transaction (begun by the
 * caller; `end` commits it): refused when the board holds posts or changes already.
 */
export async function runRestore(d: SqlDialect, snapshot: BoardSnapshot, posts: AsyncIterable<readonly Post[]>, batchSize: number, end: () => Promise<void>): Promise<number> {
  const [counted] = await d.all<{ posts: string | number; changes: string | number }>(`SELECT (SELECT coalesce(sum(posts), 0) FROM ${d.table('counts')}) AS posts, (SELECT count(*) FROM ${d.table('changes')}) AS changes`);
  const present = Number(counted?.posts ?? 0);
  const changes = Number(counted?.changes ?? 0);
  if (present > 0 || changes > 0) throw new BoardFileError(d.board, { kind: 'not-empty', posts: present, changes });
  const tx = new SqlTransaction(d);
  let count = 0;
  let batch: Post[] = [];
  for await (const some of posts) {
    for (const post of some) {
      batch.push(post);
      if (batch.length === batchSize) {
        await tx.insertNow(batch);
        count += batch.length;
        batch = [];
      }
    }
  }
  await tx.insertNow(batch);
  count += batch.length;
  if (snapshot.lastId > (await tx.lastId())) await d.run(`UPDATE ${d.table('board')} SET value = ? WHERE key = 'last_id'`, [String(snapshot.lastId)]);
  if (Object.keys(snapshot.extras).length > 0) {
    await d.run(`DELETE FROM ${d.table('board')} WHERE key = 'extras'`);
    await d.run(`INSERT INTO ${d.table('board')} (key, value) VALUES ('extras', ?)`, [JSON.stringify(snapshot.extras)]);
  }
  for (const entry of snapshot.log) await addLogEntry(d, entry);
  if (snapshot.sources.length > 0) await writeSources(d, snapshot.sources);
  await end();
  return count;
}

/** The departments in use, the most used first (ties in 가나다 order). */
export const byUse = (rows: readonly { name: string; n: string | number }[]): string[] =>
  [...rows].sort((a, b) => Number(b.n) - Number(a.n) || (titleKey(a.name) < titleKey(b.name) ? -1 : 1)).map((row) => row.name);

/** Where the posts matching a filter are: FROM and WHERE (`?` parameters), and whether a search drives it. */
export interface Matching {
  from: string;
  where: string;
  params: unknown[];
  search: boolean;
  /** The order when the search index gives it better than the columns (SQLite's FTS5, by number). */
  order?: string;
}

/** How a database answers a page's two queries. */
export interface PageReader {
  /** The rows of a query, its parameters written `?`. */
  all<R extends object>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** The counts table (posts per status, kept by triggers). */
  readonly counts: string;
  /** The select list of a post's columns, as `from` names them. */
  readonly postSelect: string;
  /** LIMIT's value for every row. */
  readonly everyRow: unknown;
  /** The columns' prefix in `from` (`p.`). */
  readonly prefix: string;
}

/**
 * A page of posts, the same way on both databases: the total first (everything, or a status: as
 * the counts table keeps it; a search of a common word counted only so far, and said so; any
 * other filter counted), then the page's rows in order. What SQL matched is the page: nothing
 * is filtered again.
 */
export async function pageOf(r: PageReader, query: PostQuery, m: Matching | null, countUpTo: number): Promise<PostPage> {
  if (!m) return { posts: [], total: 0 };
  const { filter } = query;
  const onlyStatus = !m.search && filter.since === undefined && filter.until === undefined && !filter.author && !filter.department;
  const [counted] = onlyStatus
    ? await r.all<{ n: string | number }>(`SELECT coalesce(sum(posts), 0) AS n FROM ${r.counts}${filter.status === 'all' ? '' : ' WHERE status = ?'}`, filter.status === 'all' ? [] : [filter.status])
    : m.search
      ? await r.all<{ n: string | number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${m.from} ${m.where} LIMIT ${countUpTo + 1}) found`, m.params)
      : await r.all<{ n: string | number }>(`SELECT count(*) AS n FROM ${m.from} ${m.where}`, m.params);
  const n = Number(counted?.n ?? 0);
  const total = m.search && n > countUpTo ? { total: countUpTo, more: true as const } : { total: n };
  if (query.limit === 0) return { posts: [], ...total };
  const order = m.order ?? orderClause(query.order, r.prefix);
  const rows = await r.all<Record<string, unknown>>(`SELECT ${r.postSelect} FROM ${m.from} ${m.where} ORDER BY ${order} LIMIT ? OFFSET ?`, [...m.params, query.limit ?? r.everyRow, query.offset]);
  return { posts: rows.map(fromRow), ...total };
}
