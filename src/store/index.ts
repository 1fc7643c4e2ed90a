import { JsonBoardStore } from './json-board.js';
import { PostgresBoardStore } from './postgres-board.js';
import { SqliteBoardStore } from './sqlite-board.js';
import type { BoardKind, BoardStore } from './store.js';
import type { WriteFaults } from '../files/write.js';

export type { Board, BoardProblem } from './board.js';
export type { BoardStore } from './store.js';
export type { Repair } from './repair.js';

/** The JSON board behind a store, for the tools that read its file (`check`); undefined for a database. */
export const jsonBoardOf = (store: BoardStore): JsonBoardStore | undefined => (store instanceof JsonBoardStore ? store : undefined);

export interface OpenBoardOptions {
  /** `--db`, `POSTBOARD_DB` or the default: where the board is. */
  location: string;
  /** How messages name it. */
  shownAs: string;
  lockTimeoutMs: number;
  lockStaleMs: number;
  /** Test knobs: a lower size limit, injected write faults. */
  maxBytes?: number;
  faults?: WriteFaults;
}

/**
 * Which kind of board a location names: a PostgreSQL URL (`postgres://…`), a SQLite file
 * (`sqlite:PATH`, or a name ending in .sqlite, .sqlite3 or .db), else a JSON file.
 */
export function boardKind(location: string): { kind: BoardKind; path: string } {
  if (/^postgres(ql)?:\/\//i.test(location)) return { kind: 'postgres', path: location };
  const sqlite = /^sqlite:(.*)$/i.exec(location);
  if (sqlite) return { kind: 'sqlite', path: sqlite[1] ?? '' };
  if (/\.(sqlite3?|db)$/i.test(location)) return { kind: 'sqlite', path: location };
  return { kind: 'json', path: location };
}

/** A location as messages show it: a database URL without its password. */
export function shownLocation(location: string): string {
  if (!/^postgres(ql)?:\/\//i.test(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}

/** Opens the board at `location`; commands never know which kind it is. */
export function openBoard(options: OpenBoardOptions): BoardStore {
  const { location, ...rest } = options;
  const { kind, path } = boardKind(location);
  if (kind === 'postgres') return new PostgresBoardStore({ url: path, shownAs: shownLocation(options.shownAs), lockTimeoutMs: options.lockTimeoutMs });
  if (kind === 'sqlite') return new SqliteBoardStore({ path, shownAs: options.shownAs, lockTimeoutMs: options.lockTimeoutMs });
  return new JsonBoardStore({ path: location, ...rest });
}
