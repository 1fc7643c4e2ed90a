/**
 * store/json/ — the JSON board: one file holding every post and the last changes, read whole
 * and written whole. board-file.ts is its format (and its schema version), json-board.ts the
 * store over it (the file a lowdb adapter, read and written through lowdb's `Low`), scan.ts and
 * locate.ts what JSON.parse cannot tell about a broken file, repair.ts what `check --fix` may
 * change, log-file.ts the change log kept inside the file, paths.ts where the backup lives.
 * Writing it safely (lock, atomic replace, fsync) is store/safe-file/.
 */
import { ownFileAt } from '../../files/identity.js';
import { HeldWholeReads } from '../memory/held-whole.js';
import { constants as fsConstants } from 'node:buffer';
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, statfsSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { isRecord } from '../../board/post.js';
import { BoardFileError } from '../../errors.js';
import { realTarget } from '../../files/paths.js';
import type { WriteFaults } from '../../files/write.js';
import { decodeUtf8, encodeUtf8 } from '../../utf8.js';
import { checkBoard, emptyBoard, SCHEMA_VERSION, type Board, type BoardProblem, type DiskRoom, type FileKind } from './board-file.js';
import { lineAndColumn, locateProblem } from './locate.js';
import type { BoardLock } from '../safe-file/lock.js';
import { backupPath } from './paths.js';
import { repairBoard, textProblems, type Repair } from './repair.js';
import { scanJsonText } from './scan.js';
import { changedFields, type PostChange } from '../../board/log.js';
import type { Post } from '../../board/post.js';
import { appendLog } from './log-file.js';
import { MemoryBoard, MemoryTransaction } from '../memory/memory-board.js';
import type { BoardInfo, BoardSnapshot, BoardStore, BoardTransaction, ChangeInfo, Finding, OwnFile, Repaired } from '../store.js';

export { backupPath } from './paths.js';

/**
 * The largest board file postboard writes: the longest string V8 can make from UTF-8 bytes
 * (512 MB on 64-bit). A bigger file could never be read back, so it is never written.
 */
export const MAX_BOARD_BYTES = fsConstants.MAX_STRING_LENGTH;

/**
 * Up to this size the board is decoded the fast way (see utf8.ts: a third of the time on Node 20,
 * for a UTF-16 copy held a moment); past it, near the largest board, the lean way.
 */
const MAX_FAST_DECODE = 320 * 1024 * 1024;

export interface JsonBoardOptions {
  /** The board file, as the user named it. */
  path: string;
  /** How messages name it (the default board with `~` for the home folder); the path if not given. */
  shownAs?: string;
  /** How long to wait for another process's lock before giving up. */
  lockTimeoutMs: number;
  /** How long a lock held from another host may go unrefreshed before it counts as abandoned. */
  lockStaleMs: number;
  /** The largest board written or read (tests lower it; see MAX_BOARD_BYTES). */
  maxBytes?: number;
  faults?: WriteFaults;
}

const BOM = 0xfeff;

/** The line of the first byte sequence that is not UTF-8. */
function firstBadUtf8Line(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (!isUtf8(bytes.subarray(start, i))) return line;
      line++;
      start = i + 1;
    }
  }
  return line;
}

function fileKind(info: Stats): FileKind {
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  return 'other';
}

/**
 * The board file as text, then as JSON: the layer both the checked read and `check` stand on.
 * Reading never locks: writes replace the file by rename, so a reader sees the old or the new
 * board whole.
 */
class BoardFile {
  constructor(
    private readonly path: string,
    private readonly shownAs: string,
    private readonly options: JsonBoardOptions,
  ) {}

  readonly fail = (problem: BoardProblem): never => {
    throw new BoardFileError(this.shownAs, problem);
  };

