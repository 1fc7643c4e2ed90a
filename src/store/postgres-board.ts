import type { Client } from 'pg';
import type { ChangeLogEntry, PostChange } from '../board/log.js';
import { changedFields, postHash } from '../board/log.js';
import type { Post } from '../board/post.js';
import { urlKey } from '../board/post.js';
import { postMatcher, type PostFilter } from '../board/query.js';
import { titleKey } from '../board/title-key.js';
import { BoardFileError, UsageError } from '../errors.js';
import type { BoardProblem } from './board.js';
import { ambiguousUrl } from './index.js';
import { COUNT_UP_TO, contentsFound, DATABASE_SCHEMA, filterClauses, fromRow, hashOf, orderClause, POST_COLUMNS, ROW_COLUMNS, searchText, toRow, type PostRow, waitedSeconds } from './sql.js';
import type { BoardInfo, BoardSnapshot, BoardStore, BoardTransaction, ChangeInfo, Grouping, OwnFile, PostPage, PostQuery, Tally } from './store.js';

/**
 * A board in a PostgreSQL database, shared by a team: `--db postgres://user@host:5432/db`. The
 * URL, the PG* environment variables and ~/.pgpass work as for psql (through node-postgres);
 * `?schema=NAME` keeps a board in its own schema, so one database holds several (default:
 * `postboard`). `postboard init --db URL` makes the tables; no other command makes them.
 *
 * Every command is one transaction. Writers take their turn on the board's row (`FOR UPDATE`),
 * so numbers come from the database, are never given twice, and no change is lost between
 * machines. Search looks in the text as the JSON board compares it (NFC, lower case), through a
 * trigram index (pg_trgm) where the server has it; exports stream out with COPY.
 */

export interface PostgresBoardOptions {
  url: string;
  shownAs: string;
  lockTimeoutMs: number;
  /** Search matches counted up to this many (see COUNT_UP_TO; tests lower it). */
  countUpTo?: number;
}

type PgModule = typeof import('../lazy/pg.js');

interface LogRow {
  seq: string | number;
  at: string;
  who: string;
  command: string;
  undoes: string | number | null;
  redoes: string | number | null;
  undone_by: string | number | null;
  changes: string;
}

const fromLogRow = (row: LogRow): ChangeLogEntry => ({
  seq: Number(row.seq),
  at: row.at,
  who: row.who,
  command: row.command,
  ...(row.undoes !== null ? { undoes: Number(row.undoes) } : {}),
  ...(row.redoes !== null ? { redoes: Number(row.redoes) } : {}),
  ...(row.undone_by !== null ? { undoneBy: Number(row.undone_by) } : {}),
  changes: JSON.parse(row.changes) as PostChange[],
});

/** Posts inserted with one INSERT each up to this many; more go in with COPY. */
const COPY_FROM = 200;
/** Posts read at a time while streaming, when not through COPY. */
const BATCH = 1000;

/** The text a post is searched in: title and body as the JSON board compares them, apart. */
const searched = (post: Pick<Post, 'title' | 'body'>): string => `${searchText(post.title)}\n${searchText(post.body ?? '')}`;

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, '\\$&');

export class PostgresBoardStore implements BoardStore {
  readonly name: string;
  readonly kind = 'postgres' as const;
  private client: Client | undefined;
  private ready: Promise<Client> | undefined;
  private readonly schema: string;
  private readonly connection: string;
  private tablesThere: boolean | undefined;
  private readonly countUpTo: number;

