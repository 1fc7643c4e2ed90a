import { Low, type Adapter } from 'lowdb';
import { isRecord } from '../board/post.js';
import { BoardFileError } from '../errors.js';
import { readUtf8File } from '../utf8.js';
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
      // Synchronous on purpose: a command reads its board once, and fs/promises costs start-up.
      text = readUtf8File(this.options.path);
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
    const { replaceBoardFile } = await import('./replace.js');
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

  async previous(): Promise<Board | undefined> {
    const backup = { ...this.options, path: backupPath(this.options.path) };
    const db = new Low<Board | null>(new BoardFileAdapter(new BoardFile(backup), backup.path) as Adapter<Board | null>, null);
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
      if (!isRecord(raw)) return this.file.fail(checkBoard(raw, true).problems[0] ?? { kind: 'empty' });
      const repairs: Repair[] = text.hadBom ? [{ kind: 'bom' }] : [];
      repairs.push(...repairBoard(raw));
      if (repairs.length === 0) return { repairs };
      assertStillHeld();
      const { replaceBoardFile } = await import('./replace.js');
      await replaceBoardFile(this.options.path, serialize(raw), this.file.fail);
      return { repairs, backup: backupPath(this.options.path) };
    });
  }

  private async locked<T>(step: (assertStillHeld: () => void) => Promise<T>): Promise<T> {
    const [{ withBoardLock }, { sweepLeftovers }] = await Promise.all([import('./lock.js'), import('./replace.js')]);
    return withBoardLock(this.options.path, this.options.lockTimeoutMs, this.file.fail, async (assertStillHeld) => {
      await sweepLeftovers(this.options.path);
      return step(assertStillHeld);
    });
  }
}