  /** The text, without a byte-order mark; undefined when there is no file. */
  async text(): Promise<{ json: string; hadBom: boolean } | undefined> {
    const bytes = this.bytes();
    if (bytes === undefined) return undefined;
    // A board is UTF-8: bytes that are not (a CP949 title pasted by hand) would turn into U+FFFD
    // and be written back so at the next change. Refused, naming the line.
    if (!isUtf8(bytes)) return this.fail({ kind: 'not-utf8', line: firstBadUtf8Line(bytes) });
    // Synchronous on purpose: a command reads its board once, and fs/promises costs start-up.
    const text = bytes.length > MAX_FAST_DECODE ? bytes.toString('utf8') : decodeUtf8(bytes, true);
    // A byte-order mark from a Windows editor is not part of the JSON.
    const hadBom = text.charCodeAt(0) === BOM;
    return { json: hadBom ? text.slice(1) : text, hadBom };
  }

  /**
   * The file's bytes. Only a regular file is read: a device (`/dev/zero`) or a FIFO would be read
   * for ever, so it is refused after a look that never blocks (O_NONBLOCK, then fstat).
   */
  private bytes(): Buffer | undefined {
    let fd: number;
    try {
      fd = openSync(this.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      if (code === 'ENOENT') return undefined;
      return this.fail(code === 'EISDIR' ? { kind: 'folder' } : { kind: 'unreadable', code });
    }
    try {
      const info = fstatSync(fd);
      if (info.isDirectory()) return this.fail({ kind: 'folder' });
      if (!info.isFile()) return this.fail({ kind: 'not-a-file', found: fileKind(info) });
      const limit = this.options.maxBytes ?? MAX_BOARD_BYTES;
      if (info.size > limit) return this.fail({ kind: 'too-large', bytes: info.size, limit });
      // Exactly the size the file has: a file that says 0 but never ends (/proc/self/pagemap) is read as empty.
      const bytes = Buffer.allocUnsafe(info.size);
      let read = 0;
      while (read < info.size) {
        const count = readSync(fd, bytes, read, info.size - read, read);
        if (count === 0) break;
        read += count;
      }
      return read === info.size ? bytes : bytes.subarray(0, read);
    } catch (error) {
      if (error instanceof BoardFileError) throw error;
      return this.fail({ kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    } finally {
      closeSync(fd);
    }
  }

  /** The parsed JSON, or the problem (located) that stops it parsing. */
  async json(json: string): Promise<{ raw: unknown } | { problem: BoardProblem }> {
    if (json.trim() === '') return { problem: { kind: 'empty' } };
    try {
      return { raw: JSON.parse(json) };
    } catch (error) {
      return { problem: await locateProblem(json, { kind: 'syntax', line: 0, column: 0, detail: (error as Error).message }) };
    }
  }

  /** The checked board and the text it was read from; undefined when there is no file. */
  async board(): Promise<{ board: Board; json: string } | undefined> {
    const text = await this.text();
    if (text === undefined) return undefined;
    const parsed = await this.json(text.json);
    if ('problem' in parsed) return this.fail(parsed.problem);
    const { board, problems, atTheEdge } = checkBoard(parsed.raw, true);
    const [problem] = problems;
    if (problem) return this.fail(await locateProblem(text.json, problem));
    if (atTheEdge) {
      const [inexact] = scanJsonText(text.json, { duplicates: false, limit: 1 });
      if (inexact?.kind === 'inexact-number') return this.fail({ kind: 'inexact-number', key: inexact.key, literal: inexact.literal, line: lineAndColumn(text.json, inexact.offset).line });
    }
    return { board, json: text.json };
  }
}

/** Where a board file is and how it is written: what the adapter needs of its store. */
interface FilePlace {
  readonly realPath: string;
  readonly options: JsonBoardOptions;
  readonly fail: (problem: BoardProblem) => never;
}

/**
 * The board file as a lowdb adapter — `Low<Board>` reads and writes a JSON board through it.
 *
 * read(): the strict read. The board, checked (posts by the schema, numbers exact, no key written
 * twice where a number is at the edge), or null when there is no file; a broken, non-UTF-8 or
 * foreign file throws its typed BoardProblem, and is never handed on.
 *
 * write(board): the safe write. Serialised (too deep or too large to be read back: refused), its
 * size checked against the limit, written whole beside the board, fsynced, checked, and renamed
 * over it while the lock is still ours, the old board kept as `<board>.bak` (see
 * safe-file/replace.ts); a failed write leaves board and backup exactly as they were, and says
 * why (a full disk with the room it needs). A board whose text is the one read() found is not
 * written at all.
 *
 * What lowdb does not have: a lock. `Low.read()` then `Low.write()` is a read–modify–write that
 * another process could write into; so the store takes the board's lock around the whole of it
 * (read inside the lock, change, write) and gives it to the adapter, whose write refuses to run
 * without it.
 */
export class BoardFileAdapter implements Adapter<Board> {
  /** The text the last read() found: writing it again would change nothing. */
  private readText: string | undefined;

  constructor(
    private readonly file: BoardFile,
    private readonly place: FilePlace,
    private readonly lock?: BoardLock,
  ) {}

  async read(): Promise<Board | null> {
    const read = await this.file.board();
    this.readText = read?.json;
    return read?.board ?? null;
  }

  async write(board: Board): Promise<void> {
    const { realPath, options, fail } = this.place;
    if (!this.lock) throw new Error('a board file is written only under its lock');
    const limit = options.maxBytes ?? MAX_BOARD_BYTES;
    let json: string;
    try {
      json = serialize(board);
    } catch (error) {
      // Data nested thousands deep (in a key postboard does not know) overflows the stack...
      if (error instanceof RangeError && /call stack/i.test(error.message)) return fail({ kind: 'too-deep' });
      // ...and V8's longest string being shorter than the board means far past what could be read back.
      if (error instanceof RangeError) return fail({ kind: 'too-large', bytes: undefined, limit });
      throw error;
    }
    if (json === this.readText) return;
    const bytes = encodeUtf8(json);
    if (bytes.length > limit) return fail({ kind: 'too-large', bytes: bytes.length, limit });
    assertBackupPlace(this.place);
    const { replaceBoardFile, HeldFileError } = await import('../safe-file/replace.js');
    try {
      await replaceBoardFile(realPath, bytes, { lock: this.lock, faults: options.faults ?? {} });
    } catch (error) {
      if (error instanceof BoardFileError) throw error;
      if (error instanceof HeldFileError) return fail({ kind: 'held', path: error.path, code: error.code, seconds: error.seconds });
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      return fail({ kind: 'unwritable', code, ...(code === 'ENOSPC' ? { room: diskRoom(this.place, bytes.length) } : {}) });
    }
    this.readText = json;
  }
}

/** A full disk: the room a write of the whole board needs, what there is, and the previous copy that may go. */
function diskRoom({ realPath, options }: FilePlace, needs: number): DiskRoom {
  const folder = dirname(realPath);
  const injected = options.faults?.diskFreeBytes;
  let free: number | undefined = injected;
  try {
    if (free === undefined) {
      const { bavail, bsize } = statfsSync(folder);
      free = bavail * bsize;
    }
  } catch {
    free = undefined;
  }
  let backup: DiskRoom['backup'];
  try {
    const path = backupPath(realPath);
    backup = { path, bytes: statSync(path).size };
  } catch {
    backup = undefined;
  }
  return { needs, ...(free !== undefined ? { free } : {}), ...(backup ? { backup } : {}) };
}

/**
 * Every change keeps the board as it was at `<board>.bak`: something there that a file cannot
 * be renamed over (a folder) would leave the change without its backup, so it is refused first.
 */
function assertBackupPlace({ realPath, fail }: FilePlace): void {
  const path = backupPath(realPath);
  let info: Stats;
  try {
    info = lstatSync(path);
  } catch {
    return;
  }
  if (info.isDirectory()) fail({ kind: 'not-a-backup', path });
}

export function serialize(board: unknown): string {
  return `${JSON.stringify(board, null, 2)}\n`;
}

export class JsonBoardStore extends HeldWholeReads implements BoardStore {
  readonly name: string;
  readonly kind = 'json' as const;
  private real: string | undefined;
  private file: BoardFile | undefined;
  /** The board as last read or written by this process: a command reads its board once. */
  private cached: MemoryBoard | undefined;

  constructor(private readonly options: JsonBoardOptions) {
    super();
    this.name = options.shownAs ?? options.path;
  }

  /** Where the board really is: links followed, so every name for it locks and writes one file. */
  get realPath(): string {
    if (this.real === undefined) {
      try {
        this.real = realTarget(this.options.path);
      } catch {
        // A loop of links, a file where a folder should be: said by the read that follows.
        this.real = this.options.path;
      }
    }
    return this.real;
  }

  private get boardFile(): BoardFile {
    return (this.file ??= new BoardFile(this.realPath, this.name, this.options));
  }

  private get fail() {
    return this.boardFile.fail;
  }

  private get place(): FilePlace {
    return { realPath: this.realPath, options: this.options, fail: this.fail };
  }

  /**
   * The board file through lowdb: `read()` the strict read, `data` the board (an empty one when
   * there is no file: lowdb keeps the default then, so `exists` tells), `write()` the safe write,
   * which needs the lock (see BoardFileAdapter).
   */
  private async low(lock?: BoardLock): Promise<{ db: Low<Board>; exists: boolean }> {
    const empty = emptyBoard();
    const db = new Low<Board>(this.adapter(lock), empty);
    await db.read();
    return { db, exists: db.data !== empty };
  }

  /** The board file as a lowdb adapter; one given the board's lock (see withBoardLock) can write. */
  adapter(lock?: BoardLock): BoardFileAdapter {
    return new BoardFileAdapter(this.boardFile, this.place, lock);
  }

  /** The board as read through lowdb; an empty one (that does not exist) when there is no file. */
  protected async memory(): Promise<MemoryBoard> {
    if (this.cached) return this.cached;
    const { db, exists } = await this.low();
    this.cached = new MemoryBoard(db.data, exists);
    return this.cached;
  }


  async change<T>(info: ChangeInfo, work: (tx: BoardTransaction) => Promise<T>): Promise<{ result: T; changed: boolean; seq?: number }> {
    const step = async (lock: BoardLock | undefined) => {
      // Re-read inside the lock: another process may have written since the command started.
      const { db } = await this.low(lock);
      const tx = new MemoryTransaction(db.data);
      const result = await work(tx);
      // A change that changes nothing writes nothing (and keeps the backup of the last real one).
      // (A change that only keeps what a pull learnt of a source's server writes without a log entry.)
      if ((tx.changes.length === 0 && !tx.touched) || info.dryRun || !lock) return { result, changed: false };
      tx.finish();
      const seq = tx.changes.length > 0 ? appendLog(db.data, info, tx.changes) : undefined;
      await db.write();
      this.cached = new MemoryBoard(db.data, true);
      return { result, changed: true, ...(seq !== undefined ? { seq } : {}) };
    };
    // A dry run reads the board as a change would, but takes no lock: it writes nothing.
    return info.dryRun ? step(undefined) : this.locked(step);
  }

  async snapshot(): Promise<BoardSnapshot> {
    const { board } = await this.memory();
    const { schemaVersion: _version, lastId, posts: _posts, changes = [], lastChange: _last, sources = [], ...extras } = board;
    return { lastId, extras, log: changes, sources };
  }

  async restore(snapshot: BoardSnapshot, posts: AsyncIterable<readonly Post[]>): Promise<number> {
    return this.locked(async (lock) => {
      const { db } = await this.low(lock);
      db.data = await restoredBoard(db.data, snapshot, posts, this.fail);
      await db.write();
      this.cached = new MemoryBoard(db.data, true);
      return db.data.posts.length;
    });
  }

  async init(): Promise<{ made: boolean; info: BoardInfo }> {
    if ((await this.info()).exists) return { made: false, info: await this.info() };
    return this.locked(async (lock) => {
      const { db, exists } = await this.low(lock);
      // lowdb writes whatever differs from what it read: with no file, that is the empty board.
      if (!exists) await db.write();
      this.cached = new MemoryBoard(db.data, true);
      return { made: !exists, info: this.cached.info() };
    });
  }

  async close(): Promise<void> {}

  async check(): Promise<Finding[] | undefined> {
    const problems = await this.problems();
    return problems?.map((problem) => ({ problem, fixable: isFixable(problem) }));
  }

  /** Every problem of the file, located; undefined when there is no file. */
  private async problems(): Promise<BoardProblem[] | undefined> {
    let text;
    try {
      text = await this.boardFile.text();
    } catch (error) {
      if (error instanceof BoardFileError) return [error.problem];
      throw error;
    }
    if (text === undefined) return undefined;
    const parsed = await this.boardFile.json(text.json);
    if ('problem' in parsed) return [parsed.problem];
    const { problems } = checkBoard(parsed.raw, false);
    // Read token by token (a second or so per 100,000 posts): what JSON.parse cannot tell.
    const findings = scanJsonText(text.json, { duplicates: true }).map((found): BoardProblem => {
      const line = lineAndColumn(text.json, found.offset).line;
      return found.kind === 'inexact-number' ? { kind: 'inexact-number', key: found.key, literal: found.literal, line } : { kind: 'duplicate-key', key: found.key, line };
    });
    const all: BoardProblem[] = [...findings, ...(text.hadBom ? [{ kind: 'bom' } as const] : []), ...problems, ...textProblems(parsed.raw), ...nesting(parsed.raw)];
    return Promise.all(all.map((problem) => locateProblem(text.json, problem)));
  }

  /**
   * `check --fix`: repairs what can be repaired without guessing, as one locked step that keeps a
   * backup first, and says what it changed and where the backup is (nothing changed, nothing
   * written). Posts it changes (text composed to NFC) are in the change log, so undo takes the
   * fix back like any other change.
   */
  async repair(info: Pick<ChangeInfo, 'at' | 'who'>): Promise<Repaired> {
    return this.locked(async (lock) => {
      const text = await this.boardFile.text();
      if (text === undefined) return { repairs: [] };
      const parsed = await this.boardFile.json(text.json);
      if ('problem' in parsed) return this.fail(parsed.problem);
      const raw = parsed.raw;
      if (!isRecord(raw)) return this.fail(checkBoard(raw, true).problems[0] ?? { kind: 'empty' });
      const before = new Map((Array.isArray(raw.posts) ? (raw.posts as Post[]) : []).filter(isRecord).map((post) => [post.id, structuredClone(post)]));
      const repairs: Repair[] = text.hadBom ? [{ kind: 'bom' }] : [];
      repairs.push(...repairBoard(raw));
      if (repairs.length === 0) return { repairs };
      const changes: PostChange[] = [];
      for (const post of (raw.posts as Post[]).filter(isRecord)) {
        const old = before.get(post.id);
        const fields = old && changedFields(old, post);
        if (fields) changes.push({ kind: 'edit', id: post.id, title: post.title, ...fields });
      }
      if (changes.length > 0 && (raw.changes === undefined || Array.isArray(raw.changes))) appendLog(raw as unknown as Board, { command: 'check --fix', ...info }, changes);
      // Written through lowdb like any change, but not read through it: the strict read refuses
      // what is being repaired. (An adapter that read nothing writes whatever it is given.)
      const db = new Low<Board>(this.adapter(lock), raw as unknown as Board);
      await db.write();
      return { repairs, backup: backupPath(this.realPath) };
    });
  }

  /**
   * Can this board be changed at all? A read-only board (no write permission bit, even for root)
   * is refused before anything is asked or done; so is a board whose folder cannot take a new file.
   */
  async assertWritable(): Promise<void> {
    let info: Stats | undefined;
    try {
      info = statSync(this.realPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      if (code !== 'ENOENT') return this.fail(code === 'ELOOP' || code === 'ENOTDIR' ? { kind: 'unreadable', code } : { kind: 'unwritable', code });
    }
    if (info?.isDirectory()) return this.fail({ kind: 'folder' });
    if (info && !info.isFile()) return this.fail({ kind: 'not-a-file', found: fileKind(info) });
    if (info && (info.mode & 0o222) === 0) return this.fail({ kind: 'read-only', mode: info.mode & 0o777 });
    assertBackupPlace(this.place);
    const code = (await import('../../files/write.js')).unwritableCode(this.realPath, info !== undefined);
    if (code) return this.fail({ kind: 'unwritable', code });
  }

  async ownFile(path: string): Promise<OwnFile | undefined> {
    const own: [OwnFile, string][] = [
      ['board', this.realPath],
      ['backup', backupPath(this.realPath)],
      ['lock', `${this.realPath}.lock`],
    ];
    return ownFileAt(own, path, this.options.faults?.os ?? process.platform);
  }

  private async locked<T>(step: (lock: BoardLock) => Promise<T>): Promise<T> {
    await this.assertWritable();
    // The first change to a board makes its folder (your own board's, in the data folder).
    try {
      mkdirSync(dirname(this.realPath), { recursive: true });
    } catch (error) {
      return this.fail({ kind: 'unwritable', code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    const [{ withBoardLock }, { sweepLeftovers }] = await Promise.all([import('../safe-file/lock.js'), import('../safe-file/replace.js')]);
    const options = { timeoutMs: this.options.lockTimeoutMs, staleMs: this.options.lockStaleMs, faults: this.options.faults };
    try {
      return await withBoardLock(this.realPath, options, this.fail, async (lock) => {
        await sweepLeftovers(this.realPath, this.options.faults);
        return step(lock);
      });
    } catch (error) {
      // A disk so full that not even the lock fits: said with the room a change needs all the same
      // (about the board's size: every change writes it anew).
      if (error instanceof BoardFileError && error.problem.kind === 'unwritable' && error.problem.code === 'ENOSPC' && !error.problem.room) {
        let size = 0;
        try {
          size = statSync(this.realPath).size;
        } catch {
          size = 0;
        }
        return this.fail({ kind: 'unwritable', code: 'ENOSPC', room: diskRoom(this.place, size + 4096) });
      }
      throw error;
    }
  }
}

/** The problems of a board file that `check --fix` repairs without guessing. */
const FIXABLE: ReadonlySet<BoardProblem['kind']> = new Set(['last-id-behind', 'not-nfc', 'bom']);
const isFixable = (problem: BoardProblem): boolean => FIXABLE.has(problem.kind) || (problem.kind === 'bad-header' && problem.field === 'lastId');

/** A board nested too deeply to be written back (a key postboard does not know): a change would fail on it. */
function nesting(raw: unknown): BoardProblem[] {
  try {
    JSON.stringify(raw);
    return [];
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) return [{ kind: 'too-deep' }];
    return [];
  }
}

/**
 * The board a `copy` makes of an empty one: the snapshot's header, log and keys, and every post
 * (newest number first, as a board file keeps them). A board with posts or changes is refused.
 */
export async function restoredBoard(empty: Board, snapshot: BoardSnapshot, posts: AsyncIterable<readonly Post[]>, fail: (problem: BoardProblem) => never): Promise<Board> {
  const changes = empty.changes?.length ?? 0;
  if (empty.posts.length > 0 || changes > 0) return fail({ kind: 'not-empty', posts: empty.posts.length, changes });
  const all: Post[] = [];
  for await (const batch of posts) all.push(...batch);
  all.sort((a, b) => b.id - a.id);
  // Numbers given on the empty board stay given too.
  const lastId = Math.max(snapshot.lastId, empty.lastId);
  return { schemaVersion: SCHEMA_VERSION, lastId, ...snapshot.extras, posts: all, ...(snapshot.log.length > 0 ? { changes: snapshot.log } : {}), ...(snapshot.sources.length > 0 ? { sources: snapshot.sources } : {}) };
}
