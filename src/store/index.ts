import { JsonBoardStore } from './json-board.js';
import type { BoardStore } from './store.js';
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
 * Opens the board at `location`. Today every board is a JSON file; a `sqlite:` or
 * `postgres://` location would choose another `BoardStore` here, and no command would change.
 */
export function openBoard(options: OpenBoardOptions): BoardStore {
  const { location, ...rest } = options;
  return new JsonBoardStore({ path: location, ...rest });
}
