/**
 * store/json/ — the JSON board: one file holding every post and the last changes, read whole
 * and written whole. board-file.ts is its format (and its schema version), json-board.ts the
 * store over it, scan.ts and locate.ts what JSON.parse cannot tell about a broken file, repair.ts
 * what `check --fix` may change, log-file.ts the change log kept inside the file, paths.ts where
 * the backup lives. Writing it safely (lock, atomic replace, fsync) is store/safe-file/.
 */
import { constants as fsConstants } from 'node:buffer';
import { isUtf8 } from 'node:buffer';
import { accessSync, closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, statfsSync, statSync, type Stats } from 'node:fs';
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
import { changedFields, type ChangeLogEntry, type PostChange } from '../../board/log.js';
import type { Post } from '../../board/post.js';
import type { PostFilter } from '../../board/query.js';
import { appendLog } from './log-file.js';
import { MemoryBoard, MemoryTransaction } from '../memory/memory-board.js';
import type { BoardInfo, BoardSnapshot, BoardStore, BoardTransaction, ChangeInfo, Grouping, OwnFile, PostPage, PostQuery, Tally } from '../store.js';

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

/** lowdb's adapter for a board file: text → JSON → checked board. Writes go through the store. */
class BoardFileAdapter implements Adapter<Board | null> {
  constructor(private readonly file: BoardFile) {}

  async read(): Promise<Board | null> {
    return (await this.file.board())?.board ?? null;
  }

  async write(): Promise<void> {
    throw new Error('a board is written only through JsonBoardStore.update');
  }
}

export function serialize(board: unknown): string {
  return `${JSON.stringify(board, null, 2)}\n`;
}

export class JsonBoardStore implements BoardStore {
  readonly name: string;
  readonly kind = 'json' as const;
  private real: string | undefined;
  private file: BoardFile | undefined;
  /** The board as last read or written by this process: a command reads its board once. */
  private cached: MemoryBoard | undefined;

  constructor(private readonly options: JsonBoardOptions) {
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

  /** The board, read through lowdb; an empty one (that does not exist) when there is no file. */
  private async memory(): Promise<MemoryBoard> {
    if (this.cached) return this.cached;
    const db = new Low<Board | null>(new BoardFileAdapter(this.boardFile), null);
    await db.read();
    this.cached = new MemoryBoard(db.data ?? emptyBoard(), db.data !== null);
    return this.cached;
  }

  async info(): Promise<BoardInfo> {
    return (await this.memory()).info();
  }

  async page(query: PostQuery): Promise<PostPage> {
    return (await this.memory()).page(query);
  }

  async get(ids: readonly number[]): Promise<Map<number, Post>> {
    return (await this.memory()).get(ids);
  }

  async *stream(query: Omit<PostQuery, 'offset'>): AsyncIterable<readonly Post[]> {
    yield* (await this.memory()).stream(query);
  }

  async departments(): Promise<string[]> {
    return (await this.memory()).departments();
  }

  async tally(filter: PostFilter, by: Grouping): Promise<Tally[]> {
    return (await this.memory()).tally(filter, by);
  }

  async withSource(url: string): Promise<Post | undefined> {
    return (await this.memory()).withSource(url);
  }

  async log(limit: number): Promise<ChangeLogEntry[]> {
    return (await this.memory()).log(limit);
  }

  async change<T>(info: ChangeInfo, work: (tx: BoardTransaction) => Promise<T>): Promise<{ result: T; changed: boolean; seq?: number }> {
    const step = async (lock: BoardLock | undefined) => {
      // Re-read inside the lock: another process may have written since the command started.
      const read = await this.boardFile.board();
      const board = read?.board ?? emptyBoard();
      const tx = new MemoryTransaction(board);
      const result = await work(tx);
      // A change that changes nothing writes nothing (and keeps the backup of the last real one).
      if (tx.changes.length === 0 || info.dryRun || !lock) return { result, changed: false };
      tx.finish();
      const seq = appendLog(board, info, tx.changes);
      await this.write(board, read?.json, lock);
      this.cached = new MemoryBoard(board, true);
      return { result, changed: true, seq };
    };
    // A dry run reads the board as a change would, but takes no lock: it writes nothing.
    return info.dryRun ? step(undefined) : this.locked(step);
  }

  async snapshot(): Promise<BoardSnapshot> {
    const { board } = await this.memory();
    const { schemaVersion: _version, lastId, posts: _posts, changes = [], lastChange: _last, ...extras } = board;
    return { lastId, extras, log: changes };
  }

  async restore(snapshot: BoardSnapshot, posts: AsyncIterable<readonly Post[]>): Promise<number> {
    return this.locked(async (lock) => {
      const read = await this.boardFile.board();
      const changes = read?.board.changes?.length ?? 0;
      if (read && (read.board.posts.length > 0 || changes > 0)) return this.fail({ kind: 'not-empty', posts: read.board.posts.length, changes });
      const all: Post[] = [];
      for await (const batch of posts) all.push(...batch);
      all.sort((a, b) => b.id - a.id);
      // Numbers given on the empty board stay given too.
      const lastId = Math.max(snapshot.lastId, read?.board.lastId ?? 0);
      const board: Board = { schemaVersion: SCHEMA_VERSION, lastId, ...snapshot.extras, posts: all, ...(snapshot.log.length > 0 ? { changes: snapshot.log } : {}) };
      await this.write(board, read?.json, lock);
      this.cached = new MemoryBoard(board, true);
      return all.length;
    });
  }

  async init(): Promise<{ made: boolean; info: BoardInfo }> {
    if ((await this.info()).exists) return { made: false, info: await this.info() };
    return this.locked(async (lock) => {
      const read = await this.boardFile.board();
      if (read) {
        this.cached = new MemoryBoard(read.board, true);
        return { made: false, info: this.cached.info() };
      }
      const board = emptyBoard();
      await this.write(board, undefined, lock);
      this.cached = new MemoryBoard(board, true);
      return { made: true, info: this.cached.info() };
    });
  }

  async close(): Promise<void> {}

  async check(): Promise<BoardProblem[] | undefined> {
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
  async repair(info: Pick<ChangeInfo, 'at' | 'who'>): Promise<{ repairs: Repair[]; backup?: string }> {
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
      await this.write(raw, undefined, lock);
      return { repairs, backup: backupPath(this.realPath) };
    });
  }

