/**
 * store/safe-file/ — what makes a file board safe to share and to write: lock.ts, one writer
 * at a time (and a stalled or dead one found out), replace.ts, a new version put in place whole
 * (written beside, synced, renamed; checked for room first), or not at all.
 */
import { constants, readFileSync, readlinkSync } from 'node:fs';
import { open, readdir, rmdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep, setImmediate as yieldToLoop } from 'node:timers/promises';
import type { BoardProblem } from '../json/board-file.js';
import { assertNotPending, linkFile, lstatPending, unlinkPending } from '../../files/held.js';
import { NO_HARD_LINKS, type WriteFaults } from '../../files/write.js';

/**
 * The board's inter-process lock: a file `<board>.lock` beside the board's real path, created
 * with O_EXCL, holding who owns it (process id, host, the process's start time, a random token).
 *
 * A lock is taken over only from an owner that is gone. On the same host, where the process's
 * start time can be read (Linux /proc), that is asked of the operating system — is that very
 * process still running (a stopped or busy one is) — never guessed from the clock, so a writer
 * stalled by a long parse or SIGSTOP keeps its lock and nobody writes behind its back.
 *
 * Where it cannot (Windows, macOS: a process id answers, but it may be another process that
 * was given the dead owner's id), and for an owner on another host (a shared folder), the lock's
 * mtime decides: the owner refreshes it every staleMs/3 while it works, so a lock left
 * unrefreshed for staleMs is abandoned, whatever answers to its process id. A recycled id cannot
 * refresh a lock it never held. An owner that was only frozen that long (suspended, or a machine
 * asleep) finds its lock gone when it wakes: as everywhere, a writer checks the lock is still its
 * own right before it renames the new board into place, and stops if not.
 */

export interface LockOptions {
  /** How long to wait for another writer before giving up. */
  timeoutMs: number;
  /** An owner that cannot be asked about (another host, or no process start times) and has not refreshed the lock for this long is gone. */
  staleMs: number;
  /** The operating system (Windows: no /proc, and a deleted lock's name may stay a moment) and the faults a test injects. */
  faults?: WriteFaults;
}

interface Owner {
  pid: number;
  host: string;
  /** The process's start time (Linux /proc), so a reused process id is not mistaken for it. */
  started?: string;
  /**
   * Its PID namespace (Linux): a process id means something only inside one. A writer in another
   * (a container sharing the folder and the host name) is judged as one on another host is.
   */
  pidns?: string;
  token: string;
}

/** This process's PID namespace, where there is /proc. */
function pidNamespace(faults: WriteFaults): string | undefined {
  if (isWindows(faults)) return undefined;
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
}

const RETRY_MS = 25;

const isWindows = (faults: WriteFaults): boolean => (faults.os ?? process.platform) === 'win32';

/** Does anything run under this process id? (On Windows a recycled id answers too; a test makes every id answer.) */
function pidAnswers(pid: number, faults: WriteFaults): boolean {
  if (faults.alwaysAlive) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: someone else's process, alive.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks) and field 3 (state), where there is /proc. */
function processInfo(pid: number | 'self', faults: WriteFaults): { started: string; state: string } | undefined {
  if (isWindows(faults)) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [state, started] = [fields[0], fields[19]];
    return state && started ? { state, started } : undefined;
  } catch {
    return undefined;
  }
}

type Holder =
  /** `unrefreshedMs`: how long an owner postboard cannot ask about has not refreshed the lock (it may have ended). */
  | { kind: 'alive'; owner?: Owner; stopped: boolean; unrefreshedMs?: number }
  | { kind: 'gone'; owner?: Owner; text: string; mtimeMs: number }
  | { kind: 'none' }
  /** Something at the lock's name that postboard never makes (a named pipe): not read, never waited for. */
  | { kind: 'not-a-lock' }
  /** Windows: the lock was deleted, and its name stays until another program closes it (EPERM). */
  | { kind: 'pending' };

