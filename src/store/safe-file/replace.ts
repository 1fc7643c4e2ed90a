import { copyFile, lstat, readdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { linkFile, renameHeld, syncFile } from '../../files/held.js';

export { HeldFileError } from '../../files/held.js';
import { NO_HARD_LINKS, ownLeftover, siblingName, TempFile, type WriteFaults } from '../../files/write.js';
import { backupPath } from '../json/paths.js';
import type { BoardLock } from './lock.js';

// The write side of the JSON board, loaded only by commands that change it.

export interface ReplaceOptions {
  lock: BoardLock;
  faults: WriteFaults;
}

/**
 * Replaces the board at `realPath` with `bytes` so that a failure or a crash at any moment leaves
 * either the old board and its old backup, or the new board and the old board as its backup:
 *
 * 1. the new board is written whole to a temp file, fsynced and its size checked;
 * 2. the current board is hard-linked to a pending backup (no copy, whatever the size);
 * 3. the lock is checked to be still ours, and the temp file is renamed over the board — the
 *    moment the change happens;
 * 4. the pending backup is renamed to `<board>.bak`, and the folder fsynced.
 *
 * A crash between 3 and 4 leaves a pending backup whose file is no longer the board's: the next
 * writer finishes step 4 for it (see `sweepLeftovers`). A crash before 3 leaves one that still
 * is the board: it is simply removed. Any error: the temp file and pending backup are removed,
 * the board and `.bak` are as they were.
 */
export async function replaceBoardFile(realPath: string, bytes: Uint8Array, options: ReplaceOptions): Promise<void> {
  const current = await stat(realPath, { bigint: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const temp = await TempFile.create(realPath, {
    // The new board keeps the old one's permissions (and owner, when run as root).
    mode: current ? Number(current.mode & 0o7777n) : undefined,
    owner: current && process.getuid?.() === 0 ? { uid: Number(current.uid), gid: Number(current.gid) } : undefined,
    faults: options.faults,
  });
  let pending: string | undefined;
  try {
    await temp.write(bytes);
    await temp.seal();
    if (current) pending = await pendingBackup(realPath, options.faults);
    await temp.commit({ replace: true, beforeRename: () => options.lock.assertHeld() });
  } catch (error) {
    await temp.abort();
    if (pending) await unlink(pending).catch(() => {});
    throw error;
  }
  // The board is replaced: from here on, only the backup is left to put in place. A backup held
  // open (on Windows) after the wait stays pending: the next writer's sweep puts it in place.
  if (pending) await renameHeld(pending, backupPath(realPath), options.faults).catch(() => {});
}

/**
 * A hard link to the board as it is now, under a name of ours; a copy where links are refused
 * (exFAT: EPERM on Linux, EISDIR through Node on Windows; ENOTSUP on a NAS share), fsynced
 * through a handle opened for writing (Windows refuses to flush a read-only one).
 */
async function pendingBackup(realPath: string, faults: WriteFaults): Promise<string> {
  const pending = siblingName(realPath, 'bak-pending');
  try {
    await linkFile(realPath, pending, faults);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    try {
      await copyFile(realPath, pending);
      await syncFile(pending, faults);
    } catch (copyError) {
      await unlink(pending).catch(() => {});
      throw copyError;
    }
  }
  return pending;
}

/**
 * Tidies what a writer that died mid-write left beside the board: its temp files (removed) and a
 * pending backup (removed if it is still the board's file, so the change never happened; made
 * the backup if the board was already replaced). Only our own names are touched, never a user's
 * `posts.json.2023`. Called while holding the lock, when no other writer can be using them.
 */
export async function sweepLeftovers(realPath: string, faults: WriteFaults = {}): Promise<void> {
  const folder = dirname(realPath);
  const ours = ownLeftover(realPath);
  const entries = await readdir(folder).catch(() => [] as string[]);
  // By bigint: a file id on Windows (NTFS, ReFS) has more digits than a double keeps.
  const board = await stat(realPath, { bigint: true }).catch(() => undefined);
  // A lock's own file (`<board>.lock.<token>`) lives a moment, while the lock is made; one that
  // is old belongs to a writer that died making it.
  const lockFile = new RegExp(`^${basename(realPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.lock\\.[0-9a-f]{16}$`);
  for (const entry of entries.filter((name) => lockFile.test(name))) {
    const path = join(folder, entry);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 10_000) await unlink(path).catch(() => {});
  }
  for (const entry of entries) {
    const match = ours.exec(entry);
    if (!match) continue;
    const path = join(folder, entry);
    if (match[2] === 'tmp') {
      await unlink(path).catch(() => {});
      continue;
    }
    const info = await lstat(path, { bigint: true }).catch(() => undefined);
    if (!info) continue;
    const stillTheBoard = board !== undefined && info.ino === board.ino && info.dev === board.dev;
    if (stillTheBoard) await unlink(path).catch(() => {});
    else await renameHeld(path, backupPath(realPath), faults).catch(() => {});
  }
}
