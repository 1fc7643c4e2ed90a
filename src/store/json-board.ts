import { constants as fsConstants } from 'node:fs';
import { copyFile, link, open, readdir, readFile, realpath, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { BoardFileError, StoreError } from '../errors.js';
import { checkBoard, emptyBoard, type Board, type BoardProblem } from './board.js';
import { locateProblem } from './locate.js';
import { repairBoard, textProblems, type Repair } from './repair.js';
import type { BoardStore } from './store.js';

export interface JsonBoardOptions {
  /** The board file, as the user named it. */
  path: string;
  /** How long to wait for another process's lock before giving up. */
  lockTimeoutMs: number;
  /** Turns a problem into the one-line message the error carries. */
  describe: (file: string, problem: BoardProblem) => string;
}

/** The board file's last state before the latest change, kept beside it for `undo`. */
export const backupPath = (boardPath: string): string => `${boardPath}.bak`;

const BOM = 0xfeff;

/**
 * The board file as text, then as JSON: the layer both the checked read and `check` stand on.
 * Reading never locks: writes replace the file by rename, so a reader sees the old or the new
 * board whole.
 */
class BoardFile {
  constructor(private readonly options: JsonBoardOptions) {}

  readonly fail = (problem: BoardProblem): never => {
    throw new BoardFileError(this.options.path, problem, this.options.describe(this.options.path, problem));
  };

  /** The text, without a byte-order mark; undefined when there is no file. */
  async text(): Promise<{ json: string; hadBom: boolean } | undefined> {
    let text: string;
    try {
      text = await readFile(this.options.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      if (code === 'ENOENT') return undefined;
      return this.fail(code === 'EISDIR' ? { kind: 'folder' } : { kind: 'unreadable', code });
    }
    // A byte-order mark from a Windows editor is not part of the JSON.
    const hadBom = text.charCodeAt(0) === BOM;
    return { json: hadBom ? text.slice(1) : text, hadBom };
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
}

/** lowdb's adapter for a board file: text → JSON → checked board, and back. */
class BoardFileAdapter implements Adapter<Board> {
  constructor(
    private readonly file: BoardFile,
    private readonly path: string,
  ) {}

  async read(): Promise<Board | null> {
    const text = await this.file.text();
    if (text === undefined) return null;
    const parsed = await this.file.json(text.json);
    if ('problem' in parsed) return this.file.fail(parsed.problem);
    const { board, problems } = checkBoard(parsed.raw, true);
    const [problem] = problems;
    if (problem) return this.file.fail(await locateProblem(text.json, problem));
    return board;
  }

  async write(board: Board): Promise<void> {
    await replaceBoardFile(this.path, serialize(board), this.file.fail);
  }
}

export function serialize(board: unknown): string {
  return `${JSON.stringify(board, null, 2)}\n`;
}

export class JsonBoardStore implements BoardStore {
  readonly name: string;
  private readonly file: BoardFile;
  private readonly adapter: BoardFileAdapter;

  constructor(private readonly options: JsonBoardOptions) {
    this.name = options.path;
    this.file = new BoardFile(options);
    this.adapter = new BoardFileAdapter(this.file, options.path);
  }

  async read(): Promise<Board | undefined> {
    const db = new Low<Board | null>(this.adapter as Adapter<Board | null>, null);
    await db.read();
    return db.data ?? undefined;
  }

  async update<T>(change: (board: Board) => T | Promise<T>): Promise<T> {
    return this.locked(async (assertStillHeld) => {
      // Re-read inside the lock: another process may have written since the command started.
      const db = new Low<Board>(this.adapter, emptyBoard());
      await db.read();
      const result = await change(db.data);
      assertStillHeld();
      await db.write();
      return result;
    });
  }

  async check(): Promise<BoardProblem[] | undefined> {
    let text;
    try {
      text = await this.file.text();
    } catch (error) {
      if (error instanceof BoardFileError) return [error.problem];
      throw error;
    }
    if (text === undefined) return undefined;
    const parsed = await this.file.json(text.json);
    if ('problem' in parsed) return [parsed.problem];
    const { problems } = checkBoard(parsed.raw, false);
    const all = [...problems, ...textProblems(parsed.raw)];
    return Promise.all(all.map((problem) => locateProblem(text.json, problem)));
  }

  async repair(): Promise<{ repairs: Repair[]; backup?: string }> {
    return this.locked(async (assertStillHeld) => {
      const text = await this.file.text();
      if (text === undefined) return { repairs: [] };
      const parsed = await this.file.json(text.json);
      if ('problem' in parsed) return this.file.fail(parsed.problem);
      const raw = parsed.raw;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return this.file.fail(checkBoard(raw, true).problems[0] ?? { kind: 'empty' });
      const repairs: Repair[] = text.hadBom ? [{ kind: 'bom' }] : [];
      repairs.push(...repairBoard(raw as Record<string, unknown>));
      if (repairs.length === 0) return { repairs };
      assertStillHeld();
      await replaceBoardFile(this.options.path, serialize(raw), this.file.fail);
      return { repairs, backup: backupPath(this.options.path) };
    });
  }

  private async locked<T>(step: (assertStillHeld: () => void) => Promise<T>): Promise<T> {
    const { withBoardLock } = await import('./lock.js');
    return withBoardLock(this.options.path, this.options.lockTimeoutMs, this.file.fail, async (assertStillHeld) => {
      await sweepLeftovers(this.options.path);
      return step(assertStillHeld);
    });
  }
}

/**
 * Replaces the board file so that a crash at any moment leaves either the old or the new board:
 * the new text goes to a uniquely named temp file in the same folder and is fsynced; the old
 * file is kept as the backup; the temp file is renamed over the board; the folder is fsynced
 * so that the rename itself survives a power cut.
 */
async function replaceBoardFile(path: string, text: string, fail: (problem: BoardProblem) => never): Promise<void> {
  const { writeFileAtomic } = await import('../vendor/write.js');
  const target = await realpath(path).catch(() => path);
  try {
    await keepBackup(target);
    await writeFileAtomic(target, text, { fsync: true });
    await fsyncFolder(dirname(target));
  } catch (error) {
    if (error instanceof StoreError) throw error;
    return fail({ kind: 'unwritable', code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}

/** Keeps the current board as `<board>.bak` (a hard link, so no copy of a large board). */
async function keepBackup(target: string): Promise<void> {
  const pending = `${backupPath(target)}.${process.pid}.tmp`;
  try {
    await link(target, pending);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // no board yet: nothing to keep
    // Some file systems refuse hard links: copy instead, then make the copy durable.
    await copyFile(target, pending, fsConstants.COPYFILE_FICLONE);
    const handle = await open(pending, 'r');
    await handle.sync().finally(() => handle.close());
  }
  try {
    await rename(pending, backupPath(target));
  } catch (error) {
    await unlink(pending).catch(() => {});
    throw error;
  }
}

/**
 * Removes what a writer killed mid-write left beside the board: write-file-atomic's temp file
 * (`posts.json.<number>`) and a half-made backup (`posts.json.bak.<pid>.tmp`). Called only while
 * holding the lock, when no other writer can be using them.
 */
async function sweepLeftovers(path: string): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const name = basename(target);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const leftover = new RegExp(`^${escaped}\\.(\\d+|bak\\.\\d+\\.tmp)$`);
  const entries = await readdir(dirname(target)).catch(() => [] as string[]);
  await Promise.all(entries.filter((entry) => leftover.test(entry)).map((entry) => unlink(join(dirname(target), entry)).catch(() => {})));
}

async function fsyncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
  }
}
