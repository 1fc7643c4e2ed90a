import { randomBytes } from 'node:crypto';
import { chmod, chown, lstat, mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { realTarget } from './paths.js';
import { renameHeld } from './held.js';
import { fsyncFolder, writeAll, type WriteFaults } from './write.js';
import { encodeUtf8 } from '../utf8.js';

/**
 * A folder of files written whole or not at all, as the safe file writes one file: everything
 * goes into a folder of ours beside it (`.<name>.postboard-<pid>-<random>.tmp`), each file and
 * each folder fsynced; then the folder there now is renamed aside (`….old`), the new one takes
 * its name, and the old one is removed. A reader sees the old folder or the new one, never a mix
 * (between the two renames, for a moment, neither). Any failure before the swap removes the new
 * folder and leaves the old one as it was.
 *
 * Only a folder that a marker file names as ours is replaced, unless `force`; one holding the
 * board's own files, or the folder postboard runs in (or one above it), never.
 */

/** The folder exists and is not empty, and no marker says postboard made it. */
export class FolderNotOursError extends Error {
  constructor(readonly path: string) {
    super(`${path} is a folder postboard did not make`);
  }
}

/** Something other than a folder has the name. */
export class NotAFolderError extends Error {
  constructor(readonly path: string) {
    super(`${path} is not a folder`);
  }
}

/** The folder holds one of the board's own files (`file`, its path). */
export class FolderHoldsBoardError extends Error {
  constructor(
    readonly path: string,
    readonly file: string,
  ) {
    super(`${path} holds the board's file ${file}`);
  }
}

/** The folder is where postboard runs, or above it. */
export class FolderInUseError extends Error {
  constructor(readonly path: string) {
    super(`${path} is the working folder or holds it`);
  }
}

export interface FolderFile {
  /** `/`-separated, inside the folder. */
  path: string;
  text: string;
}

export interface ReplaceFolderOptions {
  /** The file that says a folder is ours (it must be among the files written). */
  marker: string;
  /** Replace a folder without the marker. */
  force: boolean;
  /** Which of the board's own files a real path is, if any. */
  boardFile: (realPath: string) => Promise<string | undefined>;
  faults?: WriteFaults;
  /** Files written at once (each one fsynced: several at a time keep the disk busy). */
  parallel?: number;
}

/** Our folders beside `target`: `.<name>.postboard-<pid>-<random>.tmp|old`. */
const ourSibling = (target: string): RegExp => new RegExp(`^\\.${basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.postboard-(\\d+)-[0-9a-f]+\\.(tmp|old)$`);
const siblingFolder = (target: string, kind: 'tmp' | 'old'): string => join(dirname(target), `.${basename(target)}.postboard-${process.pid}-${randomBytes(4).toString('hex')}.${kind}`);

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * What an export that died mid-way left beside the folder: removed, unless its process still
 * runs. One that died between its two renames left the site aside (`.old`) and none in its
 * place: that site is put back first, never removed.
 */
async function sweepLeftovers(target: string): Promise<void> {
  const ours = ourSibling(target);
  const leftovers = await readdir(dirname(target)).catch(() => [] as string[]);
  if (!(await lstat(target).catch(() => undefined))) {
    const aside = leftovers.find((entry) => ours.exec(entry)?.[2] === 'old' && !running(Number(ours.exec(entry)?.[1])));
    if (aside) await renameHeld(join(dirname(target), aside), target).catch(() => {});
  }
  for (const entry of leftovers) {
    const match = ours.exec(entry);
    if (match && Number(match[1]) !== process.pid && !running(Number(match[1]))) await rm(join(dirname(target), entry), { recursive: true, force: true }).catch(() => {});
  }
}

/** Refuses a folder that is not ours to replace (see ReplaceFolderOptions). */
async function assertReplaceable(path: string, target: string, options: ReplaceFolderOptions): Promise<boolean> {
  const info = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return false;
  if (!info.isDirectory()) throw new NotAFolderError(path);
  const inside = relative(target, resolve(process.cwd()));
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) throw new FolderInUseError(path);
  const entries = await readdir(target);
  const host = HOST_FILES.find((name) => entries.includes(name));
  if (host) throw new FolderHoldsHostFilesError(path, host);
  if (entries.length > 0 && !entries.includes(options.marker) && !options.force) throw new FolderNotOursError(path);
  // Every file in it (links not followed: removing the folder removes a link, never what it names).
  for await (const file of filesUnder(target)) {
    const fileInfo = await lstat(file).catch(() => undefined);
    if (!fileInfo || fileInfo.isDirectory() || fileInfo.isSymbolicLink()) continue;
    const own = await options.boardFile(file);
    if (own) throw new FolderHoldsBoardError(path, file);
  }
  return true;
}