  constructor(private readonly options: PostgresBoardOptions) {
    this.name = options.shownAs;
    this.countUpTo = options.countUpTo ?? COUNT_UP_TO;
    let url: URL;
    try {
      if (ambiguousUrl(options.url)) throw new Error('read two ways');
      url = new URL(options.url);
    } catch {
      // (Said with the URL as shown: never its password.)
      throw new UsageError(`${this.name}: not a valid PostgreSQL URL (postgres://user@host:5432/database; a password with @, /, ? or # in it is written %40, %2F, %3F, %23)`);
    }
    this.schema = url.searchParams.get('schema') ?? 'postboard';
    url.searchParams.delete('schema');
    this.connection = url.toString();
    if (this.schema.length > 63) throw new UsageError(`--db: schema ${JSON.stringify(this.schema.slice(0, 20))}… is longer than PostgreSQL's 63 characters for a name`);
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(this.schema)) throw new UsageError(`--db: schema ${JSON.stringify(this.schema)} must be letters, digits and _ (a PostgreSQL name)`);
  }

  private fail(problem: BoardProblem): never {
    throw new BoardFileError(this.name, problem);
  }

  /** A table of this board, qualified by its schema. */
  private t(table: string): string {
    return `"${this.schema}".${table}`;
  }

  private async pg(): Promise<PgModule> {
    return import('../lazy/pg.js');
  }

  /** The connection (one per command), opened on first use. */
  private async connect(): Promise<Client> {
    this.ready ??= (async () => {
      const { pg } = await this.pg();
      // lock_timeout for the whole session (sent with the login, no extra round trip): a reader
      // behind an administrator's lock (VACUUM FULL, ALTER TABLE) gives up too, as writers do.
      const client = new pg.Client({
        connectionString: this.connection,
        connectionTimeoutMillis: 10_000,
        application_name: 'postboard',
        lock_timeout: Math.max(1, Math.round(this.options.lockTimeoutMs)),
      });
      // An error on an idle connection (the server went away) is said at the next query, not thrown from nowhere.
      client.on('error', () => {});
      try {
        await client.connect();
      } catch (error) {
        return this.fail(this.problem(error, client));
      }
      this.client = client;
      return client;
    })();
    return this.ready;
  }

  /** A server error, said as a board problem: never with the password. */
  private problem(error: unknown, client?: Client): BoardProblem {
    const code = (error as { code?: string }).code ?? '';
    const url = new URL(this.connection);
    const host = `${client?.host ?? (url.hostname || 'localhost')}:${client?.port ?? (url.port || 5432)}`;
    if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'].includes(code)) return { kind: 'unreachable', host, code };
    if (/timeout/i.test((error as Error).message ?? '') && !code) return { kind: 'unreachable', host, code: 'ETIMEDOUT' };
    // The server asks for a password and none was given (not in the URL, PGPASSWORD or ~/.pgpass).
    if (/client password must be a string/i.test((error as Error).message ?? '')) return { kind: 'login-failed', user: client?.user ?? (decodeURIComponent(url.username) || 'this user'), noPassword: true };
    if (code === '28P01' || code === '28000') {
      const given = (client as { password?: unknown } | undefined)?.password;
      return { kind: 'login-failed', user: client?.user ?? (decodeURIComponent(url.username) || 'this user'), ...(given === undefined || given === null || given === '' ? { noPassword: true as const } : {}) };
    }
    if (code === '3D000') return { kind: 'no-database', database: client?.database ?? decodeURIComponent(url.pathname.slice(1)) };
    if (code === '42P01' || code === '3F000') return { kind: 'no-tables', location: this.name };
    if (code === '55P03' || code === '57014') return { kind: 'locked', seconds: waitedSeconds(this.options.lockTimeoutMs) };
    if (code === '53100') return { kind: 'unwritable', code: 'ENOSPC' };
    if (code === '25006') return { kind: 'unwritable', code: 'EROFS' };
    const message = ((error as Error).message ?? String(error)).replace(/:\/\/([^:/@]*):[^@]*@/g, '://$1:***@');
    return { kind: 'database', detail: message };
  }

  private async guard<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof BoardFileError || error instanceof UsageError) throw error;
      if ((error as { code?: string }).code === undefined && !(error instanceof Error && /connect|terminat/i.test(error.message))) throw error;
      return this.fail(this.problem(error, this.client));
    }
  }

  /** The connection to a board whose tables are there; a board not made yet is said so (init makes it). */
  private async board(): Promise<Client> {
    const client = await this.connect();
    if (this.tablesThere) return client;
    const found = await this.guard(() => client.query<{ value: string }>(`SELECT value FROM ${this.t('board')} WHERE key = 'schema'`));
    const schema = Number(found.rows[0]?.value);
    if (!Number.isInteger(schema) || schema < 1) return this.fail({ kind: 'not-a-board-database' });
    if (schema > DATABASE_SCHEMA) return this.fail({ kind: 'newer-version', version: schema, reads: DATABASE_SCHEMA });
    this.tablesThere = true;
    return client;
  }

  private async query<R extends object>(client: Client, sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.guard(() => client.query<R>(sql, params))).rows;
  }

  async info(): Promise<BoardInfo> {
    const client = await this.board();
    // One round trip for both.
    const [row] = await this.query<{ n: string; last: string | null }>(
      client,
      `SELECT (SELECT coalesce(sum(posts), 0) FROM ${this.t('counts')}) AS n, (SELECT value FROM ${this.t('board')} WHERE key = 'last_id') AS last`,
    );
    return { exists: true, posts: Number(row?.n ?? 0), lastId: Number(row?.last ?? 0) };
  }

  private async lastId(client: Client): Promise<number> {
    const [row] = await this.query<{ value: string }>(client, `SELECT value FROM ${this.t('board')} WHERE key = 'last_id'`);
    return Number(row?.value ?? 0);
  }

  /** FROM … WHERE … for posts matching a filter, with $n parameters from `first` on. */
  private matching(filter: PostFilter, first = 1): { where: string; params: unknown[] } {
    const { clauses, params } = filterClauses(filter, (column) => `strpos(${column}, ?) > 0`);
    for (const term of filter.search ?? []) {
      clauses.push(`search LIKE ?`);
      params.push(`%${likeLiteral(searchText(term))}%`);
    }
    let n = first;
    const where = clauses.map((clause) => clause.replace(/\?/g, () => `$${n++}`));
    return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  async page(query: PostQuery): Promise<PostPage> {
    const client = await this.board();
    const { where, params } = this.matching(query.filter);
    const onlyStatus = !query.filter.search?.length && query.filter.since === undefined && query.filter.until === undefined && !query.filter.author && !query.filter.department;
    const counted = onlyStatus
      ? await this.query<{ n: string }>(client, `SELECT coalesce(sum(posts), 0) AS n FROM ${this.t('counts')}${query.filter.status === 'all' ? '' : ' WHERE status = $1'}`, query.filter.status === 'all' ? [] : [query.filter.status])
      : query.filter.search?.length
        ? // A search of a common word matches most of a large board: counted up to a point, and said so.
          await this.query<{ n: string }>(client, `SELECT count(*) AS n FROM (SELECT 1 FROM ${this.t('posts')} ${where} LIMIT ${this.countUpTo + 1}) found`, params)
        : await this.query<{ n: string }>(client, `SELECT count(*) AS n FROM ${this.t('posts')} ${where}`, params);
    const n = Number(counted[0]?.n ?? 0);
    const total = Math.min(n, this.countUpTo);
    const more = n > this.countUpTo ? ({ more: true } as const) : {};
    if (query.limit === 0) return { posts: [], total: query.filter.search?.length ? total : n, ...(query.filter.search?.length ? more : {}) };
    const rows = await this.query<PostRow>(
      client,
      `SELECT ${POST_COLUMNS.join(', ')} FROM ${this.t('posts')} ${where} ORDER BY ${orderClause(query.order)} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit ?? null, query.offset],
    );
    const matches = postMatcher(query.filter);
    return { posts: rows.map(fromRow).filter(matches), total: query.filter.search?.length ? total : n, ...(query.filter.search?.length ? more : {}) };
  }

  async get(ids: readonly number[]): Promise<Map<number, Post>> {
    if (ids.length === 0) return new Map();
    return getPosts(this, await this.board(), ids);
  }

  /** Every matching post, in order, through COPY: one pass, memory flat, whatever the board's size. */
  async *stream(query: Omit<PostQuery, 'offset'>): AsyncIterable<readonly Post[]> {
    const client = await this.board();
    const { where, params } = this.matching(query.filter);
    // COPY takes no parameters: the values go in as literals, quoted by the driver.
    let n = 0;
    const literal = where.replace(/\$\d+/g, () => client.escapeLiteral(String(params[n++])));
    const limit = query.limit === undefined ? '' : ` LIMIT ${Math.floor(query.limit)}`;
    const sql = `COPY (SELECT ${POST_COLUMNS.join(', ')} FROM ${this.t('posts')} ${literal} ORDER BY ${orderClause(query.order)}${limit}) TO STDOUT`;
    const { copyTo } = await this.pg();
    const stream = client.query(copyTo(sql));
    const matches = postMatcher(query.filter);
    let rest = '';
    // The server's bytes arrive in pieces that may end inside a character: decode them as a stream.
    const decoder = new TextDecoder('utf-8');
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const text = rest + decoder.decode(chunk, { stream: true });
        const lines = text.split('\n');
        rest = lines.pop() ?? '';
        const batch: Post[] = [];
        for (const line of lines) {
          const post = fromRow(copyRow(line));
          if (matches(post)) batch.push(post);
        }
        if (batch.length > 0) yield batch;
      }
    } catch (error) {
      this.fail(this.problem(error, client));
    }
  }

  async departments(): Promise<string[]> {
    const rows = await this.query<{ name: string; n: string }>(await this.board(), `SELECT department AS name, count(*) AS n FROM ${this.t('posts')} WHERE department <> '' GROUP BY department`);
    return rows.sort((a, b) => Number(b.n) - Number(a.n) || (titleKey(a.name) < titleKey(b.name) ? -1 : 1)).map((row) => row.name);
  }

  async tally(filter: PostFilter, by: Grouping): Promise<Tally[]> {
    const { where, params } = this.matching(filter);
    const key = by === 'month' ? 'substr(date, 1, 7)' : by;
    const rows = await this.query<{ key: string; posts: string; views: string }>(await this.board(), `SELECT ${key} AS key, count(*) AS posts, coalesce(sum(views), 0) AS views FROM ${this.t('posts')} ${where} GROUP BY ${key}`, params);
    return rows.map((row) => ({ key: row.key, posts: Number(row.posts), views: Number(row.views) }));
  }

  async withSource(url: string): Promise<Post | undefined> {
    const [row] = await this.query<PostRow>(await this.board(), `SELECT ${POST_COLUMNS.join(', ')} FROM ${this.t('posts')} WHERE source_key = $1 ORDER BY id LIMIT 1`, [urlKey(url)]);
    return row && fromRow(row);
  }

  async log(limit: number): Promise<ChangeLogEntry[]> {
    const rows = await this.query<LogRow>(await this.board(), `SELECT * FROM ${this.t('changes')} ORDER BY seq DESC LIMIT $1`, [Math.min(limit, Number.MAX_SAFE_INTEGER)]);
    return rows.map(fromLogRow);
  }

  async change<T>(info: ChangeInfo, work: (tx: BoardTransaction) => Promise<T>): Promise<{ result: T; changed: boolean; seq?: number }> {
    const client = await this.board();
    await this.query(client, 'BEGIN');
    let open = true;
    try {
      // Writers take their turn here, on the board's own row, waiting no longer than the lock
      // timeout (the session's lock_timeout, set at login).
      await this.query(client, `SELECT value FROM ${this.t('board')} WHERE key = 'last_id' FOR UPDATE`);
      const tx = new PostgresTransaction(this, client);
      const result = await work(tx);
      if (tx.changes.length === 0 || info.dryRun) {
        await this.query(client, 'ROLLBACK');
        open = false;
        return { result, changed: false };
      }
      const seq = await tx.nextSeq();
      await this.query(client, `INSERT INTO ${this.t('changes')} (seq, at, who, command, undoes, redoes, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        seq,
        info.at.toISOString(),
        info.who,
        info.command,
        info.undoes ?? null,
        info.redoes ?? null,
        JSON.stringify(tx.changes),
      ]);
      await this.query(client, 'COMMIT');
      open = false;
      return { result, changed: true, seq };
    } finally {
      if (open) await client.query('ROLLBACK').catch(() => {});
    }
  }

  async assertWritable(): Promise<void> {
    await this.board();
  }

  async ownFile(): Promise<OwnFile | undefined> {
    return undefined;
  }

  async snapshot(): Promise<BoardSnapshot> {
    const client = await this.board();
    const [extras] = await this.query<{ value: string }>(client, `SELECT value FROM ${this.t('board')} WHERE key = 'extras'`);
    const log = await this.query<LogRow>(client, `SELECT * FROM ${this.t('changes')} ORDER BY seq`);
    return { lastId: await this.lastId(client), extras: JSON.parse(extras?.value ?? '{}') as Record<string, unknown>, log: log.map(fromLogRow) };
  }

  async restore(snapshot: BoardSnapshot, posts: AsyncIterable<readonly Post[]>): Promise<number> {
    const client = await this.board();
    await this.query(client, 'BEGIN');
    try {
      await this.query(client, `SELECT value FROM ${this.t('board')} WHERE key = 'last_id' FOR UPDATE`);
      const present = (await this.info()).posts;
      const [logged] = await this.query<{ n: string }>(client, `SELECT count(*) AS n FROM ${this.t('changes')}`);
      const changes = Number(logged?.n ?? 0);
      if (present > 0 || changes > 0) this.fail({ kind: 'not-empty', posts: present, changes });
      const tx = new PostgresTransaction(this, client);
      let count = 0;
      let batch: Post[] = [];
      for await (const some of posts) {
        for (const post of some) {
          batch.push(post);
          if (batch.length === BATCH * 10) {
            await tx.insertNow(batch);
            count += batch.length;
            batch = [];
          }
        }
      }
      await tx.insertNow(batch);
      count += batch.length;
      await this.query(client, `UPDATE ${this.t('board')} SET value = $1 WHERE key = 'last_id'`, [String(Math.max(snapshot.lastId, await this.lastId(client)))]);
      if (Object.keys(snapshot.extras).length > 0) {
        await this.query(client, `INSERT INTO ${this.t('board')} (key, value) VALUES ('extras', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [JSON.stringify(snapshot.extras)]);
      }
      for (const entry of snapshot.log) {
        await this.query(client, `INSERT INTO ${this.t('changes')} (seq, at, who, command, undoes, redoes, undone_by, changes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          entry.seq,
          entry.at,
          entry.who,
          entry.command,
          entry.undoes ?? null,
          entry.redoes ?? null,
          entry.undoneBy ?? null,
          JSON.stringify(entry.changes),
        ]);
      }
      await this.query(client, 'COMMIT');
      return count;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }

  /** Makes the board's schema and tables (and the trigram index, where pg_trgm can be had). */
  async init(): Promise<{ made: boolean; info: BoardInfo }> {
    const client = await this.connect();
    await this.query(client, 'BEGIN');
    try {
      // Several inits at once: one makes the board, the others wait for it and find it made.
      await this.query(client, `SELECT pg_advisory_xact_lock(hashtext($1))`, [`postboard init ${this.schema}`]);
      const [exists] = await this.query<{ found: string | null }>(client, `SELECT to_regclass($1) AS found`, [`"${this.schema}".board`]);
      if (exists?.found) {
        await this.query(client, 'ROLLBACK');
        return { made: false, info: await this.info() };
      }
      await this.query(client, `CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await this.query(client, schemaSql(this.schema));
      await this.query(client, `INSERT INTO ${this.t('board')} (key, value) VALUES ('schema', $1), ('last_id', '0')`, [String(DATABASE_SCHEMA)]);
      await this.query(client, 'COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
    // Search through a trigram index where the server allows the extension (it is trusted since
    // PostgreSQL 13); without it search still works, reading every post.
    // (Another init making the extension at the same moment may fail this one's CREATE EXTENSION; the index still comes.)
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm').catch(() => {});
    await client.query(`CREATE INDEX IF NOT EXISTS posts_search ON ${this.t('posts')} USING gin (search gin_trgm_ops)`).catch(() => {
      // no pg_trgm here
    });
    this.tablesThere = true;
    return { made: true, info: await this.info() };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.ready = undefined;
    await client?.end();
  }

  /** For the transaction: queries said as board problems. */
  run<R extends object>(client: Client, sql: string, params: unknown[] = []): Promise<R[]> {
    return this.query<R>(client, sql, params);
  }

  table(name: string): string {
    return this.t(name);
  }

  async copyIn(client: Client, sql: string, lines: string[]): Promise<void> {
    const { copyFrom } = await this.pg();
    await this.guard(
      () =>
        new Promise<void>((resolve, reject) => {
          const stream = client.query(copyFrom(sql));
          stream.on('finish', resolve);
          stream.on('error', reject);
          for (const line of lines) stream.write(line);
          stream.end();
        }),
    );
  }
}

function schemaSql(schema: string): string {
  const t = (name: string) => `"${schema}".${name}`;
  return `
CREATE TABLE ${t('board')} (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE ${t('posts')} (
  id bigint PRIMARY KEY,
  title text NOT NULL,
  author text NOT NULL,
  department text NOT NULL DEFAULT '',
  date text COLLATE "C" NOT NULL,
  views bigint NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('published', 'hidden')),
  body text NOT NULL DEFAULT '',
  source_agency text,
  source_date text,
  source_url text,
  source_rest text,
  created_at text,
  updated_at text,
  extra text,
  title_key text COLLATE "C" NOT NULL,
  source_key text,
  content_key text NOT NULL,
  author_key text NOT NULL,
  department_key text NOT NULL,
  search text NOT NULL
);
CREATE INDEX posts_status ON ${t('posts')} (status, id);
CREATE INDEX posts_date ON ${t('posts')} (date, id);
CREATE INDEX posts_date_newest ON ${t('posts')} (date, id DESC);
CREATE INDEX posts_views ON ${t('posts')} (views, id);
CREATE INDEX posts_views_most ON ${t('posts')} (views, id DESC);
CREATE INDEX posts_title ON ${t('posts')} (title_key, id);
CREATE INDEX posts_title_first ON ${t('posts')} (title_key, id DESC);
CREATE INDEX posts_source ON ${t('posts')} (source_key) WHERE source_key IS NOT NULL;
CREATE INDEX posts_content ON ${t('posts')} (content_key);
CREATE INDEX posts_department ON ${t('posts')} (department);
CREATE TABLE ${t('counts')} (status text PRIMARY KEY, posts bigint NOT NULL);
INSERT INTO ${t('counts')} VALUES ('published', 0), ('hidden', 0);
CREATE FUNCTION ${t('count_posts')}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN UPDATE ${t('counts')} SET posts = posts - 1 WHERE status = OLD.status; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE ${t('counts')} SET posts = posts + 1 WHERE status = NEW.status; END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER posts_counted AFTER INSERT OR DELETE OR UPDATE OF status ON ${t('posts')} FOR EACH ROW EXECUTE FUNCTION ${t('count_posts')}();
CREATE TABLE ${t('changes')} (seq bigint PRIMARY KEY, at text NOT NULL, who text NOT NULL, command text NOT NULL, undoes bigint, redoes bigint, undone_by bigint, changes text NOT NULL);
`;
}

/** One line of COPY's text format back as a row (tab-separated, backslash escapes, \N for null). */
function copyRow(line: string): PostRow {
  const cells = line.split('\t').map((cell) =>
    cell === '\\N' ? null : cell.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '\\': '\\' })[c] ?? c),
  );
  return Object.fromEntries(POST_COLUMNS.map((column, index) => [column, cells[index] ?? null])) as unknown as PostRow;
}

/** A value in COPY's text format. */
const copyCell = (value: unknown): string =>
  value === null || value === undefined ? '\\N' : String(value).replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? c);

async function getPosts(store: PostgresBoardStore, client: Client, ids: readonly number[]): Promise<Map<number, Post>> {
  const rows = await store.run<PostRow>(client, `SELECT ${POST_COLUMNS.join(', ')} FROM ${store.table('posts')} WHERE id = ANY($1::bigint[])`, [ids]);
  return new Map(rows.map((row) => [Number(row.id), fromRow(row)]));
}

const INSERT_COLUMNS = [...ROW_COLUMNS, 'search'] as const;

/** A change in the making: one transaction, holding the board's row; each operation recorded for the log. */
class PostgresTransaction implements BoardTransaction {
  readonly changes: PostChange[] = [];

  constructor(
    private readonly store: PostgresBoardStore,
    private readonly client: Client,
  ) {}

  private run<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.store.run<R>(this.client, sql, params);
  }

  private t(name: string): string {
    return this.store.table(name);
  }

  async get(ids: readonly number[]): Promise<Map<number, Post>> {
    return ids.length === 0 ? new Map() : getPosts(this.store, this.client, ids);
  }

  async withSources(keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows = await this.run<{ key: string; id: string }>(`SELECT source_key AS key, min(id) AS id FROM ${this.t('posts')} WHERE source_key = ANY($1::text[]) GROUP BY source_key`, [keys]);
    return new Map(rows.map((row) => [row.key, Number(row.id)]));
  }

  async withContents(keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const byHash = new Map(keys.map((key) => [hashOf(key), key]));
    const rows = await this.run<PostRow>(`SELECT ${POST_COLUMNS.join(', ')} FROM ${this.t('posts')} WHERE content_key = ANY($1::text[]) ORDER BY id DESC`, [[...byHash.keys()]]);
    return contentsFound(rows, byHash);
  }

  async lastId(): Promise<number> {
    const [row] = await this.run<{ value: string }>(`SELECT value FROM ${this.t('board')} WHERE key = 'last_id'`);
    return Number(row?.value ?? 0);
  }

  async nextId(): Promise<number> {
    return (await this.lastId()) + 1;
  }

  /** Inserts posts (COPY for many) and moves lastId past them; no log record. */
  async insertNow(posts: readonly Post[]): Promise<void> {
    if (posts.length === 0) return;
    const rows = posts.map((post) => ({ ...toRow(post), search: searched(post) }));
    if (rows.length >= COPY_FROM) {
      await this.store.copyIn(
        this.client,
        `COPY ${this.t('posts')} (${INSERT_COLUMNS.join(', ')}) FROM STDIN`,
        rows.map((row) => `${INSERT_COLUMNS.map((column) => copyCell(row[column])).join('\t')}\n`),
      );
    } else {
      for (const row of rows) {
        await this.run(`INSERT INTO ${this.t('posts')} (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`, INSERT_COLUMNS.map((column) => row[column]));
      }
    }
    const highest = Math.max(...posts.map((post) => post.id));
    await this.run(`UPDATE ${this.t('board')} SET value = $1 WHERE key = 'last_id' AND value::bigint < $2`, [String(highest), highest]);
  }

  async insert(posts: readonly Post[]): Promise<void> {
    await this.insertNow(posts);
    for (const post of posts) this.changes.push({ kind: 'add', id: post.id, title: post.title, hash: postHash(post) });
  }

  async update(before: Post, after: Post): Promise<void> {
    const fields = changedFields(before, after);
    if (!fields) return;
    const row = { ...toRow(after), search: searched(after) };
    const columns = INSERT_COLUMNS.filter((column) => column !== 'id');
    await this.run(`UPDATE ${this.t('posts')} SET ${columns.map((column, i) => `${column} = $${i + 1}`).join(', ')} WHERE id = $${columns.length + 1}`, [...columns.map((column) => row[column]), after.id]);
    this.changes.push({ kind: 'edit', id: after.id, title: after.title, ...fields });
  }

  async remove(posts: readonly Post[]): Promise<void> {
    if (posts.length === 0) return;
    await this.run(`DELETE FROM ${this.t('posts')} WHERE id = ANY($1::bigint[])`, [posts.map((post) => post.id)]);
    for (const post of posts) this.changes.push({ kind: 'delete', id: post.id, title: post.title, post });
  }

  async entry(seq: number): Promise<ChangeLogEntry | undefined> {
    const [row] = await this.run<LogRow>(`SELECT * FROM ${this.t('changes')} WHERE seq = $1`, [seq]);
    return row && fromLogRow(row);
  }

  async recent(limit: number): Promise<ChangeLogEntry[]> {
    return (await this.run<LogRow>(`SELECT * FROM ${this.t('changes')} ORDER BY seq DESC LIMIT $1`, [limit])).map(fromLogRow);
  }

  async markUndone(seq: number, by: number | undefined): Promise<void> {
    await this.run(`UPDATE ${this.t('changes')} SET undone_by = $1 WHERE seq = $2`, [by ?? null, seq]);
  }

  async nextSeq(): Promise<number> {
    const [row] = await this.run<{ n: string }>(`SELECT coalesce(max(seq), 0) + 1 AS n FROM ${this.t('changes')}`);
    return Number(row?.n ?? 1);
  }
}