/**
 * A lock file's text, read without ever blocking (a named pipe put at the lock's name would
 * block a plain read for ever) and never more than a lock holds.
 */
async function readSmall(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return '';
  }
  try {
    if (!(await handle.stat()).isFile()) return '';
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return '';
  } finally {
    await handle.close();
  }
}

async function inspect(lockPath: string, staleMs: number, faults: WriteFaults): Promise<Holder> {
  let info;
  try {
    // The name itself: a symbolic link there is not a lock postboard made (it never makes one).
    info = await lstatPending(lockPath, faults);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'none' };
    if (code === 'EPERM' && isWindows(faults)) return { kind: 'pending' };
    throw error;
  }
  const age = Date.now() - info.mtimeMs;
  const stale = age > staleMs;
  if (info.isDirectory()) {
    // The lock folder of postboard before 0.2 (proper-lockfile), judged by its age alone. It was
    // always empty: a folder with something in it is someone else's.
    if ((await readdir(lockPath).catch(() => ['?'])).length > 0) return { kind: 'not-a-lock' };
    return stale ? { kind: 'gone', text: '', mtimeMs: info.mtimeMs } : { kind: 'alive', stopped: false };
  }
  if (!info.isFile()) return { kind: 'not-a-lock' };
  const text = await readSmall(lockPath);
  let owner: Owner | undefined;
  try {
    const parsed = JSON.parse(text) as Owner;
    if (Number.isInteger(parsed.pid) && typeof parsed.host === 'string' && typeof parsed.token === 'string') owner = parsed;
  } catch {
    // Being written this instant, or left half-written by a crash: its age decides.
  }
  /** Judged by the lock's age: gone once unrefreshed for staleMs, alive (and how long unrefreshed) before. */
  const byAge = (): Holder => (stale ? { kind: 'gone', owner, text, mtimeMs: info.mtimeMs } : { kind: 'alive', owner, stopped: false, unrefreshedMs: age });
  if (!owner || owner.host !== hostname() || (owner.pidns !== undefined && owner.pidns !== pidNamespace(faults))) return byAge();
  if (!pidAnswers(owner.pid, faults)) return { kind: 'gone', owner, text, mtimeMs: info.mtimeMs };
  const now = processInfo(owner.pid, faults);
  if (now && (now.state === 'Z' || now.state === 'X' || (owner.started && now.started !== owner.started))) {
    return { kind: 'gone', owner, text, mtimeMs: info.mtimeMs };
  }
  // Something answers to the id, but whether it is the owner cannot be told (no start times here,
  // or none in the lock): a recycled id must not hold the lock for ever. The refreshes decide.
  if (!now || !owner.started) return byAge();
  return { kind: 'alive', owner, stopped: now.state === 'T' || now.state === 't' };
}

/**
 * Creates the lock file with its content in one step: written under a name of its own, then
 * hard-linked to the lock's name (which fails if the lock exists). So a lock file never exists
 * without its owner in it, even if its writer is stopped or killed right then. Where hard links
 * are refused, it is created exclusively and then written.
 */
async function create(lockPath: string, content: string, token: string, faults: WriteFaults): Promise<void> {
  const own = `${lockPath}.${token}`;
  try {
    // A full disk can fail this write after the file is made: the finally removes it.
    await writeFile(own, content, { mode: 0o644 });
    try {
      assertNotPending(lockPath, faults, 'link');
      await linkFile(own, lockPath, faults);
    } catch (error) {
      // No hard links here (exFAT: EPERM on Linux, EISDIR through Node on Windows; ENOTSUP on a
      // NAS share), or on Windows a name pending deletion (EPERM): the exclusive create says which.
      if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await createInPlace(lockPath, content, faults);
    }
  } finally {
    await unlink(own).catch(() => {});
  }
}

