/**
 * The SQLite driver seam: the few things the SQLite board asks of a driver, and the two drivers
 * that give them. Node.js's own `node:sqlite` (DatabaseSync) is used where the running Node has
 * it and its SQLite has what a board needs (FTS5, whose trigram tokenizer is part of it, and
 * contentless-delete tables: SQLite 3.43+) — Node 22.16 and newer, Node 24 — so nothing is
 * built or installed. Elsewhere (Node 20) better-sqlite3, an optional package with a native
 * part. Both read and write the same files: a board made through one opens through the other.
 *
 * Errors from either carry SQLite's result code by name in `code` (SQLITE_BUSY, SQLITE_READONLY,
 * …), as better-sqlite3 gives it; node:sqlite's numbers are named here.
 */

/** A value bound to a statement's `?`. */
export type SqlValue = string | number | null;

export interface SqliteStatement {
  run(...params: SqlValue[]): void;
  /** The first row, or undefined for none. */
  get(...params: SqlValue[]): unknown;
  all(...params: SqlValue[]): unknown[];
  /** The rows one at a time (the statement stepped as they are read: memory stays flat). */
  iterate(...params: SqlValue[]): IterableIterator<unknown>;
  /** The first column of the first row, or undefined for none. */
  value(...params: SqlValue[]): unknown;
  /** The first column of every row. */
  values(...params: SqlValue[]): unknown[];
}

export interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  /** Sets a pragma: `journal_mode = WAL`. */
  pragma(setting: string): void;
  /** Whether a transaction is open (SQLite may end one itself when a statement fails). */
  readonly inTransaction: boolean;
  close(): void;
}

export type DriverName = 'node:sqlite' | 'better-sqlite3';

export interface SqliteDriver {
  readonly name: DriverName;
  /** Opens (or makes) a database file, or `:memory:`; waits up to `timeoutMs` for another writer's lock. */
  open(path: string, options: { timeoutMs: number }): SqliteDatabase;
}

/** Why no driver could be had: what the board problem `driver-missing` says. */
export interface DriverMissing {
  /** The driver that is missing: better-sqlite3, or node:sqlite when POSTBOARD_SQLITE_DRIVER asked for it. */
  driver: DriverName;
  /** better-sqlite3 is there, built for another Node.js. */
  rebuild?: boolean;
  /** POSTBOARD_SQLITE_DRIVER named the driver. */
  asked?: boolean;
  /** This Node's built-in SQLite, too old or built without FTS5 (its version). */
  builtin?: string;
}

export class DriverMissingError extends Error {
  constructor(readonly missing: DriverMissing) {
    super(`no SQLite driver: ${missing.driver}`);
  }
}

/** The SQLite a board needs: FTS5, and contentless-delete tables (3.43). */
const NEEDED = [3, 43] as const;

// ---------------------------------------------------------------------------------------------
// node:sqlite

interface NodeStatement {
  run(...params: SqlValue[]): unknown;
  get(...params: SqlValue[]): unknown;
  all(...params: SqlValue[]): unknown[];
  iterate(...params: SqlValue[]): IterableIterator<unknown>;
}
interface NodeDatabase {
  exec(sql: string): void;
  prepare(sql: string): NodeStatement;
  close(): void;
  readonly isTransaction: boolean;
}
interface NodeSqlite {
  DatabaseSync: new (path: string, options?: Record<string, unknown>) => NodeDatabase;
}

/** SQLite's primary result codes, by number (the low byte of an extended code). */
const RESULT_CODES = 'OK ERROR INTERNAL PERM ABORT BUSY LOCKED NOMEM READONLY INTERRUPT IOERR CORRUPT NOTFOUND FULL CANTOPEN PROTOCOL EMPTY SCHEMA TOOBIG CONSTRAINT MISMATCH MISUSE NOLFS AUTH FORMAT RANGE NOTADB NOTICE WARNING'.split(' ');

/** A node:sqlite error with SQLite's code by name, as better-sqlite3 says it. */
function named(error: unknown): unknown {
  const e = error as { code?: unknown; errcode?: unknown } | null;
  if (e && typeof e === 'object') {
    if (e.code === 'ERR_SQLITE_ERROR' && typeof e.errcode === 'number') e.code = `SQLITE_${RESULT_CODES[e.errcode & 0xff] ?? 'ERROR'}`;
    // An integer past 2^53 that another program wrote: refused (better-sqlite3 would round it).
    else if (e.code === 'ERR_OUT_OF_RANGE') e.code = 'SQLITE_MISMATCH';
  }
  return error;
}

