/**
 * store/sqlite/ — a board in one SQLite file: sqlite-board.ts, the store, and driver.ts, the
 * two ways to reach SQLite (better-sqlite3 on Node 20, node:sqlite where Node has it).
 */
import { ownFileAt } from '../../files/identity.js';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ChangeLogEntry } from '../../board/log.js';
import type { Source } from '../../board/source.js';
import type { Post } from '../../board/post.js';
import { urlKey } from '../../board/post.js';
import { foldedName, type PostFilter } from '../../board/query.js';
import { BoardFileError } from '../../errors.js';
import type { BoardProblem } from '../json/board-file.js';
import { DriverMissingError, sqliteDriver, type DriverName, type SqliteDatabase as Database, type SqliteDriver, type SqliteStatement as Statement, type SqlValue } from './driver.js';
import { auditRows, COUNT_UP_TO, filterClauses, fromLogRow, fromRow, keysOf, lastIdOf, orderClause, POST_COLUMNS, refusedRows, ROW_COLUMNS, searchText, sourcesOf, toRow, type LogRow, type PostRow, waitedSeconds } from '../sql/rows.js';
import { byUse, pageOf, postsById, runChange, runRestore, type Matching, type PageReader, type SqlDialect } from '../sql/transaction.js';
import { DATABASE_SCHEMA, KEY_COLUMNS, LAST_ID_RULE, postsIndexesSql, postsTableSql, rekeySourcesSql, UNKEYED } from '../sql/schema.js';
import type { BoardInfo, BoardSnapshot, BoardStore, BoardTransaction, ChangeInfo, Finding, Grouping, OwnFile, PostPage, PostQuery, Tally } from '../store.js';

/**
 * A board in a SQLite file: one file, millions of posts, no server. Lists, shows and searches
 * ask SQL of indexes and never read the board whole; a change is one `BEGIN IMMEDIATE`
 * transaction (writers wait their turn, up to the lock timeout; readers never wait, in WAL mode),
 * fsynced before it is said to be done.
 *
 * Search uses an FTS5 index with the trigram tokenizer over the text as the JSON board compares
 * it (NFC, lower case): a word of three letters or more is found as a substring, exactly. Words
 * of one or two letters (원전, 물) are shorter than a trigram: the index's own list of trigrams
 * gives those that begin with the word, and the posts holding any of them are the posts holding
 * the word (each text ends in two line breaks, so even a word at its very end begins a trigram).
 */

export interface SqliteBoardOptions {
  path: string;
  shownAs: string;
  lockTimeoutMs: number;
  /** Search matches counted up to this many (see COUNT_UP_TO; tests lower it). */
  countUpTo?: number;
  /** POSTBOARD_SQLITE_DRIVER: this driver only (else node:sqlite where Node has it, else better-sqlite3). */
  driver?: DriverName;
}

/** The tables of schema 3 (a migration makes them beside the old ones, then fills them). */
const TABLES = `
CREATE TABLE board (key TEXT PRIMARY KEY, value TEXT NOT NULL, ${LAST_ID_RULE.sqlite});
${postsTableSql('posts', 'sqlite')};
CREATE TABLE changes (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, command TEXT NOT NULL, undoes INTEGER, redoes INTEGER, undone_by INTEGER, changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array'));
CREATE TABLE counts (status TEXT PRIMARY KEY, posts INTEGER NOT NULL);
CREATE TABLE names (kind TEXT NOT NULL, name TEXT NOT NULL, key TEXT, posts INTEGER NOT NULL, PRIMARY KEY (kind, name));
`;

/**
 * What the database keeps up to date itself, whoever writes a row (postboard, sqlite3, another
 * program): the search index (FTS5 trigram over the posts' own title and body, each followed by
 * two line breaks, see above), the counts by status, the names in use; and keys that a hand edit
 * left stale are taken away, so that postboard makes them again on its next open.
 * Nothing here needs more than Debian 12's sqlite3 (3.40) to read or write.
 */
