import { constants as fsConstants } from 'node:fs';
import { copyFile, link, open, readFile, realpath, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { BoardFileError, StoreError } from '../errors.js';
import { checkBoard, emptyBoard, type Board, type BoardProblem } from './board.js';
import { locateProblem } from './locate.js';
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

/**
 * lowdb's adapter for a board file: text → JSON → checked board, and back. Reading never
 * locks (writes replace the file by rename, so a reader sees the old or the new board whole).
 */
class BoardFileAdapter implements Adapter<Board> {
  constructor(private readonly options: JsonBoardOptions) {}

  async read(): Promise<Board | null> {
    const text = await this.readText();
    return text === undefined ? null : this.parse(text);
  }

  async write(board: Board): Promise<void> {
    await replaceBoardFile(this.options.path, serialize(board), this.fail);
  }

  readonly fail = (problem: BoardProblem): never => {
    throw new BoardFileError(this.options.path, problem, this.options.describe(this.options.path, problem));
  };

  private async readText(): Promise<string | undefined> {
    try {
      return await readFile(this.options.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      if (code === 'ENOENT') return undefined;
      return this.fail(code === 'EISDIR' ? { kind: 'folder' } : { kind: 'unreadable', code });
    }
  }

  private async parse(text: string): Promise<Board> {
    // A byte-order mark from a Windows editor is not part of the JSON.
    const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (json.trim() === '') return this.fail({ kind: 'empty' });
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch (error) {
      return this.fail(await locateProblem(json, { kind: 'syntax', line: 0, column: 0, detail: (error as Error).message }));
    }
    const { board, problems } = checkBoard(raw, true);
    const [problem] = problems;
    if (problem) return this.fail(await locateProblem(json, problem));
    return board;
  }
}

export function serialize(board: Board): string {
  return `${JSON.stringify(board, null, 2)}\n`;
}

export class JsonBoardStore implements BoardStore {
  readonly name: string;
  private readonly adapter: BoardFileAdapter;

  constructor(private readonly options: JsonBoardOptions) {
    this.name = options.path;
    this.adapter = new BoardFileAdapter(options);
  }

  async read(): Promise<Board | undefined> {
    const db = new Low<Board | null>(this.adapter as Adapter<Board | null>, null);
    await db.read();
    return db.data ?? undefined;
  }

  async update<T>(change: (board: Board) => T | Promise<T>): Promise<T> {
    const { withBoardLock } = await import('./lock.js');
    return withBoardLock(this.options.path, this.options.lockTimeoutMs, this.adapter.fail, async (assertStillHeld) => {
      // Re-read inside the lock: another process may have written since the command started.
      const db = new Low<Board>(this.adapter, emptyBoard());
      await db.read();
      const result = await change(db.data);
      assertStillHeld();
      await db.write();
      return result;
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

async function fsyncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR' && (error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
  }
}
