import { EDGE } from '../../board/numbers.js';
import type { ChangeLogEntry } from '../../board/log.js';
import { checkStoredPost, isRecord, POST_KEYS, type FieldIssue, type Post } from '../../board/post.js';
import { brokenSource, type Source } from '../../board/source.js';

/** The board file's format version this postboard reads and writes. */
export const SCHEMA_VERSION = 1;

export interface Board {
  schemaVersion: number;
  /** The highest number ever given; numbers are never reused, even after a delete. */
  lastId: number;
  posts: Post[];
  /** The latest changes, oldest first (see board/log.ts); a board made before the log has none. */
  changes?: ChangeLogEntry[];
  /** The sources `pull` reads, by name (board/source.ts); a board without any has none. */
  sources?: Source[];
  /** What postboard before the change log wrote: the last command. Kept, no longer read. */
  lastChange?: { command: string; at: string };
}

export function emptyBoard(): Board {
  return { schemaVersion: SCHEMA_VERSION, lastId: 0, posts: [] };
}

/** What is wrong with a board file. The i18n layer turns each kind into a sentence. */
export type BoardProblem =
  | { kind: 'empty' }
  | { kind: 'syntax'; line: number; column: number; detail: string }
  | { kind: 'not-a-board'; found: JsonKind }
  | { kind: 'bad-header'; field: 'schemaVersion' | 'lastId' | 'changes' | 'sources'; value: unknown }
  | { kind: 'newer-version'; version: number; reads: number }
  | { kind: 'invalid-post'; index: number; id: number | undefined; issue: FieldIssue; line?: number }
  | { kind: 'duplicate-id'; id: number; index: number; firstIndex: number; line?: number }
  | { kind: 'last-id-behind'; lastId: number; highest: number }
  | { kind: 'not-nfc'; index: number; id: number | undefined; field: string }
  | { kind: 'bom' }
  | { kind: 'not-utf8'; line: number }
  | { kind: 'inexact-number'; key: string; literal: string; line?: number }
  | { kind: 'too-deep' }
  | { kind: 'folder' }
  | { kind: 'not-a-file'; found: FileKind }
  | { kind: 'too-large'; bytes: number | undefined; limit: number }
  | { kind: 'read-only'; mode: number }
  | { kind: 'unreadable'; code: string }
  | { kind: 'unwritable'; code: string; room?: DiskRoom }
  /**
   * Another writer held the board for the whole lock timeout. A JSON board's lock names its
   * postboard process; a database says what it knows of the holder (`holder`, with the session's
   * application name when PostgreSQL gives one; a SQLite file cannot tell who holds it).
   */
  | {
      kind: 'locked';
      seconds: number;
      pid?: number;
      stopped?: boolean;
      store?: 'sqlite' | 'postgres';
      holder?: LockHolder;
      application?: string;
      /** A JSON board's lock file was deleted and Windows keeps its name while another program has it open. */
      pending?: true;
      /** The lock names a process that has not refreshed it for `seconds` (it has most likely ended): taken over once `staleSeconds` old. */
      unrefreshed?: { seconds: number; staleSeconds: number; path: string };
    }
  /** The board file is open in another program that does not let it be replaced (Windows), still after `seconds` of retries. */
  | { kind: 'held'; path: string; code: string; seconds: number }
  | { kind: 'lock-lost' }
  | { kind: 'not-a-lock'; path: string }
  /** A key written twice in one object: JSON keeps the last, and a rewrite would lose the first. */
  | { kind: 'duplicate-key'; key: string; line: number }
  /** A lock whose owner is gone, that could not be removed (someone else's file in a shared folder). */
  | { kind: 'stale-lock'; path: string; code: string; pid?: number }
  /** Something at the backup's name that postboard never makes (a folder): a change would keep no backup. */
  | { kind: 'not-a-backup'; path: string }
  | { kind: 'numbers-exhausted' }
  /** `copy` goes to an empty board only: one with posts would be mixed with another. */
  | { kind: 'not-empty'; posts: number; changes: number }
  /**
   * No SQLite driver: this Node has no built-in SQLite a board can use (before 22.16), and
   * better-sqlite3 did not install (it builds from source) or was built for another Node; or the
   * driver POSTBOARD_SQLITE_DRIVER asked for (`asked`) is not there. `builtin`: the version of
   * this Node's own SQLite, there but without what a board needs.
   */
  | { kind: 'driver-missing'; driver: 'better-sqlite3' | 'node:sqlite'; rebuild?: boolean; asked?: boolean; builtin?: string }
  /** A database file or schema that holds something else than a postboard board. */
  | { kind: 'not-a-board-database'; notSqlite?: true }
  | { kind: 'hard-linked'; names: number }
  /** What a database said went wrong, as it said it. */
  | { kind: 'database'; detail: string }
  /** A PostgreSQL server that does not answer, refuses the login, or lacks the database or the tables. */
  | { kind: 'unreachable'; host: string; code: string; seconds?: number }
  /** The server stopped answering in the middle of a command (stopped, overloaded, the network gone): given up after `seconds`. */
  | { kind: 'server-silent'; host: string; seconds: number; during: DatabaseStep }
  /** The connection was ended under a command (the server restarted, an administrator ended the session, a time-out). */
  | { kind: 'connection-lost'; host: string; during: DatabaseStep; detail: string }
  /** One statement ran past its bound (the statement time-out beyond the lock time-out: `seconds` in all), and the server stopped it. */
  | { kind: 'statement-timeout'; seconds: number }
  /** TLS as sslmode asks for it could not be had: the server has none, or its certificate is not one to trust. */
  | { kind: 'tls'; host: string; sslmode: string; reason: 'unsupported' | 'untrusted' | 'wrong-host' | 'expired' | 'other'; detail?: string }
  /** A TLS file the connection names (sslrootcert, sslcert, sslkey) cannot be read. */
  | { kind: 'tls-file'; parameter: string; path: string; code: string }
  /** `pgpassIgnored`: a ~/.pgpass that others may read, which is not used (as libpq does not use it). */
  | { kind: 'login-failed'; user: string; noPassword?: true; pgpassIgnored?: string }
  | { kind: 'no-database'; database: string }
  | { kind: 'no-tables'; location: string }
  /** A setting of the board's location that is none of the values it takes (`?sslmode=bogus`): a usage error. */
  | { kind: 'bad-setting'; setting: string; value: string; choices: readonly string[] }
  /** A database URL that is no URL (or reads two ways): a usage error. */
  | { kind: 'bad-url' }
  /** A `?schema=` that is no PostgreSQL name (letters, digits and _, up to 63): a usage error. */
  | { kind: 'bad-schema'; schema: string }
  /** Database boards: a change-log row that a hand edit broke (`changes` not JSON, or not a list of changes). */
  | { kind: 'broken-change'; seq: string }
  /** Database boards: the highest number given (`last_id` in the board table), edited by hand into no whole number. */
  | { kind: 'bad-last-id'; value: string }
  /** Database boards: posts postboard cannot show (their numbers, up to 10), met when bringing the schema up or copying. */
  | { kind: 'rows-refused'; ids: string[]; count: number; during: 'upgrade' | 'copy' };

