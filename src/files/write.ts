import { randomBytes } from 'node:crypto';
import { open, stat, unlink, type FileHandle } from 'node:fs/promises';
import { accessSync, closeSync, constants, existsSync, openSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OS } from '../platform.js';
import type { InjectedFault } from './fault.js';
import { linkFile, renameHeld, syncHandle } from './held.js';

/**
 * The one way postboard writes a file that must be whole or absent: the board, its backup, an
 * export. Bytes go to a temp file beside the target, every byte is written (a short write is
 * continued, never ignored), the file is fsynced and its size checked against what was meant
 * to be written, and only then does it take the target's name; the folder is fsynced so the
 * rename survives a power cut. Any failure removes the temp file and leaves the target as it
 * was.
 *
 * Temp files are named `.<target>.postboard-<pid>-<random>.tmp`, so postboard can always tell
 * its own leftovers from a user's files (`posts.json.2023` is never touched).
 */

/** Faults a test can inject where a real one cannot be made (not root: no small tmpfs). */
export interface WriteFaults {
  /** Each write call writes at most this many bytes: a short write, as a full pipe or disk gives. */
  chunkBytes?: number;
  /** The disk holds this many more bytes of ours; past them a write is short, then ENOSPC. */
  diskFreeBytes?: number;
  /**
   * The operating system whose file systems are written to (the run's, see platform.ts): on
   * Windows a file another program holds open is waited for (see held.ts). Not a fault, but
   * what the file layer is told along with them.
   */
  os?: OS;
  /** Renames fail with this error (EBUSY, EPERM: a file held open on Windows), N times or always. */
  rename?: InjectedFault;
  /** Hard links fail with this error (EISDIR: exFAT on Windows; ENOTSUP: a NAS share). */
  link?: InjectedFault;
  /** fsync of a handle opened read-only fails with this error (EPERM, as on Windows). */
  syncReadOnly?: string;
  /** A lock file deleted keeps its name this long ("delete pending" on Windows). */
  deletePendingMs?: number;
  /** Asking whether a process id is running always says it is (a recycled id, as on Windows). */
  alwaysAlive?: boolean;
  /** How long a held file is waited for (see held.ts HELD_RETRY_MS). */
  heldRetryMs?: number;
}

/** Bytes written so far by this process under an injected `diskFreeBytes`. */
let injectedUsed = 0;

function errno(code: string, syscall: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${syscall}`);
  error.code = code;
  error.syscall = syscall;
  return error;
}

/**
 * Writes every byte of `bytes` at `position` (or, with null, where the file is: a device, a
 * pipe), continuing after short writes.
 */
export async function writeAll(handle: FileHandle, bytes: Uint8Array, position: number | null, faults: WriteFaults = {}): Promise<number> {
  let offset = 0;
  while (offset < bytes.length) {
    let length = bytes.length - offset;
    if (faults.chunkBytes !== undefined) length = Math.min(length, Math.max(1, faults.chunkBytes));
    if (faults.diskFreeBytes !== undefined) {
      const free = faults.diskFreeBytes - injectedUsed;
      if (free <= 0) throw errno('ENOSPC', 'write');
      length = Math.min(length, free);
    }
    const { bytesWritten } = await handle.write(bytes, offset, length, position === null ? null : position + offset);
    if (faults.diskFreeBytes !== undefined) injectedUsed += bytesWritten;
    // A write of nothing would loop for ever: the disk (or device) takes no more.
    if (bytesWritten === 0) throw errno('ENOSPC', 'write');
    offset += bytesWritten;
  }
  return offset;
}

/** Our temp files and pending backups beside `target`: `.<name>.postboard-<pid>-<random>.<kind>`. */
export function ownLeftover(target: string): RegExp {
  const escaped = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${escaped}\\.postboard-(\\d+)-[0-9a-f]+\\.(tmp|bak-pending)$`);
}

/**
 * Why a board at `path` could not be written, if it could not: its folder (or, for a board not
 * made yet, the nearest folder that exists, which must take the folders too) is tried — a file of
 * ours made there and removed again, since access(W_OK) on a folder always passes on Windows,
 * whose folders have no write bit — and the file itself, when `exists`, asked. Named as a temp
 * file beside the board, so a crash right here leaves only what the next change sweeps away.
 */
