import { link, lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

/**
 * A file written whole or not at all: the output goes to a temp file beside `path`, is fsynced,
 * and only then takes the name. Without `overwrite` an existing file is refused, both before
 * anything is written and at the end (a hard link cannot replace a file, so a file created
 * meanwhile is not overwritten either).
 */
export async function fileSink(path: string, overwrite: boolean): Promise<Sink> {
  if (!overwrite && (await exists(path))) throw new TargetExistsError(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const handle: FileHandle = await open(temp, 'wx', 0o644);
  let isOpen = true;
  const close = async () => {
    if (isOpen) {
      isOpen = false;
      await handle.close();
    }
  };
  return {
    async write(chunk) {
      await handle.write(typeof chunk === 'string' ? encodeUtf8(chunk) : chunk);
    },
    async finish() {
      await handle.sync();
      await close();
      try {
        if (overwrite) {
          await rename(temp, path);
        } else {
          await link(temp, path).catch((error: NodeJS.ErrnoException) => {
            throw error.code === 'EEXIST' ? new TargetExistsError(path) : error;
          });
          await unlink(temp);
        }
      } catch (error) {
        await unlink(temp).catch(() => {});
        throw error;
      }
      const folder = await open(dirname(path), 'r');
      await folder.sync().catch(() => {}).finally(() => folder.close());
    },
    async abort() {
      await close().catch(() => {});
      await unlink(temp).catch(() => {});
    },
  };
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
  );
