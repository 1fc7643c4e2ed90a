import { open, stat } from 'node:fs/promises';
import { realTarget } from './files/paths.js';
import { TempFile, writeAll, type WriteFaults } from './files/write.js';
import type { OutStream } from './io.js';
import { encodeUtf8 } from './utf8.js';

/** Where a command's output goes, piece by piece, with backpressure. */
export interface Sink {
  write(chunk: string | Buffer): Promise<void>;
  /** All written: make it final (for a file: fsync, then put it in place). */
  finish(): Promise<void>;
  /** Something failed: leave no trace (for a file: the temp file is removed). */
  abort(): Promise<void>;
}

/** A stream such as stdout: waits for 'drain' when its buffer is full. */
export function streamSink(stream: OutStream): Sink {
  return {
    async write(chunk) {
      if (!stream.write(chunk as string) && stream.once) {
        await new Promise<void>((resolve) => stream.once?.('drain', resolve));
      }
    },
    async finish() {},
    async abort() {},
  };
}

export class TargetExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
  }
}

/** The output would land on one of the board's own files (the board, its backup, its lock). */
export class TargetIsBoardError extends Error {
  constructor(
    readonly path: string,
    readonly file: 'board' | 'backup' | 'lock',
  ) {
    super(`${path} is the board's ${file}`);
  }
}

export interface FileSinkOptions {
  /** Replace an existing regular file (`--force`). */
  overwrite: boolean;
  /** Which of the board's own files this real path is, if any: those are never written over. */
  boardFile: (realPath: string) => Promise<'board' | 'backup' | 'lock' | undefined>;
  faults?: WriteFaults;
}

/**
 * An output file, handled as Unix tools handle one:
 *
 * - a device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written into, as `>` would;
 * - a symlink is followed: the file it names is written, and the link stays a link;
 * - a regular file is written whole or not at all: a temp file beside it is filled, fsynced,
 *   size-checked and only then takes the name. Without `overwrite` an existing file is refused,
 *   both before anything is written and at the end (a hard link cannot replace a file, so a file
 *   created meanwhile is not overwritten either).
 *
 * The board's own files are refused whatever the flags: an export never replaces the board.
 */
export async function fileSink(path: string, options: FileSinkOptions): Promise<Sink> {
  const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing && !existing.isFile() && !existing.isDirectory()) return deviceSink(path, options.faults);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });

  const target = realTarget(path);
  const own = await options.boardFile(target);
  if (own) throw new TargetIsBoardError(path, own);
  if (existing && !options.overwrite) throw new TargetExistsError(path);

  const temp = await TempFile.create(target, { mode: existing ? existing.mode & 0o7777 : undefined, faults: options.faults });
  return {
    async write(chunk) {
      await temp.write(typeof chunk === 'string' ? encodeUtf8(chunk) : chunk);
    },
    async finish() {
      await temp.seal();
      try {
        await temp.commit({ replace: options.overwrite });
      } catch (error) {
        await temp.abort();
        throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? new TargetExistsError(path) : error;
      }
    },
    async abort() {
      await temp.abort();
    },
  };
}

/** Straight into a device or pipe: there is nothing to replace, and no temp file could be renamed onto it. */
async function deviceSink(path: string, faults: WriteFaults | undefined): Promise<Sink> {
  const handle = await open(path, 'w');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    async write(chunk) {
      await writeAll(handle, typeof chunk === 'string' ? encodeUtf8(chunk) : chunk, null, faults);
    },
    async finish() {
      await close();
    },
    async abort() {
      await close().catch(() => {});
    },
  };
}