/** Where there are no hard links: created exclusively, then written; a failed write leaves no lock. */
async function createInPlace(lockPath: string, content: string, faults: WriteFaults): Promise<void> {
  assertNotPending(lockPath, faults, 'open');
  const handle = await open(lockPath, 'wx', 0o644);
  try {
    await handle.writeFile(content);
  } catch (error) {
    await unlink(lockPath).catch(() => {});
    throw error;
  } finally {
    await handle.close();
  }
}

/** How often an owner refreshes its lock's mtime. */
const refreshMs = (staleMs: number): number => Math.max(50, staleMs / 3);

/** How long a breaker may take before its guard counts as abandoned (breaking takes microseconds). */
const GUARD_STALE_MS = 2_000;

/**
 * Removes a lock whose owner is gone — that lock and no other. Waiters who judged the same dead
 * lock take turns (a guard file, `<lock>.breaking`), and each looks again under the guard: only
 * if the lock file still holds exactly what was judged dead is it removed. A lock released and
 * taken afresh in the meantime has other content (a new random token), so it is never removed.
 */
async function breakLock(lockPath: string, judged: Extract<Holder, { kind: 'gone' }>, staleMs: number, faults: WriteFaults): Promise<boolean> {
  const guardPath = `${lockPath}.breaking`;
  let guard;
  try {
    guard = await open(guardPath, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const info = await stat(guardPath).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > GUARD_STALE_MS) await unlink(guardPath).catch(() => {});
    return false;
  }
  try {
    await guard.close();
    const info = await lstatPending(lockPath, faults).catch(() => undefined);
    if (!info) return true;
    if (info.isDirectory()) {
      // The lock folder of an older postboard, still unrefreshed.
      if (Date.now() - info.mtimeMs <= staleMs) return false;
      await rmdir(lockPath);
      return true;
    }
    const text = await readSmall(lockPath);
    const same = text === judged.text && (judged.owner !== undefined || info.mtimeMs === judged.mtimeMs);
    if (!same) return false;
    await unlinkPending(lockPath, faults);
    return true;
  } finally {
    await unlink(guardPath).catch(() => {});
  }
}

export class BoardLock {
  private refresher: NodeJS.Timeout | undefined;

  private constructor(
    private readonly lockPath: string,
    private readonly owner: Owner,
    private readonly fail: (problem: BoardProblem) => never,
    staleMs: number,
    private readonly faults: WriteFaults,
  ) {
    // Keeps the lock fresh for those who can only judge it by its age (another host, Windows).
    this.refresher = setInterval(() => void this.touch(), refreshMs(staleMs));
    this.refresher.unref();
  }

