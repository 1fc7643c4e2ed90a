import type { ChangeLogEntry } from '../board/log.js';
import type { FetchState, Source, Subscription } from '../board/source.js';
import type { Post } from '../board/post.js';
import type { PostFilter, PostOrder } from '../board/query.js';
import type { BoardProblem } from './json/board-file.js';
import type { Repair } from './json/repair.js';

/**
 * Where a board lives, behind one interface: a JSON file (the default), a SQLite file (an
 * archive of millions of posts) or a PostgreSQL database (a board shared by a team). Commands
 * ask it questions and hand it changes; they never see paths, locks, SQL or connections, and
 * every backend answers the same questions the same way (the contract suite in
 * test/contract proves it).
 */

/**
 * The kinds of board, chosen by the location (see index.ts). `memory`: a board held in this
 * process only (store/memory/), which tests run commands against in-process.
 */
export type BoardKind = 'json' | 'sqlite' | 'postgres' | 'memory';

/** A board read whole into memory (a JSON file, a board in memory), rather than asked a page at a time (a database). */
export const heldWhole = (kind: BoardKind): boolean => kind === 'json' || kind === 'memory';

/** The files a JSON board keeps: itself, its backup, its lock. */
export type OwnFile = 'board' | 'backup' | 'lock';

export interface BoardInfo {
  /** False when there is no board there yet (a JSON file not made, a SQLite file not made). */
  exists: boolean;
  posts: number;
  /** The highest number ever given; numbers are never given twice, even after a delete. */
  lastId: number;
}

/** A page of posts: a filter, an order, where to start and how many. */
export interface PostQuery {
  filter: PostFilter;
  order: PostOrder;
  offset: number;
  /** Undefined: every matching post. */
  limit: number | undefined;
}

export interface PostPage {
  posts: Post[];
  /** How many posts match the filter, on every page together. */
  total: number;
  /** Set when `total` is a lower bound: a search matching most of a large board is counted only so far. */
  more?: true;
}

/** What `stats` shows per row: a department, a month (`2024-09`) or an author, with its figures. */
export interface Tally {
  key: string;
  posts: number;
  views: number;
}

export type Grouping = 'department' | 'month' | 'author';

/** The reads every board answers. */
export interface BoardReads {
  info(): Promise<BoardInfo>;
  page(query: PostQuery): Promise<PostPage>;
  /** The posts with these numbers (those that exist), by number. */
  get(ids: readonly number[]): Promise<Map<number, Post>>;
  /**
   * The matching posts in order, a batch at a time: memory stays flat whatever the board's size,
   * and a consumer awaits once per batch, not once per post.
   */
  stream(query: Omit<PostQuery, 'offset'>): AsyncIterable<readonly Post[]>;
  /** The departments in use, the most used first. */
  departments(): Promise<string[]>;
  /** Posts and views per department, month or author, for the filter; in no particular order. */
  tally(filter: PostFilter, by: Grouping): Promise<Tally[]>;
  /** The post whose source URL is this address (compared as addresses, see urlKey). */
  withSource(url: string): Promise<Post | undefined>;
  /** The change log, newest first. */
  log(limit: number): Promise<ChangeLogEntry[]>;
  /** The sources `pull` reads (board/source.ts), by name. */
  sources(): Promise<Source[]>;
}

/**
 * A change in the making: reads of the freshest board (inside the lock, the transaction), and
 * the operations that make the change. The store records each operation for the change log.
 */