export function unwritableCode(path: string, exists: boolean): string | undefined {
  let folder = dirname(path);
  while (!exists && !existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  try {
    const probe = siblingName(join(folder, basename(path)), 'tmp');
    closeSync(openSync(probe, 'wx', 0o600));
    // The create said it. Its removal may fail and that is no news: a writer holding the lock may
    // have swept it already, an antivirus may hold it on Windows; one left is swept later.
    try {
      unlinkSync(probe);
    } catch {
      // (as said)
    }
    if (exists) accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

/** A name beside `target` for a file of ours: never a name a user would choose. */
export const siblingName = (target: string, kind: 'tmp' | 'bak-pending'): string =>
  join(dirname(target), `.${basename(target)}.postboard-${process.pid}-${randomBytes(4).toString('hex')}.${kind}`);

export interface TempFileOptions {
  /** The permission bits of the new file (default 0644, before the umask). */
  mode?: number;
  /** Keep the owner of the file being replaced (when running as root). */
  owner?: { uid: number; gid: number };
  faults?: WriteFaults;
}

/**
 * What `link` fails with where the file system has no hard links: EPERM (exFAT and FAT on Linux),
 * EISDIR (exFAT through Node on Windows, nodejs/node#65817), ENOTSUP/EOPNOTSUPP (network shares),
 * ENOSYS. A real permission problem fails again, and is said, at the exclusive create that follows.
 */
export const NO_HARD_LINKS: ReadonlySet<string> = new Set(['EPERM', 'EISDIR', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

export class TempFile {
  private written = 0;
  private closed = false;

  private constructor(
    readonly target: string,
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly faults: WriteFaults,
  ) {}

  /** A new, empty temp file in the target's folder (so the final rename stays on one file system). */
  static async create(target: string, options: TempFileOptions = {}): Promise<TempFile> {
    const path = siblingName(target, 'tmp');
    const handle = await open(path, 'wx', options.mode ?? 0o644);
    try {
      if (options.mode !== undefined) await handle.chmod(options.mode);
      if (options.owner) await handle.chown(options.owner.uid, options.owner.gid).catch(() => {});
    } catch (error) {
      await handle.close().catch(() => {});
      await unlink(path).catch(() => {});
      throw error;
    }
    return new TempFile(target, path, handle, options.faults ?? {});
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.written += await writeAll(this.handle, bytes, this.written, this.faults);
  }

  /**
   * Makes the content durable and checks it: fsync, then the size on disk must be every byte
   * written (a file system that lost some says so here, not at the next read).
   */
  async seal(): Promise<void> {
    await syncHandle(this.handle, 'write', this.faults);
    const { size } = await this.handle.stat();
    if (size !== this.written) throw errno('EIO', `write (${size} of ${this.written} bytes on disk)`);
    await this.close();
  }

  /**
   * Puts the sealed file in place: `replace` renames it over the target; otherwise it takes the
   * name only if nothing has it (a hard link cannot replace a file), failing with EEXIST.
   * `beforeRename` runs last, just before the rename (the board checks its lock is still its own).
   * On Windows a target another program has open is waited for a while (see held.ts renameHeld).
   */
  async commit(options: { replace: boolean; beforeRename?: () => Promise<void> }): Promise<void> {
    await options.beforeRename?.();
    if (options.replace) {
      await renameHeld(this.path, this.target, this.faults);
    } else {
      try {
        await linkFile(this.path, this.target, this.faults);
        await unlink(this.path).catch(() => {});
      } catch (error) {
        if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        await this.claimThenRename();
      }
    }
    await fsyncFolder(dirname(this.target));
  }

  /**
   * Where a file system has no hard links (exFAT and FAT on USB sticks, some network shares):
   * the name is claimed by creating it exclusively (EEXIST if anyone has it, as the link would
   * say), then the sealed file is renamed over that empty claim — still never over a file someone
   * else made. A reader in between sees an empty file, never a part of one.
   */
  private async claimThenRename(): Promise<void> {
    const claim = await open(this.target, 'wx');
    const { ino, dev } = await claim.stat({ bigint: true });
    await claim.close();
    try {
      // An antivirus may be scanning the claim just made: waited for on Windows.
      await renameHeld(this.path, this.target, this.faults);
    } catch (error) {
      // Take back the claim, if it is still ours and still empty.
      const now = await stat(this.target, { bigint: true }).catch(() => undefined);
      if (now && now.ino === ino && now.dev === dev && now.size === 0n) await unlink(this.target).catch(() => {});
      throw error;
    }
  }

  /** Something failed: no trace of this file is left. */
  async abort(): Promise<void> {
    await this.close().catch(() => {});
    await unlink(this.path).catch(() => {});
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}

/** fsyncs a folder, so that a rename in it is durable. */
export async function fsyncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    await handle.close();
  }
}
