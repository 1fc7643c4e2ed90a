import { Low, Memory } from 'lowdb';
import { HeldWholeReads } from './held-whole.js';
import { BoardProblemError } from '../../errors.js';
import type { Post } from '../../board/post.js';
import { emptyBoard, type Board } from '../json/board-file.js';
import { restoredBoard } from '../json/json-board.js';
import { appendLog } from '../json/log-file.js';
import type { BoardInfo, BoardSnapshot, BoardStore, BoardTransaction, ChangeInfo, OwnFile } from '../store.js';
import { MemoryBoard, MemoryTransaction } from './memory-board.js';

/**
 * A whole board held in this process, behind the store interface: the board lives in a lowdb
 * `Memory` adapter (what a file is to a JSON board), and each store opened on that adapter reads
 * and writes it through its own `Low`, as each postboard process does its file. Tests run
 * commands in-process against it (the contract suite, without spawning anything).
 *
 * It keeps a JSON board's promises: a change runs on a copy of the board and is written (handed
 * to the adapter) only whole and only when it changed something, so a change that fails leaves
 * the board exactly as it was; changes to one board take turns (lowdb's `Memory` has no lock,
 * like its file adapters: the turn is kept here, around read, change and write); a command reads
 * a copy, so nothing it does to a post it was given reaches the board; the last 100 changes are
 * logged, numbers are never given twice.
 */
export class MemoryBoardStore extends HeldWholeReads implements BoardStore {
  readonly kind = 'memory' as const;
  private readonly db: Low<Board>;
  private cached: MemoryBoard | undefined;

  /** A store over `adapter` (a board another store may share), named `name` in messages. */
  constructor(
    readonly adapter: Memory<Board> = new Memory<Board>(),
    readonly name = 'memory',
  ) {
    super();
    this.db = new Low<Board>(adapter, emptyBoard());
  }

  /** The board as it is now (a copy of it), and whether there is one. */
  private async read(): Promise<{ board: Board; exists: boolean }> {
    const empty = emptyBoard();
    this.db.data = empty;
    await this.db.read();
    const exists = this.db.data !== empty;
    return { board: exists ? structuredClone(this.db.data) : empty, exists };
  }

  /** Writes `board` as the board, whole: the adapter gets an object nobody else holds. */
  private async write(board: Board): Promise<void> {
    this.db.data = board;
    await this.db.write();
    this.cached = undefined;
  }

  protected async memory(): Promise<MemoryBoard> {
    if (this.cached) return this.cached;
    const { board, exists } = await this.read();
    this.cached = new MemoryBoard(board, exists);
    return this.cached;
  }

  /** Runs `step` in this board's turn: one change at a time, among every store on the adapter. */
  private turn<T>(step: () => Promise<T>): Promise<T> {
    const before = TURNS.get(this.adapter) ?? Promise.resolve();
    const mine = before.then(step);
    TURNS.set(
      this.adapter,
      mine.then(
        () => undefined,
        () => undefined,
      ),
    );
    return mine;
  }


  async change<T>(info: ChangeInfo, work: (tx: BoardTransaction) => Promise<T>): Promise<{ result: T; changed: boolean; seq?: number }> {
    const step = async () => {
      // The board as it is now, in this turn: another store may have written since this one read.
      const { board } = await this.read();
      const tx = new MemoryTransaction(board);
      const result = await work(tx);
      if ((tx.changes.length === 0 && !tx.touched) || info.dryRun) return { result, changed: false };
      tx.finish();
      const seq = tx.changes.length > 0 ? appendLog(board, info, tx.changes) : undefined;
      await this.write(board);
      return { result, changed: true, ...(seq !== undefined ? { seq } : {}) };
    };
    return info.dryRun ? step() : this.turn(step);
  }

  async assertWritable(): Promise<void> {}

  async ownFile(): Promise<OwnFile | undefined> {
    return undefined;
  }

  async snapshot(): Promise<BoardSnapshot> {
    const { board } = await this.memory();
    const { schemaVersion: _version, lastId, posts: _posts, changes = [], lastChange: _last, sources = [], ...extras } = board;
    return { lastId, extras, log: changes, sources };
  }

  async restore(snapshot: BoardSnapshot, posts: AsyncIterable<readonly Post[]>): Promise<number> {
    return this.turn(async () => {
      const { board } = await this.read();
      const restored = await restoredBoard(board, snapshot, posts, (problem) => {
        throw new BoardProblemError(problem);
      });
      await this.write(restored);
      return restored.posts.length;
    });
  }

  async init(): Promise<{ made: boolean; info: BoardInfo }> {
    return this.turn(async () => {
      const { exists } = await this.read();
      if (!exists) await this.write(emptyBoard());
      return { made: !exists, info: await this.info() };
    });
  }

  async close(): Promise<void> {}
}

/** The change under way on each board in memory (by its adapter): the next one waits for it. */
const TURNS = new WeakMap<Memory<Board>, Promise<void>>();