/**
 * A full disk, for a board written whole at every change (a JSON board, a delete too): how much
 * room the change needed, how much there was, and the board's previous copy (which may go).
 */
export interface DiskRoom {
  needs: number;
  free?: number;
  backup?: { path: string; bytes: number };
}

/** Who holds a database board's lock, as far as the database can tell. */
export type LockHolder = 'postboard' | 'other-session' | 'unknown';

/** What a command was doing when a database stopped answering: reading, changing, or saving the change (COMMIT sent, no answer). */
export type DatabaseStep = 'read' | 'change' | 'commit';

/** What a path that is not a regular file is instead. */
export type FileKind = 'device' | 'fifo' | 'socket' | 'other';

export interface BoardCheck {
  board: Board;
  problems: BoardProblem[];
  /**
   * A number that may not be what the file says (at the edge of what JavaScript holds exactly,
   * or not a whole number, in a key postboard does not know): the file's text must be looked at
   * (see scan.ts).
   */
  atTheEdge: boolean;
}

/** A whole number JavaScript holds exactly (≤ 2^53 − 1): a bigger one would be rounded, and two posts could share it. */
const isWholeNumber = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

const BOARD_KEYS: ReadonlySet<string> = new Set(['schemaVersion', 'lastId', 'posts', 'lastChange', 'changes', 'sources']);
const KNOWN_POST_KEYS: ReadonlySet<string> = new Set(POST_KEYS);

/**
 * True when a key this version does not know holds a number that may not be what the file wrote
 * (anything but a safe whole number): then the text is read to be sure, since a rewrite would
 * write the number JavaScript read. Walked without recursion; most posts have no such key.
 */
function doubtfulNumbers(record: Record<string, unknown>, known: ReadonlySet<string>): boolean {
  let pending: unknown[] | undefined;
  for (const key in record) if (!known.has(key)) (pending ??= []).push(record[key]);
  while (pending && pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) return true;
    } else if (value !== null && typeof value === 'object') {
      pending.push(...Object.values(value));
    }
  }
  return false;
}