  /** Takes the lock of the board at `realPath`, waiting for another writer up to the timeout. */
  static async acquire(realPath: string, options: LockOptions, fail: (problem: BoardProblem) => never): Promise<BoardLock> {
    const lockPath = `${realPath}.lock`;
    const faults = options.faults ?? {};
    const self = processInfo('self', faults);
    const pidns = pidNamespace(faults);
    const owner: Owner = { pid: process.pid, host: hostname(), ...(self ? { started: self.started } : {}), ...(pidns ? { pidns } : {}), token: randomBytes(8).toString('hex') };
    const deadline = Date.now() + options.timeoutMs;
    /** Why a lock whose owner is gone could not be removed, if it could not. */
    let unremovable: string | undefined;
    /** How often a pending name was gone by the time it was looked at. */
    let vanished = 0;
    for (;;) {
      try {
        await create(lockPath, JSON.stringify(owner), owner.token, faults);
        return new BoardLock(lockPath, owner, fail, options.staleMs, faults);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
        // On Windows (Node 20) a lock just deleted while another program still had it open (a
        // waiter reading it, an antivirus) keeps its name a moment, and creating it fails EPERM:
        // busy, not refused — unless nothing is there at all (then it is a real refusal).
        const pending = code === 'EPERM' && isWindows(faults) && (await lstatPending(lockPath, faults).then(() => true, (e: NodeJS.ErrnoException) => e.code !== 'ENOENT'));
        // A pending name that went away between the create and the look: try again at once (a
        // few times; an EPERM that stays with nothing there is a real refusal).
        if (code === 'EPERM' && isWindows(faults) && !pending && vanished++ < 3) continue;
        if (code !== 'EEXIST' && !pending) return fail({ kind: 'unwritable', code });
      }
      const holder = await inspect(lockPath, options.staleMs, faults).catch(() => ({ kind: 'alive', stopped: false }) as Holder);
      if (holder.kind === 'not-a-lock') return fail({ kind: 'not-a-lock', path: lockPath });
      if (holder.kind === 'none') continue;
      if (holder.kind === 'gone') {
        // Removed: try again at once. Not removed (another waiter is at it, or the file is not
        // ours to remove): wait like for a live lock, and never past the deadline.
        const removed = await breakLock(lockPath, holder, options.staleMs, faults).catch((error: NodeJS.ErrnoException) => error.code ?? 'EIO');
        if (removed === true) continue;
        if (typeof removed === 'string') unremovable = removed;
      }
      if (Date.now() >= deadline) {
        const seconds = Math.round(options.timeoutMs / 1000);
        if (holder.kind === 'gone' && unremovable) return fail({ kind: 'stale-lock', path: lockPath, code: unremovable, pid: holder.owner?.pid });
        if (holder.kind === 'pending') return fail({ kind: 'locked', seconds, pending: true });
        // A lock not refreshed for two of its owner's refresh intervals: its owner has most likely
        // ended (its process id answering does not say it is the owner). Waiting longer is not the
        // advice: it is taken over once staleMs old.
        const unrefreshed = holder.kind === 'alive' && holder.unrefreshedMs !== undefined && holder.unrefreshedMs > (2 * refreshMs(options.staleMs)) ? holder.unrefreshedMs : undefined;
        if (unrefreshed !== undefined && holder.kind === 'alive') {
          return fail({ kind: 'locked', seconds, pid: holder.owner?.pid, unrefreshed: { seconds: Math.floor(unrefreshed / 1000), staleSeconds: Math.ceil(options.staleMs / 1000), path: lockPath } });
        }
        return fail({ kind: 'locked', seconds, pid: holder.owner?.pid, stopped: holder.kind === 'alive' && holder.stopped });
      }
      await sleep(RETRY_MS + Math.random() * RETRY_MS);
    }
  }

  /**
   * Called right before the new board is renamed into place: after yielding to the event loop
   * (so a process that was stopped sees the world as it is now), the lock file must still be
   * ours. If it is not, writing would lose another writer's change: stop instead.
   */
  async assertHeld(): Promise<void> {
    await yieldToLoop();
    const text = await readSmall(this.lockPath);
    let token: unknown;
    try {
      token = (JSON.parse(text) as { token?: unknown }).token;
    } catch {
      token = undefined;
    }
    if (token !== this.owner.token) this.fail({ kind: 'lock-lost' });
    await this.touch();
  }

  async release(): Promise<void> {
    clearInterval(this.refresher);
    this.refresher = undefined;
    // Only our own lock is removed: never one another writer has taken.
    const text = await readSmall(this.lockPath);
    if (text === JSON.stringify(this.owner)) await unlinkPending(this.lockPath, this.faults).catch(() => {});
  }

  private async touch(): Promise<void> {
    const now = new Date();
    await utimes(this.lockPath, now, now).catch(() => {});
  }
}

/** Runs `step` holding the lock of the board at `realPath`; the lock is released however it ends. */
export async function withBoardLock<T>(
  realPath: string,
  options: LockOptions,
  fail: (problem: BoardProblem) => never,
  step: (lock: BoardLock) => Promise<T>,
): Promise<T> {
  const lock = await BoardLock.acquire(realPath, options, fail);
  try {
    return await step(lock);
  } finally {
    await lock.release();
  }
}