/**
 * What a static host keeps in the folder it serves and a site never writes: a GitHub Pages
 * checkout's `.git`, its `CNAME` and `.nojekyll`, a `.well-known` folder. A folder holding one is
 * never replaced, even with `force`: the site is exported elsewhere and copied in (rsync).
 */
export const HOST_FILES: readonly string[] = ['.git', 'CNAME', '.nojekyll', '.well-known'];

/** The folder holds what its host keeps (`file`, one of HOST_FILES). */
export class FolderHoldsHostFilesError extends Error {
  constructor(
    readonly path: string,
    readonly file: string,
  ) {
    super(`${path} holds ${file}`);
  }
}

/** Every file under a folder, links never followed (a link to / is one entry, not the disk). */
async function* filesUnder(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Writes one file, every byte, fsynced, under a name nobody else has. */
async function writeFile(path: string, text: string, faults: WriteFaults | undefined): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await writeAll(handle, encodeUtf8(text), 0, faults);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `files` as the whole content of the folder at `path` (see above); returns how many files. */
export async function replaceFolder(path: string, files: AsyncIterable<FolderFile>, options: ReplaceFolderOptions): Promise<number> {
  const target = realTarget(path);
  await sweepLeftovers(target);
  const existed = await assertReplaceable(path, target, options);
  // The new folder gets the old one's mode and group (a web server reading it through its group keeps reading it).
  const before = existed ? await stat(target) : undefined;
  const temp = siblingFolder(target, 'tmp');
  await mkdir(temp, { mode: 0o755 });
  if (before) {
    await chown(temp, before.uid, before.gid).catch(() => {});
    await chmod(temp, before.mode & 0o7777).catch(() => {});
  }
  let count = 0;
  const writing = new Set<Promise<void>>();
  try {
    const folders = new Set<string>([temp]);
    const parallel = options.parallel ?? 8;
    for await (const file of files) {
      const full = join(temp, ...file.path.split('/'));
      const folder = dirname(full);
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true, mode: 0o755 });
        for (let up = folder; up.length > temp.length; up = dirname(up)) folders.add(up);
      }
      const done: Promise<void> = writeFile(full, file.text, options.faults).finally(() => writing.delete(done));
      // Seen by the race or the Promise.all below; until then, not an unhandled rejection.
      done.catch(() => {});
      writing.add(done);
      count++;
      if (writing.size >= parallel) await Promise.race(writing);
    }
    await Promise.all(writing);
    // The names in each folder, deepest first, then the new folder's own name in its parent.
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) await fsyncFolder(folder);
    if (existed) {
      const old = siblingFolder(target, 'old');
      await renameHeld(target, old, options.faults);
      try {
        await renameHeld(temp, target, options.faults);
      } catch (error) {
        await renameHeld(old, target, options.faults).catch(() => {});
        throw error;
      }
      await fsyncFolder(dirname(target));
      await rm(old, { recursive: true, force: true }).catch(() => {});
    } else {
      await renameHeld(temp, target, options.faults);
      await fsyncFolder(dirname(target));
    }
  } catch (error) {
    // The files still being written finish (or fail) first: nothing of ours is left writing.
    await Promise.allSettled(writing);
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
  return count;
}