const firstColumn = (row: unknown): unknown => {
  if (row === undefined) return undefined;
  for (const key in row as Record<string, unknown>) return (row as Record<string, unknown>)[key];
  return undefined;
};

class NodeSqliteStatement implements SqliteStatement {
  constructor(private readonly statement: NodeStatement) {}
  run(...params: SqlValue[]): void {
    try {
      this.statement.run(...params);
    } catch (error) {
      throw named(error);
    }
  }
  get(...params: SqlValue[]): unknown {
    try {
      return this.statement.get(...params);
    } catch (error) {
      throw named(error);
    }
  }
  all(...params: SqlValue[]): unknown[] {
    try {
      return this.statement.all(...params);
    } catch (error) {
      throw named(error);
    }
  }
  *iterate(...params: SqlValue[]): IterableIterator<unknown> {
    let rows: IterableIterator<unknown>;
    try {
      rows = this.statement.iterate(...params);
    } catch (error) {
      throw named(error);
    }
    let done = false;
    try {
      for (;;) {
        let next: IteratorResult<unknown>;
        try {
          next = rows.next();
        } catch (error) {
          done = true;
          throw named(error);
        }
        if (next.done) {
          done = true;
          return;
        }
        yield next.value;
      }
    } finally {
      // Left before its end (an export stopped): the statement is reset, its read lock let go.
      if (!done) rows.return?.();
    }
  }
  value(...params: SqlValue[]): unknown {
    return firstColumn(this.get(...params));
  }
  values(...params: SqlValue[]): unknown[] {
    return this.all(...params).map(firstColumn);
  }
}

class NodeSqliteDatabase implements SqliteDatabase {
  constructor(private readonly db: NodeDatabase) {}
  exec(sql: string): void {
    try {
      this.db.exec(sql);
    } catch (error) {
      throw named(error);
    }
  }
  prepare(sql: string): SqliteStatement {
    try {
      return new NodeSqliteStatement(this.db.prepare(sql));
    } catch (error) {
      throw named(error);
    }
  }
  pragma(setting: string): void {
    this.exec(`PRAGMA ${setting}`);
  }
  get inTransaction(): boolean {
    return this.db.isTransaction;
  }
  close(): void {
    this.db.close();
  }
}

/**
 * node:sqlite, loaded without the ExperimentalWarning some Node versions print for it (postboard
 * prints nothing on stderr that is not about what the user asked); undefined where Node has none
 * (Node 20, or 22 before 22.13 without --experimental-sqlite).
 */
function loadNodeSqlite(): NodeSqlite | undefined {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if ((type === 'ExperimentalWarning' || (warning as Error)?.name === 'ExperimentalWarning') && /SQLite/i.test(String((warning as Error)?.message ?? warning))) return;
    return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    // Not `import`: esbuild would bundle a stand-in, and Node 20 has no such module.
    return require('node:sqlite') as NodeSqlite;
  } catch {
    return undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** The built-in SQLite's version when it lacks what a board needs, or undefined when it has it. */
function lacking(sqlite: NodeSqlite): string | undefined {
  const db = new sqlite.DatabaseSync(':memory:');
  try {
    const row = db.prepare("SELECT sqlite_version() AS version, sqlite_compileoption_used('ENABLE_FTS5') AS fts5").get() as { version: string; fts5: number };
    const [major = 0, minor = 0] = row.version.split('.').map(Number);
    const recent = major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1]);
    return row.fts5 === 1 && recent && 'isTransaction' in db ? undefined : row.version;
  } finally {
    db.close();
  }
}