export interface BoardTransaction {
  get(ids: readonly number[]): Promise<Map<number, Post>>;
  /** The posts holding these source URL keys (see urlKey): key → number. */
  withSources(keys: readonly string[]): Promise<Map<string, number>>;
  /** The posts with these contents (see contentKey): key → number. */
  withContents(keys: readonly string[]): Promise<Map<string, number>>;
  lastId(): Promise<number>;
  /** The number for a new post: one past the highest ever given. */
  nextId(): Promise<number>;
  /** Adds posts (their numbers given); `lastId` moves past them. */
  insert(posts: readonly Post[]): Promise<void>;
  /** Replaces a post by its new state; the store logs the fields that differ. */
  update(before: Post, after: Post): Promise<void>;
  remove(posts: readonly Post[]): Promise<void>;
  /** The log entry with this number, and the newest ones (for undo and redo). */
  entry(seq: number): Promise<ChangeLogEntry | undefined>;
  recent(limit: number): Promise<ChangeLogEntry[]>;
  /** Marks a log entry undone by another (or done again, with undefined). */
  markUndone(seq: number, by: number | undefined): Promise<void>;
  /** The number this change's own log entry will have. */
  nextSeq(): Promise<number>;
  /** The board's sources, by name. */
  sources(): Promise<Source[]>;
  /**
   * Adds, changes (its fetch state kept) or removes (`null`) a source by name; the store logs the
   * subscription before and after, as it logs a post's fields.
   */
  setSource(name: string, to: Subscription | null): Promise<void>;
  /**
   * What a pull learnt of a source's server (ETag, Last-Modified, when): written with the change,
   * never logged; a change that does only this writes without a log entry. Only to the source
   * added at `addedAt`: one removed and added again meanwhile is another source.
   */
  keepState(name: string, state: FetchState, addedAt: string): Promise<void>;
}

/** What a change is, for its log entry. */
export interface ChangeInfo {
  command: string;
  at: Date;
  who: string;
  /** An undo or redo: the entry it reverts (set by the work itself when that is decided inside the change). */
  undoes?: number;
  redoes?: number;
  /** Run the change and report, but write nothing (import --dry-run). */
  dryRun?: boolean;
}

/** A whole board, for `copy`: its header, its log, and (streamed separately) its posts. */
export interface BoardSnapshot {
  lastId: number;
  /** Keys of a JSON board's file that no version knows: carried along. */
  extras: Record<string, unknown>;
  log: ChangeLogEntry[];
  /** The sources, with their fetch state. */
  sources: Source[];
}

/** One thing `check` found wrong with a board: a typed problem (the catalogue words it), and whether `check --fix` repairs it. */
export interface Finding {
  problem: BoardProblem;
  fixable: boolean;
}

/** What `check --fix` did: the repairs made (none: nothing written), and the copy of the board as it was, where one was kept. */
export interface Repaired {
  repairs: Repair[];
  backup?: string;
}

export interface BoardStore extends BoardReads {
  /** The board as the user named it, for messages (a database URL without its password). */
  readonly name: string;
  readonly kind: BoardKind;

  /**
   * Runs `work` as one change: nobody else writes in between, and if `work` throws or the write
   * fails, the board stays exactly as it was. A change that changes nothing writes nothing.
   * The result says whether something was written.
   */
  change<T>(info: ChangeInfo, work: (tx: BoardTransaction) => Promise<T>): Promise<{ result: T; changed: boolean; seq?: number }>;

  /** Throws the reason this board cannot be changed (read-only, no such folder), before any work. */
  assertWritable(): Promise<void>;

  /** JSON boards: which of the board's own files is at this real path (an export must never replace one). */
  ownFile(realPath: string): Promise<OwnFile | undefined>;

  /** For `copy`: everything but the posts. */
  snapshot(): Promise<BoardSnapshot>;
  /** For `copy`: fills an empty board with a whole board (posts in any order), as one change. */
  restore(snapshot: BoardSnapshot, posts: AsyncIterable<readonly Post[]>): Promise<number>;

  /** For `init`: makes the board's tables (a database) or file; says whether it was made now. */
  init(): Promise<{ made: boolean; info: BoardInfo }>;

  /**
   * `check`: everything wrong with the board as stored, read leniently (what a command's read
   * would refuse, and what it would not see: text not in NFC, a number behind, a hand edit);
   * [] for a healthy board, undefined when there is no board. A store without it cannot be checked.
   */
  check?(): Promise<Finding[] | undefined>;
  /**
   * `check --fix`: repairs the fixable findings as one change (the board kept as it was first,
   * where the store keeps copies), without guessing. A store whose findings are never fixable
   * (a database: its rows are fixed with its own tools) has none.
   */
  repair?(info: Pick<ChangeInfo, 'at' | 'who'>): Promise<Repaired>;

  close(): Promise<void>;
}