const DERIVED = `${postsIndexesSql((name) => name)}
CREATE VIEW posts_searched AS SELECT id, title || char(10, 10) AS title, body || char(10, 10) AS body FROM posts;
CREATE VIRTUAL TABLE posts_text USING fts5 (title, body, content = 'posts_searched', content_rowid = 'id', tokenize = 'trigram case_sensitive 0');
CREATE TRIGGER posts_text_in AFTER INSERT ON posts BEGIN
  INSERT INTO posts_text (rowid, title, body) VALUES (NEW.id, NEW.title || char(10, 10), NEW.body || char(10, 10));
END;
CREATE TRIGGER posts_text_out AFTER DELETE ON posts BEGIN
  INSERT INTO posts_text (posts_text, rowid, title, body) VALUES ('delete', OLD.id, OLD.title || char(10, 10), OLD.body || char(10, 10));
END;
CREATE TRIGGER posts_text_moved AFTER UPDATE OF id, title, body ON posts WHEN NEW.id IS NOT OLD.id OR NEW.title IS NOT OLD.title OR NEW.body IS NOT OLD.body BEGIN
  INSERT INTO posts_text (posts_text, rowid, title, body) VALUES ('delete', OLD.id, OLD.title || char(10, 10), OLD.body || char(10, 10));
  INSERT INTO posts_text (rowid, title, body) VALUES (NEW.id, NEW.title || char(10, 10), NEW.body || char(10, 10));
END;
CREATE TRIGGER posts_counted_in AFTER INSERT ON posts BEGIN UPDATE counts SET posts = posts + 1 WHERE status = NEW.status; END;
CREATE TRIGGER posts_counted_out AFTER DELETE ON posts BEGIN UPDATE counts SET posts = posts - 1 WHERE status = OLD.status; END;
CREATE TRIGGER posts_counted_moved AFTER UPDATE OF status ON posts BEGIN
  UPDATE counts SET posts = posts - 1 WHERE status = OLD.status;
  UPDATE counts SET posts = posts + 1 WHERE status = NEW.status;
END;
CREATE TRIGGER names_in AFTER INSERT ON posts BEGIN
  INSERT INTO names VALUES ('department', NEW.department, NEW.department_key, 1) ON CONFLICT (kind, name) DO UPDATE SET posts = posts + 1;
  INSERT INTO names VALUES ('author', NEW.author, NEW.author_key, 1) ON CONFLICT (kind, name) DO UPDATE SET posts = posts + 1;
END;
CREATE TRIGGER names_out AFTER DELETE ON posts BEGIN
  UPDATE names SET posts = posts - 1 WHERE (kind = 'department' AND name = OLD.department) OR (kind = 'author' AND name = OLD.author);
  DELETE FROM names WHERE posts <= 0;
END;
CREATE TRIGGER names_moved AFTER UPDATE OF department, author ON posts BEGIN
  UPDATE names SET posts = posts - 1 WHERE (kind = 'department' AND name = OLD.department) OR (kind = 'author' AND name = OLD.author);
  INSERT INTO names VALUES ('department', NEW.department, NEW.department_key, 1) ON CONFLICT (kind, name) DO UPDATE SET posts = posts + 1;
  INSERT INTO names VALUES ('author', NEW.author, NEW.author_key, 1) ON CONFLICT (kind, name) DO UPDATE SET posts = posts + 1;
  DELETE FROM names WHERE posts <= 0;
END;
CREATE TRIGGER posts_keys_stale AFTER UPDATE OF title, author, department, date, body, source_url ON posts
WHEN (NEW.title IS NOT OLD.title AND NEW.title_key IS OLD.title_key)
  OR (NEW.author IS NOT OLD.author AND NEW.author_key IS OLD.author_key)
  OR (NEW.department IS NOT OLD.department AND NEW.department_key IS OLD.department_key)
  OR (NEW.source_url IS NOT OLD.source_url AND NEW.source_key IS OLD.source_key)
  OR ((NEW.title IS NOT OLD.title OR NEW.author IS NOT OLD.author OR NEW.date IS NOT OLD.date OR NEW.body IS NOT OLD.body) AND NEW.content_key IS OLD.content_key)
BEGIN
  UPDATE posts SET title_key = NULL, source_key = NULL, content_key = NULL, author_key = NULL, department_key = NULL WHERE id = NEW.id;
END;
`;