const nodeSqliteDriver = (sqlite: NodeSqlite): SqliteDriver => ({
  name: 'node:sqlite',
  open(path, { timeoutMs }) {
    let db: NodeDatabase;
    try {
      db = new sqlite.DatabaseSync(path);
    } catch (error) {
      throw named(error);
    }
    const database = new NodeSqliteDatabase(db);
    // The busy timeout as a pragma rather than the `timeout` option, which only newer versions
    // take; and better-sqlite3's page cache (16 MB, where SQLite's own default is 2 MB), so that a
    // board reads the same through either driver.
    database.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.min(2_147_483_647, Math.round(timeoutMs)))}; PRAGMA cache_size = -16000`);
    return database;
  },
});

// ---------------------------------------------------------------------------------------------
// better-sqlite3

type BetterDatabase = import('better-sqlite3').Database;
type BetterStatement = import('better-sqlite3').Statement;

class BetterStatementAdapter implements SqliteStatement {
  constructor(private readonly statement: BetterStatement) {}
  run(...params: SqlValue[]): void {
    this.statement.run(...params);
  }
  get(...params: SqlValue[]): unknown {
    return this.statement.get(...params);
  }
  all(...params: SqlValue[]): unknown[] {
    return this.statement.all(...params);
  }
  iterate(...params: SqlValue[]): IterableIterator<unknown> {
    return this.statement.iterate(...params);
  }
  value(...params: SqlValue[]): unknown {
    try {
      return this.statement.pluck(true).get(...params);
    } finally {
      this.statement.pluck(false);
    }
  }
  values(...params: SqlValue[]): unknown[] {
    try {
      return this.statement.pluck(true).all(...params);
    } finally {
      this.statement.pluck(false);
    }
  }
}

class BetterDatabaseAdapter implements SqliteDatabase {
  constructor(private readonly db: BetterDatabase) {}
  exec(sql: string): void {
    this.db.exec(sql);
  }
  prepare(sql: string): SqliteStatement {
    return new BetterStatementAdapter(this.db.prepare(sql));
  }
  pragma(setting: string): void {
    this.db.pragma(setting);
  }
  get inTransaction(): boolean {
    return this.db.inTransaction;
  }
  close(): void {
    this.db.close();
  }
}

/** better-sqlite3 from its lazy chunk; a DriverMissingError when it is not installed, or built for another Node. */
async function betterSqlite3(missing: Omit<DriverMissing, 'driver' | 'rebuild'>): Promise<SqliteDriver> {
  let Database: typeof import('better-sqlite3');
  let nativeBinding: object;
  try {
    const chunk = await import('../../lazy/sqlite.js');
    Database = chunk.Database;
    nativeBinding = chunk.nativeBinding();
  } catch (error) {
    // Built for another Node.js (a Node upgrade since npm install): it is there, but must be rebuilt.
    const built = /NODE_MODULE_VERSION|ERR_DLOPEN_FAILED|invalid ELF|wrong ELF/.test(String((error as Error).message));
    throw new DriverMissingError({ driver: 'better-sqlite3', ...(built ? { rebuild: true } : {}), ...missing });
  }
  return {
    name: 'better-sqlite3',
    // (The addon object itself: better-sqlite3 takes one, though its types say a path.)
    open: (path, { timeoutMs }) => new BetterDatabaseAdapter(new Database(path, { timeout: timeoutMs, nativeBinding: nativeBinding as unknown as string })),
  };
}

// ---------------------------------------------------------------------------------------------

let chosen: { choice: DriverName | undefined; driver: Promise<SqliteDriver> } | undefined;

/**
 * The driver for this process: `choice` (POSTBOARD_SQLITE_DRIVER) when given, else node:sqlite
 * where this Node's has what a board needs, else better-sqlite3. Rejects with a
 * DriverMissingError saying what is missing.
 */
export function sqliteDriver(choice?: DriverName): Promise<SqliteDriver> {
  if (chosen && chosen.choice === choice) return chosen.driver;
  const driver = (async (): Promise<SqliteDriver> => {
    if (choice === 'better-sqlite3') return betterSqlite3({ asked: true });
    const sqlite = loadNodeSqlite();
    const builtin = sqlite && lacking(sqlite);
    if (sqlite && builtin === undefined) return nodeSqliteDriver(sqlite);
    if (choice === 'node:sqlite') throw new DriverMissingError({ driver: 'node:sqlite', asked: true, ...(builtin ? { builtin } : {}) });
    return betterSqlite3(builtin ? { builtin } : {});
  })();
  chosen = { choice, driver };
  return driver;
}