  /**
   * Writes `board` unless its text is `unchanged`. A board too large to be read back is never
   * written; a failed write leaves the board (and its backup) exactly as they were.
   */
  private async write(board: unknown, unchanged: string | undefined, lock: BoardLock): Promise<void> {
    const limit = this.options.maxBytes ?? MAX_BOARD_BYTES;
    let json: string;
    try {
      json = serialize(board);
    } catch (error) {
      // Data nested thousands deep (in a key postboard does not know) overflows the stack...
      if (error instanceof RangeError && /call stack/i.test(error.message)) return this.fail({ kind: 'too-deep' });
      // ...and V8's longest string being shorter than the board means far past what could be read back.
      if (error instanceof RangeError) return this.fail({ kind: 'too-large', bytes: undefined, limit });
      throw error;
    }
    if (json === unchanged) return;
    const bytes = encodeUtf8(json);
    if (bytes.length > limit) return this.fail({ kind: 'too-large', bytes: bytes.length, limit });
    this.assertBackupPlace();
    const { replaceBoardFile } = await import('../safe-file/replace.js');
    try {
      await replaceBoardFile(this.realPath, bytes, { lock, faults: this.options.faults ?? {} });
    } catch (error) {
      if (error instanceof BoardFileError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      return this.fail({ kind: 'unwritable', code, ...(code === 'ENOSPC' ? { room: this.room(bytes.length) } : {}) });
    }
  }

  /** A full disk: the room a write of the whole board needs, what there is, and the previous copy that may go. */
  private room(needs: number): DiskRoom {
    const folder = dirname(this.realPath);
    const injected = this.options.faults?.diskFreeBytes;
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
      const path = backupPath(this.realPath);
      backup = { path, bytes: statSync(path).size };
    } catch {
      backup = undefined;
    }
    return { needs, ...(free !== undefined ? { free } : {}), ...(backup ? { backup } : {}) };
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
    this.assertBackupPlace();
    // A board not made yet is made with its folders: the nearest folder that exists must take them.
    let folder = dirname(this.realPath);
    while (!info && !existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
    for (const path of info ? [folder, this.realPath] : [folder]) {
      try {
        accessSync(path, constants.W_OK);
      } catch (error) {
        return this.fail({ kind: 'unwritable', code: (error as NodeJS.ErrnoException).code ?? 'EACCES' });
      }
    }
  }

  /**
   * Every change keeps the board as it was at `<board>.bak`: something there that a file cannot
   * be renamed over (a folder) would leave the change without its backup, so it is refused first.
   */
  private assertBackupPlace(): void {
    const path = backupPath(this.realPath);
    let info: Stats;
    try {
      info = lstatSync(path);
    } catch {
      return;
    }
    if (info.isDirectory()) this.fail({ kind: 'not-a-backup', path });
  }



  async ownFile(path: string): Promise<OwnFile | undefined> {
    const own: [OwnFile, string][] = [
      ['board', this.realPath],
      ['backup', backupPath(this.realPath)],
      ['lock', `${this.realPath}.lock`],
    ];
    const named = own.find(([, file]) => file === path);
    if (named) return named[0];
    const identity = (file: string) => {
      try {
        const { ino, dev } = statSync(file);
        return `${dev}:${ino}`;
      } catch {
        return undefined;
      }
    };
    // The same file under another name (a hard link).
    const target = identity(path);
    return target === undefined ? undefined : own.find(([, file]) => identity(file) === target)?.[0];
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
    const options = { timeoutMs: this.options.lockTimeoutMs, staleMs: this.options.lockStaleMs };
    try {
      return await withBoardLock(this.realPath, options, this.fail, async (lock) => {
        await sweepLeftovers(this.realPath);
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
        return this.fail({ kind: 'unwritable', code: 'ENOSPC', room: this.room(size + 4096) });
      }
      throw error;
    }
  }
}

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
