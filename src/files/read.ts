import { constants as bufferConstants } from 'node:buffer';
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';

/** The most an input file may hold: what one JavaScript string can (a larger file cannot be decoded anyway). */
export const MAX_INPUT_BYTES = bufferConstants.MAX_STRING_LENGTH;

/** An input that is not a file's bytes: a terminal, a disk, `/dev/zero` never end. */
export class NotAFileError extends Error {
  readonly code = 'ENOTFILE';
  constructor(readonly path: string) {
    super(`${path} is a device, not a file`);
  }
}

/**
 * The bytes of a file given on the command line (import's file, --body-file, --from-draft).
 * Regular files and pipes (`<(curl …)`) are read; a device (`/dev/zero`, `/dev/tty`, a disk) is
 * refused before a byte is read, and nothing larger than a string can hold is read at all.
 * Errors carry a code (`ENOENT`, `EISDIR`, `EFBIG`, `ENOTFILE`) for the caller's message.
 */
export function readInputFile(path: string, limit: number = MAX_INPUT_BYTES): Buffer {
  // Opened without blocking, so opening a FIFO with no writer or a tty does not hang here.
  const fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
    // A pipe is opened again, blocking, and read until its writer closes it (this descriptor stays
    // open meanwhile, so a writer let in by it never finds the pipe without a reader).
    if (stat.isFIFO()) return readPipe(path, limit);
    if (!stat.isFile()) throw new NotAFileError(path);
    if (stat.size > limit) throw Object.assign(new Error(`${path} is too large`), { code: 'EFBIG' });
    const chunks: Buffer[] = [];
    let total = 0;
    // Read to the end (a file still growing is read as far as it goes, up to the limit).
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(65536, Math.min(stat.size - total + 1, 64 * 1024 * 1024)));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw Object.assign(new Error(`${path} is too large`), { code: 'EFBIG' });
      chunks.push(chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** A pipe, read blocking until its writer closes it. */
function readPipe(path: string, limit: number): Buffer {
  const fd = openSync(path, fsConstants.O_RDONLY);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(65536);
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw error;
      }
      if (read === 0) break;
      total += read;
      if (total > limit) throw Object.assign(new Error(`${path} is too large`), { code: 'EFBIG' });
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
