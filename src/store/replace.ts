import { constants as fsConstants } from 'node:fs';
import { copyFile, link, open, readdir, realpath, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StoreError } from '../errors.js';
import { encodeUtf8 } from '../utf8.js';
import type { BoardProblem } from './board.js';
import { backupPath } from './json-board.js';

// The write side of the JSON board, loaded only by commands that change it.

/**
 * Replaces the board file so that a crash at any moment leaves either the old or the new board:
 * the new text goes to a uniquely named temp file in the same folder and is fsynced; the old
 * file is kept as the backup; the temp file is renamed over the board; the folder is fsynced
 * so that the rename itself survives a power cut.
 */
export async function replaceBoardFile(path: string, text: string, fail: (problem: BoardProblem) => never): Promise<void> {
  const { writeFileAtomic } = await import('../vendor/write.js');
  const target = await realpath(path).catch(() => path);
  try {
    await keepBackup(target);
    await writeFileAtomic(target, encodeUtf8(text), { fsync: true });
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
export async function sweepLeftovers(path: string): Promise<void> {
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
