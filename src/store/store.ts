import type { Board, BoardProblem } from './board.js';

/** The files a board keeps: itself, its backup, its lock. */
export type OwnFile = 'board' | 'backup' | 'lock';

/** What a change is, for the board's record of it: which command, when, and whether it changed anything. */
export interface UpdateOptions<T> {
  command: string;
  at: Date;
  /** False when the change turned out to change nothing: then nothing is written. */
  changed: (result: T) => boolean;
}
import type { Repair } from './repair.js';

/**
 * Where a board lives. Commands see only this: they never touch paths, temp files or locks.
 * A SQLite board for a large archive, or a PostgreSQL board shared by a team, plugs in here
 * by implementing these two methods.
 */
export interface BoardStore {
  /** The board as the user named it (a path for the JSON file), for messages. */
  readonly name: string;

  /** The board as it is now, validated; `undefined` when there is no board yet. Never locks. */
  read(): Promise<Board | undefined>;

  /**
   * Applies `change` to the freshest board as one step: nobody else writes in between, and if
   * `change` throws or the write fails, the board stays exactly as it was. `change` may mutate
   * the board it is given; its return value is passed back.
   */
  update<T>(change: (board: Board) => T | Promise<T>, options: UpdateOptions<T>): Promise<T>;

  /**
   * The board as it was before the last change made through postboard (the backup every write
   * keeps), or undefined when there is none. Never locks.
   */
  previous(): Promise<Board | undefined>;

  /**
   * Which of the board's own files (the board, its backup, its lock) is at this real path, under
   * any name; undefined for none. An export must never be written over one of them.
   */
  ownFile(realPath: string): Promise<OwnFile | undefined>;

  /** Throws the reason this board cannot be changed (read-only, no such folder), before any work. */
  assertWritable(): Promise<void>;

  /** Every problem with the stored board, not only the first; undefined when there is no board. */
  check(): Promise<BoardProblem[] | undefined>;

  /**
   * Repairs what can be repaired without guessing, as one locked step that keeps a backup
   * first, and says what it changed and where the backup is (nothing changed, nothing written).
   */
  repair(at: Date): Promise<{ repairs: Repair[]; backup?: string }>;
}
