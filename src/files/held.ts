import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { link, lstat, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InjectedFault } from './fault.js';
import type { WriteFaults } from './write.js';

/**
 * The file calls whose failures mean something else on Windows, and the faults a test injects
 * into them (POSTBOARD_TEST_* variables, read in context.ts), so that what Windows, a USB stick or
 * a network share does can be made to happen from Linux through the real CLI.
 */

/**
 * What a rename onto a file fails with on Windows while another program has that file (or the
 * file being renamed) open without sharing it: a reader, an antivirus scanning it, OneDrive
 * uploading it, Excel showing last week's CSV. libuv gives EBUSY (a sharing violation) or EPERM
 * (access denied); EACCES from some file systems. On Linux none of these passes by itself.
 */
const HELD_CODES: ReadonlySet<string> = new Set(['EBUSY', 'EPERM', 'EACCES']);

/**
 * How long a held file is waited for, in all. npm's graceful-fs and VS Code retry a rename for up
 * to 60 s; they run unattended. A person waits here: an antivirus or OneDrive lets go within a
 * second or two, and Excel not at all until its window is closed — that is said instead.
 */
export const HELD_RETRY_MS = 5_000;

/** A rename that still failed after HELD_RETRY_MS because another program has the file open (Windows). */
export class HeldFileError extends Error {
  constructor(
    /** The file that is held: the one being replaced. */
    readonly path: string,
    readonly code: string,
    readonly seconds: number,
  ) {
    super(`${path} is held open by another program (${code})`);
  }
}

function errno(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${syscall}${path ? ` '${path}'` : ''}`);
  error.code = code;
  error.syscall = syscall;
  if (path) error.path = path;
  return error;
}

/** How many calls an injected fault has failed so far in this process, by kind. */
const failed = new Map<string, number>();

function inject(kind: string, fault: InjectedFault | undefined, path: string): void {
  if (!fault) return;
  const count = failed.get(kind) ?? 0;
  if (count >= fault.times) return;
  failed.set(kind, count + 1);
  throw errno(fault.code, kind, path);
}

/** Windows and only Windows lets go of a held file by itself. */
const retriesHeld = (faults: WriteFaults): boolean => (faults.os ?? process.platform) === 'win32';

/**
 * Renames `from` over `to`. On Windows, a failure that means "another program has it open" is
 * retried with a pause that grows by 10 ms up to 100 ms (as graceful-fs and VS Code do) for up
 * to HELD_RETRY_MS; then it throws a HeldFileError naming `to`. A target that is not a file
 * (a folder: EPERM for good) is not waited for, as VS Code does not, nor a read-only one.
 */
export async function renameHeld(from: string, to: string, faults: WriteFaults = {}): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      inject('rename', faults.rename, to);
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!retriesHeld(faults) || !HELD_CODES.has(code)) throw error;
      if (attempt === 0) {
        // A folder, or a read-only file (Windows refuses to replace one: EPERM for good), is not held.
        const target = await stat(to).catch(() => undefined);
        if (target && (!target.isFile() || (target.mode & 0o200) === 0)) throw error;
      }
      const waited = Date.now() - started;
      const pause = Math.min(100, (attempt + 1) * 10);
      if (waited + pause > (faults.heldRetryMs ?? HELD_RETRY_MS)) throw new HeldFileError(to, code, Math.round((faults.heldRetryMs ?? HELD_RETRY_MS) / 1000));
      await sleep(pause);
    }
  }
}

/** A hard link, or the fault a test injects in its place (EISDIR: exFAT through Node on Windows). */
export async function linkFile(existing: string, name: string, faults: WriteFaults = {}): Promise<void> {
  inject('link', faults.link, name);
  await link(existing, name);
}

/**
 * fsyncs a file postboard wrote. Opened for writing: Windows refuses FlushFileBuffers on a handle
 * opened read-only (EPERM), which a test injects with POSTBOARD_TEST_FSYNC_READ_ONLY.
 */
export async function syncFile(path: string, faults: WriteFaults = {}): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await syncHandle(handle, 'write', faults);
  } finally {
    await handle.close();
  }
}

/** fsync on a handle opened as `opened`: one opened read-only fails as on Windows when a test says so. */
export async function syncHandle(handle: FileHandle, opened: 'read' | 'write', faults: WriteFaults = {}): Promise<void> {
  if (opened === 'read' && faults.syncReadOnly) throw errno(faults.syncReadOnly, 'fsync');
  await handle.sync();
}

/**
 * "Delete pending" (Windows, Node 20): a file deleted while another program still has it open
 * keeps its name until that program closes it, and creating, opening or statting the name fails
 * EPERM meanwhile. A test makes every lock file deleted keep its name for `deletePendingMs`
 * (POSTBOARD_TEST_DELETE_PENDING_MS), across processes: a marker in the temp folder says until when.
 */
const pendingMarker = (path: string): string => join(tmpdir(), 'postboard-test-delete-pending', createHash('sha256').update(path).digest('hex'));

/** Throws EPERM while the name `path` is pending deletion (only ever under the test's fault). */
export function assertNotPending(path: string, faults: WriteFaults, syscall: string): void {
  if (!faults.deletePendingMs) return;
  const marker = pendingMarker(path);
  let until: number;
  try {
    until = Number(readFileSync(marker, 'utf8'));
  } catch {
    return;
  }
  if (Date.now() < until) throw errno('EPERM', syscall, path);
  rmSync(marker, { force: true });
}

/** Removes a file; under the test's fault its name stays pending for a while, as on Windows. */
export async function unlinkPending(path: string, faults: WriteFaults = {}): Promise<void> {
  await unlink(path);
  if (!faults.deletePendingMs) return;
  const marker = pendingMarker(path);
  mkdirSync(join(marker, '..'), { recursive: true });
  writeFileSync(marker, String(Date.now() + faults.deletePendingMs));
}

/** lstat, failing EPERM while the name is pending deletion (under the test's fault). */
export async function lstatPending(path: string, faults: WriteFaults = {}) {
  assertNotPending(path, faults, 'lstat');
  return lstat(path);
}