/** What the derived tables hold for the posts there (a migration's posts). */
const FILL = `
INSERT INTO posts_text (rowid, title, body) SELECT id, title || char(10, 10), body || char(10, 10) FROM posts;
INSERT INTO counts VALUES ('published', (SELECT count(*) FROM posts WHERE status = 'published')), ('hidden', (SELECT count(*) FROM posts WHERE status = 'hidden'));
INSERT INTO names SELECT 'department', department, min(department_key), count(*) FROM posts GROUP BY department;
INSERT INTO names SELECT 'author', author, min(author_key), count(*) FROM posts GROUP BY author;
`;

/**
 * From schema 1 or 2 (posts with text columns and no rules, a contentless search table that
 * SQLite before 3.43 cannot read): the tables made anew beside the old ones and filled from them,
 * the old ones dropped. The posts were checked first (a post the new rules refuse stops it).
 */
function upgradeSql(schema: number): string {
  const old = ['id', 'title', 'author', 'department', 'date', 'views', 'status', 'body', 'source_agency', 'source_date', 'source_url', 'source_rest', 'created_at', 'updated_at', 'extra', ...KEY_COLUMNS];
  return `
DROP TABLE posts_text;
DROP TRIGGER posts_counted_in;
DROP TRIGGER posts_counted_out;
DROP TRIGGER posts_counted_moved;
${schema >= 2 ? 'DROP TRIGGER names_in; DROP TRIGGER names_out; DROP TRIGGER names_moved; DROP TABLE names;' : ''}
ALTER TABLE board RENAME TO board_old;
ALTER TABLE posts RENAME TO posts_old;
ALTER TABLE changes RENAME TO changes_old;
ALTER TABLE counts RENAME TO counts_old;
${TABLES}
INSERT INTO board SELECT key, value FROM board_old;
INSERT INTO posts (${old.join(', ')}) SELECT ${old.join(', ')} FROM posts_old;
INSERT INTO changes SELECT * FROM changes_old;
DROP TABLE board_old;
DROP TABLE posts_old;
DROP TABLE changes_old;
DROP TABLE counts_old;
${DERIVED}
${FILL}
${rekeySourcesSql((name) => name)}
UPDATE board SET value = '${DATABASE_SCHEMA}' WHERE key = 'schema';
`;
}

/** From schema 3: the same tables, the korea.kr source keys made again. */
const FROM_SCHEMA_3 = `${rekeySourcesSql((name) => name)}
UPDATE board SET value = '${DATABASE_SCHEMA}' WHERE key = 'schema';`;

/** A new board's tables. */
const NEW_BOARD = `${TABLES}${DERIVED}${FILL}INSERT INTO board (key, value) VALUES ('schema', '${DATABASE_SCHEMA}'), ('last_id', '0');`;


/** Posts written at a time when a board is restored (copy). */
const BATCH = 1000;
/** Posts handed on at a time by an export's stream. */
const STREAM_BATCH = 200;

export class SqliteBoardStore implements BoardStore {
  readonly name: string;
  readonly kind = 'sqlite' as const;
  private db: Database | undefined;
  private readonly path: string;
  private readonly countUpTo: number;

  constructor(private readonly options: SqliteBoardOptions) {
    this.name = options.shownAs;
    this.path = resolve(options.path);
    this.countUpTo = options.countUpTo ?? COUNT_UP_TO;
  }

  private fail(problem: BoardProblem): never {
    throw new BoardFileError(this.name, problem);
  }

  /** The SQLite driver (see sqlite-driver.ts): without one, one line saying how to get one. */
  private async driver(): Promise<SqliteDriver> {
    try {
      return await sqliteDriver(this.options.driver);
    } catch (error) {
      if (error instanceof DriverMissingError) return this.fail({ kind: 'driver-missing', ...error.missing });
      throw error;
    }
  }