/** What a JSON value is, for "expected a board, found …". */
export type JsonKind = 'array' | 'null' | 'string' | 'number' | 'boolean' | 'object without "posts"';

function kindOf(value: unknown): JsonKind {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object without "posts"';
  return typeof value as JsonKind;
}

/**
 * Checks a parsed board file. With `stopAtFirst` (every read) it returns at the first problem;
 * `postboard check` asks for all of them. Valid posts replace the raw ones in place, so the
 * board is not held twice in memory.
 */
export function checkBoard(raw: unknown, stopAtFirst: boolean): BoardCheck {
  const problems: BoardProblem[] = [];
  const board = emptyBoard();
  if (!isRecord(raw) || !Array.isArray(raw.posts)) {
    problems.push({ kind: 'not-a-board', found: kindOf(raw) });
    return { board, problems, atTheEdge: false };
  }
  const { schemaVersion = SCHEMA_VERSION, lastId } = raw;
  if (!isWholeNumber(schemaVersion, 1)) {
    problems.push({ kind: 'bad-header', field: 'schemaVersion', value: schemaVersion });
    return { board, problems, atTheEdge: false };
  }
  if (schemaVersion > SCHEMA_VERSION) {
    problems.push({ kind: 'newer-version', version: schemaVersion, reads: SCHEMA_VERSION });
    return { board, problems, atTheEdge: false };
  }
  if (lastId !== undefined && !isWholeNumber(lastId, 0)) {
    problems.push({ kind: 'bad-header', field: 'lastId', value: lastId });
    if (stopAtFirst) return { board, problems, atTheEdge: false };
  }
  // The change log: entries with their numbers and changes (what undo reads), or nothing.
  if (raw.changes !== undefined && !(Array.isArray(raw.changes) && raw.changes.every((entry) => isRecord(entry) && isWholeNumber(entry.seq, 1) && Array.isArray(entry.changes)))) {
    problems.push({ kind: 'bad-header', field: 'changes', value: Array.isArray(raw.changes) ? '[…]' : raw.changes });
    if (stopAtFirst) return { board, problems, atTheEdge: false };
  }
  // The sources: each one whole, names once. One a hand edit broke stops only what reads them
  // (pull, source): every other command reads the board; `check` names it.
  const broken = stopAtFirst ? undefined : brokenSource(raw.sources);
  if (broken !== undefined) problems.push({ kind: 'bad-header', field: 'sources', value: broken });

  const posts = raw.posts as unknown[];
  const seen = new Map<number, number>();
  let highest = 0;
  for (let index = 0; index < posts.length; index++) {
    const checked = checkStoredPost(posts[index]);
    if ('issues' in checked) {
      const rawId = (posts[index] as { id?: unknown } | null)?.id;
      const id = isWholeNumber(rawId, 1) ? rawId : undefined;
      for (const issue of checked.issues) problems.push({ kind: 'invalid-post', index, id, issue });
      if (stopAtFirst) return { board, problems, atTheEdge: false };
      // Its number still counts: a second post with it is a duplicate too.
      if (id !== undefined) {
        const firstIndex = seen.get(id);
        if (firstIndex !== undefined) problems.push({ kind: 'duplicate-id', id, index, firstIndex });
        else seen.set(id, index);
      }
      continue;
    }
    const post = checked.post;
    posts[index] = post;
    const firstIndex = seen.get(post.id);
    if (firstIndex !== undefined) {
      problems.push({ kind: 'duplicate-id', id: post.id, index, firstIndex });
      if (stopAtFirst) return { board, problems, atTheEdge: false };
    }
    seen.set(post.id, index);
    if (post.id > highest) highest = post.id;
  }

  let atTheEdge = (typeof lastId === 'number' && lastId >= EDGE) || doubtfulNumbers(raw, BOARD_KEYS);
  for (const post of posts as Post[]) if (post && (post.id >= EDGE || post.views >= EDGE || doubtfulNumbers(post, KNOWN_POST_KEYS))) atTheEdge = true;
  const recordedLastId = isWholeNumber(lastId, 0) ? lastId : highest;
  if (recordedLastId < highest) {
    // Not fatal for reading: the next number is taken above both. `check` reports it.
    if (!stopAtFirst) problems.push({ kind: 'last-id-behind', lastId: recordedLastId, highest });
  }
  // Keys this version does not know ride along, so a rewrite loses nothing.
  const checked: Board = { ...raw, schemaVersion, lastId: Math.max(recordedLastId, highest), posts: posts as Post[] };
  return { board: checked, problems, atTheEdge };
}
