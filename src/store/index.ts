import type { BoardProblem } from './board.js';
import { JsonBoardStore } from './json-board.js';
import type { BoardStore } from './store.js';

export type { Board, BoardProblem } from './board.js';
export type { BoardStore } from './store.js';
export type { Repair } from './repair.js';

export interface OpenBoardOptions {
  /** `--db`, `POSTBOARD_DB` or the default: where the board is. */
  location: string;
  lockTimeoutMs: number;
  describe: (file: string, problem: BoardProblem) => string;
}

/**
 * Opens the board at `location`. Today every board is a JSON file; a `sqlite:` or
 * `postgres://` location would choose another `BoardStore` here, and no command would change.
 */
export function openBoard(options: OpenBoardOptions): BoardStore {
  return new JsonBoardStore({ path: options.location, lockTimeoutMs: options.lockTimeoutMs, describe: options.describe });
}