  /**
   * The open database; undefined when there is no file and `create` is false (no board yet). A
   * file that is not a board of this postboard's is refused, naming what it is.
   */
  private async open(create: boolean, raw = false): Promise<Database | undefined> {
    if (this.db) return this.db;
    const exists = existsSync(this.path);
    if (!exists && !create) return undefined;
    const driver = await this.driver();
    if (!exists) mkdirSync(dirname(this.path), { recursive: true });
    let db: Database;
    try {
      db = driver.open(this.path, { timeoutMs: this.options.lockTimeoutMs });
    } catch (error) {
      return this.fail(this.problem(error));
    }
    let tables: unknown;
    let empty: boolean;
    try {
      tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'board'").get();
      empty = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n === 0;
    } catch (error) {
      db.close();
      return this.fail(this.problem(error));
    }
    // Another program's database is left exactly as it was: refused before anything is set on it.
    if (!tables && !empty) {
      db.close();
      return this.fail({ kind: 'not-a-board-database' });
    }
    // An empty file is no board yet: only a change makes one there.
    if (!tables && !create) {
      db.close();
      return undefined;
    }
    const schemaOf = () => Number((db.prepare("SELECT value FROM board WHERE key = 'schema'").get() as { value: string } | undefined)?.value);
    if (tables) {
      // A table named board is not yet a board: its schema row says so, read before anything is set.
      let schema: number;
      try {
        schema = schemaOf();
      } catch {
        schema = Number.NaN;
      }
      if (!Number.isInteger(schema) || schema < 1) {
        db.close();
        return this.fail({ kind: 'not-a-board-database' });
      }
      if (schema > DATABASE_SCHEMA) {
        db.close();
        return this.fail({ kind: 'newer-version', version: schema, reads: DATABASE_SCHEMA });
      }
    }
    try {
      db.pragma('journal_mode = WAL');
      // Every commit reaches the disk before postboard says it is done.
      db.pragma('synchronous = FULL');
    } catch (error) {
      db.close();
      return this.fail(this.problem(error));
    }
    if (!tables) {
      this.guard(() => {
        db.exec('BEGIN IMMEDIATE');
        // Another process may have made it while this one waited for its turn.
        if (!db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'board'").get()) db.exec(NEW_BOARD);
        db.exec('COMMIT');
      });
    }
    if (!raw && schemaOf() < DATABASE_SCHEMA) this.upgrade(db, schemaOf);
    if (!raw) this.heal(db);
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.posts_trigrams USING fts5vocab(main, 'posts_text', 'row')");
    this.db = db;
    return db;
  }

  /**
   * A board made by an earlier postboard, brought up to this schema once, as one transaction:
   * refused (and left as it was) when it holds posts the new rules would refuse, naming them.
   */
  private upgrade(db: Database, schemaOf: () => number): void {
    this.guard(() => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const schema = schemaOf();
        if (schema >= DATABASE_SCHEMA) return;
        if (schema === 3) {
          db.exec(FROM_SCHEMA_3);
          db.exec('COMMIT');
          return;
        }
        const refused = refusedRows(this.audit(db), 'upgrade');
        if (refused) this.fail(refused);
        db.exec(upgradeSql(schema));
        db.exec('COMMIT');
      } finally {
        if (db.inTransaction) db.exec('ROLLBACK');
      }
    });
  }

  /**
   * Rows another program wrote or changed without postboard's keys (the 가나다 title key, the
   * folded names, the fingerprints: JavaScript's NFC and case folding, which SQLite has not) get
   * them now, so they sort and filter as every other. A board that cannot be written now
   * (read-only, or held by a writer) is read as it is.
   */
  private heal(db: Database): void {
    const unkeyed = this.guard(() => db.prepare(`SELECT 1 FROM posts WHERE ${UNKEYED} LIMIT 1`).get() ?? db.prepare('SELECT 1 FROM names WHERE key IS NULL LIMIT 1').get());
    if (!unkeyed) return;
    try {
      db.exec('BEGIN IMMEDIATE');
      const update = db.prepare(`UPDATE posts SET ${KEY_COLUMNS.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`);
      // A thousand rows at a time, in order of number: memory stays flat whatever was inserted.
      const batch = db.prepare(`SELECT ${POST_COLUMNS.join(', ')} FROM posts WHERE (${UNKEYED}) AND id > ? ORDER BY id LIMIT 1000`);
      for (let after = 0, rows = batch.all(after) as Record<string, unknown>[]; rows.length > 0; rows = batch.all(after) as Record<string, unknown>[]) {
        // A number JavaScript cannot hold (above 2^53, from an older board) reads back rounded and
        // would be asked for again for ever: stop where the numbers stop going up.
        if (Number(rows[rows.length - 1]?.id) <= after) break;
        for (const row of rows) {
          const keys = keysOf(fromRow(row));
          update.run(...KEY_COLUMNS.map((column) => keys[column]), row.id as number);
          after = row.id as number;
        }
      }
      const name = db.prepare('UPDATE names SET key = ? WHERE kind = ? AND name = ?');
      for (const row of db.prepare('SELECT kind, name FROM names WHERE key IS NULL').all() as { kind: string; name: string }[]) name.run(foldedName(row.name), row.kind, row.name);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      const code = (error as { code?: string }).code ?? '';
      // Read as it is when it cannot be written now (read-only, or another writer's turn): a read never waits for that.
      if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_BUSY')) this.fail(this.problem(error));
    }
  }

  /** The board's rows as they are, checked as `check` does (whatever the schema). */
  private audit(db: Database): BoardProblem[] {
    const rows = db.prepare('SELECT * FROM posts ORDER BY id').all() as Record<string, unknown>[];
    const log = db.prepare('SELECT * FROM changes ORDER BY seq').all() as LogRow[];
    return auditRows(rows, db.prepare("SELECT value FROM board WHERE key = 'last_id'").value(), log);
  }

  /** For `check`: what is wrong with the board's rows, read as they are (an older schema is not brought up first). */
  async check(): Promise<Finding[] | undefined> {
    const db = await this.open(false, true);
    if (!db) return undefined;
    // What a database holds is fixed with its own tools: nothing here is --fix's.
    return this.guard(() => this.audit(db).map((problem) => ({ problem, fixable: false })));
  }

  /** A SQLite error, said as a board problem. */
  private problem(error: unknown): BoardProblem {
    const code = (error as { code?: string }).code ?? '';
    // SQLite cannot tell who holds its lock: another postboard, or the sqlite3 shell, a backup tool, any program.
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { kind: 'locked', seconds: waitedSeconds(this.options.lockTimeoutMs), store: 'sqlite', holder: 'unknown' };
    if (code === 'SQLITE_NOTADB') return { kind: 'not-a-board-database', notSqlite: true };
    if (code === 'SQLITE_FULL') return { kind: 'unwritable', code: 'ENOSPC' };
    if (code.startsWith('SQLITE_READONLY')) return { kind: 'unwritable', code: this.whyReadOnly() };
    if (code.startsWith('SQLITE_CANTOPEN')) return { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT' : 'EACCES' };
    if (code.startsWith('SQLITE_IOERR')) return { kind: 'unwritable', code: 'EIO' };
    if (code === 'SQLITE_CORRUPT') return { kind: 'database', detail: (error as Error).message };
    if (code.startsWith('SQLITE')) return { kind: 'database', detail: (error as Error).message };
    throw error;
  }

  /**
   * Why SQLite could not write: a read-only file system, or no permission on the board, its -wal
   * or -shm file (made by another user who only read it) or its folder.
   */
  private whyReadOnly(): string {
    for (const path of [dirname(this.path), this.path, `${this.path}-wal`, `${this.path}-shm`]) {
      try {
        if (existsSync(path)) accessSync(path, constants.W_OK);
      } catch (error) {
        return (error as NodeJS.ErrnoException).code ?? 'EACCES';
      }
    }
    return 'EACCES';
  }

  /** Runs a database step, saying a failure as a board problem. */
  private guard<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof BoardFileError) throw error;
      return this.fail(this.problem(error));
    }
  }

  async info(): Promise<BoardInfo> {
    const db = await this.open(false);
    if (!db) return { exists: false, posts: 0, lastId: 0 };
    return this.guard(() => ({ exists: true, posts: postCount(db, 'all'), lastId: lastId(db, this.name) }));
  }

  /** The FTS5 query for search terms: undefined for none; null when a term can match nothing. */
  private textQuery(db: Database, terms: readonly string[] | undefined): string | null | undefined {
    if (!terms || terms.length === 0) return undefined;
    const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const parts: string[] = [];
    for (const term of terms) {
      const text = searchText(term);
      if ([...text].length >= 3) {
        parts.push(phrase(text));
        continue;
      }
      // Shorter than a trigram: the trigrams that begin with it (see the comment at the top).
      const starting = db.prepare('SELECT term FROM temp.posts_trigrams WHERE term >= ? AND term < ?').values(text, `${text}\u{10FFFF}`) as string[];
      if (starting.length === 0) return null;
      parts.push(`(${starting.map(phrase).join(' OR ')})`);
    }
    return parts.join(' AND ');
  }

  /** The SQL for posts matching a filter (in an order): FROM … WHERE …, its parameters, and whether search drives it; null when nothing can match. */
  private matching(db: Database, filter: PostFilter, order?: PostQuery['order']): Matching | null {
    const text = this.textQuery(db, filter.search);
    if (text === null) return null;
    // A department or author: the names that match, from the few in use; then the posts by index.
    const { clauses, params } = filterClauses(filter, (column) => `p.${column} IN (SELECT key FROM names WHERE kind = '${column === 'author_key' ? 'author' : 'department'}' AND instr(key, ?) > 0)`);
    const where = clauses.map((clause) => clause.replace(/^(status|date) /, 'p.$1 '));
    if (text === undefined) return { from: 'posts p', where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params, search: false };
    return {
      from: 'posts_text t JOIN posts p ON p.id = t.rowid',
      where: `WHERE posts_text MATCH ?${where.map((clause) => ` AND ${clause}`).join('')}`,
      params: [text, ...params],
      search: true,
      // Search ordered by number: FTS5 walks its own index newest first and stops at the page.
      ...(order?.sort === 'id' ? { order: `t.rowid ${order.ascending ? 'ASC' : 'DESC'}` } : {}),
    };
  }

  async page(query: PostQuery): Promise<PostPage> {
    const db = await this.open(false);
    if (!db) return { posts: [], total: 0 };
    const reader: PageReader = {
      all: async <R extends object>(sql: string, params: readonly unknown[] = []) => this.guard(() => db.prepare(sql).all(...(params as SqlValue[])) as R[]),
      counts: 'counts',
      postSelect: POST_COLUMNS.map((column) => `p.${column}`).join(', '),
      everyRow: -1,
      prefix: 'p.',
    };
    return pageOf(reader, query, this.guard(() => this.matching(db, query.filter, query.order)), this.countUpTo);
  }

  async get(ids: readonly number[]): Promise<Map<number, Post>> {
    const db = await this.open(false);
    if (!db || ids.length === 0) return new Map();
    return this.guard(() => getPosts(db, ids));
  }

  async *stream(query: Omit<PostQuery, 'offset'>): AsyncIterable<readonly Post[]> {
    const db = await this.open(false);
    if (!db) return;
    const matching = this.guard(() => this.matching(db, query.filter, query.order));
    if (!matching) return;
    const columns = POST_COLUMNS.map((column) => `p.${column}`).join(', ');
    const order = matching.order ?? orderClause(query.order, 'p.');
    const statement = db.prepare(`SELECT ${columns} FROM ${matching.from} ${matching.where} ORDER BY ${order} LIMIT ?`);
    // One statement, stepped a row at a time: memory stays flat, and the export reads one
    // snapshot of the board (in WAL mode, writers go on meanwhile).
    const rows = this.guard(() => statement.iterate(...(matching.params as SqlValue[]), query.limit ?? -1)) as IterableIterator<PostRow>;
    let batch: Post[] = [];
    for (const row of rows) {
      batch.push(fromRow(row));
      if (batch.length === STREAM_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  async departments(): Promise<string[]> {
    const db = await this.open(false);
    if (!db) return [];
    const rows = this.guard(() => db.prepare("SELECT name, posts AS n FROM names WHERE kind = 'department' AND name <> '' AND posts > 0").all() as { name: string; n: number }[]);
    return byUse(rows);
  }

  async tally(filter: PostFilter, by: Grouping): Promise<Tally[]> {
    const db = await this.open(false);
    if (!db) return [];
    return this.guard(() => {
      const matching = this.matching(db, filter);
      if (!matching) return [];
      const key = by === 'month' ? 'substr(p.date, 1, 7)' : `p.${by}`;
      return db.prepare(`SELECT ${key} AS key, count(*) AS posts, coalesce(sum(p.views), 0) AS views FROM ${matching.from} ${matching.where} GROUP BY ${key}`).all(...(matching.params as SqlValue[])) as Tally[];
    });
  }

  async withSource(url: string): Promise<Post | undefined> {
    const db = await this.open(false);
    if (!db) return undefined;
    const row = this.guard(() => db.prepare(`SELECT ${POST_COLUMNS.join(', ')} FROM posts WHERE source_key = ? ORDER BY id LIMIT 1`).get(urlKey(url)) as PostRow | undefined);
    return row && fromRow(row);
  }

  async sources(): Promise<Source[]> {
    const db = await this.open(false);
    if (!db) return [];
    return sourcesOf(this.name, this.guard(() => db.prepare("SELECT value FROM board WHERE key = 'sources'").value() as string | undefined));
  }

  async log(limit: number): Promise<ChangeLogEntry[]> {
    const db = await this.open(false);
    if (!db) return [];
    return this.guard(() => (db.prepare('SELECT * FROM changes ORDER BY seq DESC LIMIT ?').all(Math.min(limit, Number.MAX_SAFE_INTEGER)) as LogRow[]).map((row) => fromLogRow(this.name, row)));
  }

  /**
   * The database to change. A board with a second name (a hard link) is refused: SQLite keeps its
   * lock in files named after the name used, so writers through two names would not take turns.
   */
  private async writable(): Promise<Database> {
    // Asked before anything is written (an empty file with two names is not made a board first).
    const names = existsSync(this.path) ? statSync(this.path).nlink : 1;
    if (names > 1) return this.fail({ kind: 'hard-linked', names });
    return (await this.open(true)) as Database;
  }

  /** An empty board in memory, for a dry run where there is no board yet: nothing is made on disk. */
  private async scratch(): Promise<Database> {
    const db = (await this.driver()).open(':memory:', { timeoutMs: 0 });
    db.exec(NEW_BOARD);
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.posts_trigrams USING fts5vocab(main, 'posts_text', 'row')");
    return db;
  }

  async change<T>(info: ChangeInfo, work: (tx: BoardTransaction) => Promise<T>): Promise<{ result: T; changed: boolean; seq?: number }> {
    // A dry run where there is no board yet (no file, or an empty one) makes none.
    const nothingYet = !this.db && (!existsSync(this.path) || statSync(this.path).size === 0);
    const db = info.dryRun && nothingYet ? await this.scratch() : await this.writable();
    // Room for the indexes a large import writes into (SQLite's default is 2 MB; reads keep that).
    db.pragma('cache_size = -65536');
    // Writers take turns here (waiting up to the lock timeout); readers go on reading meanwhile.
    this.guard(() => db.exec('BEGIN IMMEDIATE'));
    try {
      return await runChange(this.dialect(db), info, work, async (how) => this.guard(() => db.exec(how)));
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  }

  /** The database's ways, for the one transaction flow (sql/transaction.ts). */
  private dialect(db: Database): SqlDialect {
    const statements = new Map<string, Statement>();
    const statement = (sql: string): Statement => {
      let prepared = statements.get(sql);
      if (!prepared) statements.set(sql, (prepared = db.prepare(sql)));
      return prepared;
    };
    const columns = ROW_COLUMNS.filter((column) => column !== 'id');
    return {
      board: this.name,
      table: (name) => name,
      postSelect: POST_COLUMNS.join(', '),
      all: async <R extends object>(sql: string, params: readonly unknown[] = []) => this.guard(() => statement(sql).all(...(params as SqlValue[])) as R[]),
      run: async (sql, params = []) => this.guard(() => statement(sql).run(...(params as SqlValue[]))),
      inList: (column) => `${column} IN (SELECT value FROM json_each(?))`,
      listParam: (values) => JSON.stringify(values),
      insertPosts: async (posts) => {
        const insert = statement(`INSERT INTO posts (${ROW_COLUMNS.join(', ')}) VALUES (${ROW_COLUMNS.map(() => '?').join(', ')})`);
        this.guard(() => {
          for (const post of posts) {
            const row = toRow(post);
            insert.run(...ROW_COLUMNS.map((column) => row[column] as SqlValue));
          }
        });
      },
      updatePost: async (after) => {
        const row = toRow(after);
        this.guard(() => statement(`UPDATE posts SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((column) => row[column] as SqlValue), after.id));
      },
    };
  }

  async assertWritable(): Promise<void> {
    let info;
    try {
      info = statSync(this.path);
    } catch {
      info = undefined;
    }
    if (info?.isDirectory()) return this.fail({ kind: 'folder' });
    if (info && (info.mode & 0o222) === 0) return this.fail({ kind: 'read-only', mode: info.mode & 0o777 });
    // SQLite writes beside the file too (its -wal and -shm): the folder must take new files.
    const code = (await import('../../files/write.js')).unwritableCode(this.path, info !== undefined);
    if (code) return this.fail({ kind: 'unwritable', code });
    await this.driver();
  }

  async ownFile(realPath: string): Promise<OwnFile | undefined> {
    const files = ['', '-wal', '-shm', '-journal'].map((suffix) => ['board', `${this.path}${suffix}`] as const);
    return ownFileAt(files, realPath, process.platform);
  }

  async snapshot(): Promise<BoardSnapshot> {
    const db = await this.open(false);
    if (!db) return { lastId: 0, extras: {}, log: [], sources: [] };
    return this.guard(() => {
      // A board postboard cannot show whole is not copied into one it could not open.
      const refused = refusedRows(this.audit(db), 'copy');
      if (refused) this.fail(refused);
      return {
        lastId: lastId(db, this.name),
        extras: JSON.parse((db.prepare("SELECT value FROM board WHERE key = 'extras'").value() as string | undefined) ?? '{}') as Record<string, unknown>,
        log: (db.prepare('SELECT * FROM changes ORDER BY seq').all() as LogRow[]).map((row) => fromLogRow(this.name, row)),
        sources: sourcesOf(this.name, db.prepare("SELECT value FROM board WHERE key = 'sources'").value() as string | undefined),
      };
    });
  }

  async restore(snapshot: BoardSnapshot, posts: AsyncIterable<readonly Post[]>): Promise<number> {
    const db = await this.writable();
    db.pragma('cache_size = -65536');
    this.guard(() => db.exec('BEGIN IMMEDIATE'));
    try {
      return await runRestore(this.dialect(db), snapshot, posts, BATCH, async () => this.guard(() => db.exec('COMMIT')));
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  }

  async init(): Promise<{ made: boolean; info: BoardInfo }> {
    const made = !existsSync(this.path);
    await this.open(true);
    return { made, info: await this.info() };
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
  }
}

function postCount(db: Database, status: PostFilter['status']): number {
  const sql = status === 'all' ? 'SELECT coalesce(sum(posts), 0) FROM counts' : 'SELECT coalesce(sum(posts), 0) FROM counts WHERE status = ?';
  return Number(db.prepare(sql).value(...(status === 'all' ? [] : [status])));
}

/** The highest number given: last_id, or a higher number a row inserted by hand has. */
function lastId(db: Database, board: string): number {
  return Math.max(lastIdOf(board, db.prepare("SELECT value FROM board WHERE key = 'last_id'").value()), Number(db.prepare('SELECT max(id) FROM posts').value() ?? 0));
}


function getPosts(db: Database, ids: readonly number[]): Map<number, Post> {
  return postsById(db.prepare(`SELECT ${POST_COLUMNS.join(', ')} FROM posts WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as PostRow[]);
}
