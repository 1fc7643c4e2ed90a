import { createRequire } from 'node:module';

/**
 * A SQLite file opened directly, not through postboard (to make a board look older, or another
 * program's database), with the driver this Node has: its own node:sqlite where that has what a
 * board needs (Node 22.16+, 24), else better-sqlite3 (Node 20). The same tests run on both.
 */
export interface RawSqlite {
  exec(sql: string): void;
  /** The first column of the first row, or undefined. */
  value(sql: string): unknown;
  close(): void;
}

const require = createRequire(import.meta.url);

interface NodeSqlite {
  DatabaseSync: new (path: string, options?: { readOnly?: boolean }) => {
    exec(sql: string): void;
    prepare(sql: string): { get(): Record<string, unknown> | undefined };
    close(): void;
  };
}

/** node:sqlite when this Node has one with FTS5 and SQLite 3.43+ (as postboard decides), else undefined. */
export function nodeSqlite(): NodeSqlite | undefined {
  let sqlite: NodeSqlite;
  try {
    sqlite = require('node:sqlite') as NodeSqlite;
  } catch {
    return undefined;
  }
  const db = new sqlite.DatabaseSync(':memory:');
  try {
    const row = db.prepare("SELECT sqlite_version() AS v, sqlite_compileoption_used('ENABLE_FTS5') AS fts5").get() as { v: string; fts5: number };
    const [major = 0, minor = 0] = row.v.split('.').map(Number);
    return row.fts5 === 1 && (major > 3 || (major === 3 && minor >= 43)) ? sqlite : undefined;
  } finally {
    db.close();
  }
}

/** The driver postboard uses on this Node when none is asked for. */
export const DRIVER_HERE: 'node:sqlite' | 'better-sqlite3' = nodeSqlite() ? 'node:sqlite' : 'better-sqlite3';

export async function openSqlite(path: string, options: { readonly?: boolean } = {}): Promise<RawSqlite> {
  const sqlite = nodeSqlite();
  if (sqlite) {
    const db = new sqlite.DatabaseSync(path, { readOnly: options.readonly ?? false });
    return {
      exec: (sql) => db.exec(sql),
      value: (sql) => Object.values(db.prepare(sql).get() ?? {})[0],
      close: () => db.close(),
    };
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path, { readonly: options.readonly ?? false });
  return {
    exec: (sql) => void db.exec(sql),
    value: (sql) => db.prepare(sql).pluck().get(),
    close: () => db.close(),
  };
}
