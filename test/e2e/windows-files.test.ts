import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBoard, ROOT, runCli, sampleCopy, tempDir } from '../support/cli.js';

/**
 * What Windows, a USB stick and a network share do to postboard's writes and locks, made to
 * happen from Linux through the real bin/postboard.js: POSTBOARD_TEST_PLATFORM=win32 makes it
 * behave as on Windows, and POSTBOARD_TEST_* faults make the file calls fail as they fail there
 * (a rename onto a file another program has open, a file system without hard links, a read-only
 * handle that cannot be flushed, a lock's name pending deletion, a process id that answers for
 * a process that is not the lock's owner). After every run, failed or not: the board is either
 * exactly as before (with its backup) or changed with the old board as its backup, no lock and
 * no temp file is left, and a failure is one line saying what holds it.
 */

const WINDOWS = { POSTBOARD_TEST_PLATFORM: 'win32' };

/** What of postboard's own is left beside a board: temp files, pending backups, a lock. */
const leftovers = (board: string): string[] => readdirSync(dirname(board)).filter((name) => name.includes('.postboard-') || name.endsWith('.lock') || name.includes('.lock.'));

/** The board and its backup, byte for byte. */
function state(board: string): { board: Buffer; backup: Buffer | undefined } {
  return { board: readFileSync(board), backup: existsSync(`${board}.bak`) ? readFileSync(`${board}.bak`) : undefined };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A process that runs and is not postboard: what a recycled process id names. */
function someOtherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** A lock file as a postboard on Windows writes it (no start time: Windows has no /proc), `ageMs` since it was last refreshed. */
function writeLock(board: string, pid: number, ageMs: number): string {
  const text = JSON.stringify({ pid, host: hostname(), token: '0123456789abcdef' });
  writeFileSync(`${board}.lock`, text);
  const then = new Date(Date.now() - ageMs);
  utimesSync(`${board}.lock`, then, then);
  return text;
}

describe('a rename onto a file another program has open (Windows: EBUSY, EPERM)', () => {
  it.each(['EBUSY', 'EPERM', 'EACCES'])('fails %s a few times, then works: the change is made, the old board is the backup', async (code) => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const run = await runCli(['add', '--db', board, '--title', '백신이 잡고 있던 글', '--author', 'a'], { env: { ...WINDOWS, POSTBOARD_TEST_RENAME_FAULT: `${code}:6` } });
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: 'Added post 2933: 백신이 잡고 있던 글\n' });
    expect(loadBoard(board).posts[0]?.title).toBe('백신이 잡고 있던 글');
    expect(readFileSync(`${board}.bak`).equals(before)).toBe(true);
    expect(leftovers(board)).toEqual([]);
  });

  it('held all along: fails after the bound (5 s), in one line saying another program has it open; board, backup and lock as they were', async () => {
    const board = sampleCopy();
    expect((await runCli(['add', '--db', board, '--title', '먼저', '--author', 'a'])).code).toBe(0);
    const before = state(board);
    const started = Date.now();
    const run = await runCli(['edit', '2933', '--db', board, '--views', '9'], { env: { ...WINDOWS, POSTBOARD_TEST_RENAME_FAULT: 'EBUSY' } });
    const took = Date.now() - started;
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: ${board}: is open in another program that does not let it be replaced (EBUSY: an antivirus scanning it, OneDrive or another sync tool, an editor); waited 5 s, and the board is unchanged. Close it there, or wait a moment, and try again\n`,
    );
    expect(took).toBeGreaterThanOrEqual(4_500);
    expect(took).toBeLessThan(9_000);
    expect(state(board)).toEqual(before);
    expect(leftovers(board)).toEqual([]);
  }, 20_000);

  it('a read-only file is not taken for a held one: EPERM said at once', async () => {
    const board = sampleCopy();
    const folder = tempDir();
    const csv = join(folder, 'old.csv');
    writeFileSync(csv, 'old\n', { mode: 0o444 });
    const started = Date.now();
    const run = await runCli(['export', '--db', board, '-o', csv, '--force'], { env: { ...WINDOWS, POSTBOARD_TEST_RENAME_FAULT: 'EPERM' } });
    expect(run).toMatchObject({ code: 1, stderr: `error: cannot write ${csv} (EPERM: not permitted); nothing was written there\n` });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(readFileSync(csv, 'utf8')).toBe('old\n');
    expect(readdirSync(folder)).toEqual(['old.csv']);
  });

  it('on Linux such an error does not pass by itself: said at once, nothing waited for', async () => {
    const board = sampleCopy();
    const before = state(board);
    const started = Date.now();
    const run = await runCli(['add', '--db', board, '--title', 't', '--author', 'a'], { env: { POSTBOARD_TEST_RENAME_FAULT: 'EBUSY:1' } });
    expect(run).toMatchObject({ code: 1, stderr: `error: ${board}: cannot be written (EBUSY); the board is unchanged\n` });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(state(board)).toEqual(before);
    expect(leftovers(board)).toEqual([]);
  });

  it('export -o over last week\'s CSV that Excel holds: waited for, then one line naming the file; the CSV as it was, no temp file', async () => {
    const board = sampleCopy();
    const folder = tempDir();
    const csv = join(folder, '11월 보도자료.csv');
    writeFileSync(csv, 'last week\n');
    const held = await runCli(['export', '--db', board, '-o', csv, '--force'], { env: { ...WINDOWS, POSTBOARD_TEST_RENAME_FAULT: 'EBUSY', POSTBOARD_TEST_HELD_RETRY_MS: '800' } });
    expect(held.code).toBe(1);
    expect(held.stderr).toBe(`error: cannot write ${csv}: another program has it open (Excel, an antivirus scanning it, OneDrive); waited 1 s, and nothing was written there. Close it there and try again, or write to another file\n`);
    expect(readFileSync(csv, 'utf8')).toBe('last week\n');
    expect(readdirSync(folder)).toEqual([basename(csv)]);
    // Let go after a moment (an antivirus): the export replaces it.
    const scanned = await runCli(['export', '--db', board, '-o', csv, '--force'], { env: { ...WINDOWS, POSTBOARD_TEST_RENAME_FAULT: 'EPERM:4' } });
    expect(scanned.code, scanned.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe((await runCli(['export', '--db', board])).stdout);
    expect(readdirSync(folder)).toEqual([basename(csv)]);
  });
});

describe('no hard links (exFAT on Windows says EISDIR, a NAS share ENOTSUP) and no flush of a read-only handle', () => {
  it.each(['EISDIR', 'ENOTSUP', 'EOPNOTSUPP', 'EPERM'])('link fails %s: the lock and the backup are made without one; add, edit, undo work', async (code) => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const env = { ...WINDOWS, POSTBOARD_TEST_LINK_FAULT: code, POSTBOARD_TEST_FSYNC_READ_ONLY: 'EPERM' };
    expect(await runCli(['add', '--db', board, '--title', 'USB 글', '--author', 'a'], { env })).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(`${board}.bak`).equals(before)).toBe(true);
    const added = readFileSync(board);
    expect(await runCli(['edit', '2933', '--db', board, '--views', '3'], { env })).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(`${board}.bak`).equals(added)).toBe(true);
    expect(await runCli(['undo', '--db', board, '--yes'], { env })).toMatchObject({ code: 0 });
    expect(loadBoard(board).posts[0]).toMatchObject({ id: 2933, views: 0 });
    expect(leftovers(board)).toEqual([]);
  });

  it('export -o to a new file where link fails EISDIR: the name is claimed and the file put there', async () => {
    const board = sampleCopy();
    const folder = tempDir();
    const csv = join(folder, '11월.csv');
    const run = await runCli(['export', '--db', board, '-o', csv], { env: { ...WINDOWS, POSTBOARD_TEST_LINK_FAULT: 'EISDIR', POSTBOARD_TEST_FSYNC_READ_ONLY: 'EPERM' } });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe((await runCli(['export', '--db', board])).stdout);
    expect(readdirSync(folder)).toEqual(['11월.csv']);
  });
});

describe('a lock whose owner cannot be asked about (Windows: no process start times)', () => {
  it('its process id now names another running process (recycled): the unrefreshed lock is taken over', async () => {
    const other = someOtherProcess();
    for (const env of [WINDOWS, {}]) {
      const board = sampleCopy();
      writeLock(board, other.pid as number, 60_000);
      const run = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--quiet'], { env: { ...env, POSTBOARD_LOCK_TIMEOUT: '2' } });
      expect(run).toMatchObject({ code: 0, stdout: '2933\n', stderr: '' });
      expect(leftovers(board)).toEqual([]);
    }
  });

  it('a liveness check that always says "alive": an unrefreshed lock is still taken over, a refreshed one waited for', async () => {
    const board = sampleCopy();
    writeLock(board, 999_999, 60_000);
    const env = { ...WINDOWS, POSTBOARD_TEST_ALWAYS_ALIVE: '1' };
    const taken = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--quiet'], { env: { ...env, POSTBOARD_LOCK_TIMEOUT: '2' } });
    expect(taken).toMatchObject({ code: 0, stdout: '2933\n' });
    expect(leftovers(board)).toEqual([]);

    // A writer that is working refreshes its lock: it is waited for, and the waiter refused after its wait.
    const holder = spawn(
      process.execPath,
      ['-e', `const fs = require('node:fs'); const lock = ${JSON.stringify(`${board}.lock`)};
        fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: require('node:os').hostname(), token: 'fedcba9876543210' }), { flag: 'wx' });
        process.stdout.write('locked\\n');
        setInterval(() => { const now = new Date(); fs.utimesSync(lock, now, now); }, 100);`],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(holder);
    await new Promise((resolve) => holder.stdout?.once('data', resolve));
    const before = state(board);
    const waited = await runCli(['add', '--db', board, '--title', 'u', '--author', 'a'], { env: { ...env, POSTBOARD_LOCK_TIMEOUT: '2', POSTBOARD_TEST_LOCK_STALE_MS: '900' } });
    expect(waited.code).toBe(1);
    expect(waited.stderr).toBe(`error: ${board}: the board is being changed by another postboard process (process ${holder.pid}); waited 2 s. Try again, or raise POSTBOARD_LOCK_TIMEOUT\n`);
    expect(state(board)).toEqual(before);
    // It dies without letting go: its lock is taken over once unrefreshed for the stale time.
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('close', resolve));
    const after = await runCli(['add', '--db', board, '--title', 'u', '--author', 'a', '--quiet'], { env: { ...env, POSTBOARD_LOCK_TIMEOUT: '5', POSTBOARD_TEST_LOCK_STALE_MS: '900' } });
    expect(after).toMatchObject({ code: 0, stdout: '2934\n' });
    expect(leftovers(board)).toEqual([]);
  }, 30_000);

  it('refused while not yet stale: the message says its owner has most likely ended and when it is taken over, not to raise the time-out', async () => {
    const board = sampleCopy();
    const before = state(board);
    const lock = writeLock(board, 999_999, 8_000);
    for (const [lang, expected] of [
      ['en_US.UTF-8', `error: ${board}: the board's lock names process 999999, which has not refreshed it for 9 s: it has most likely ended; waited 1 s. The lock counts as abandoned once 10 s old: try again then (or remove ${board}.lock if no postboard is running)\n`],
      ['ko_KR.UTF-8', `오류: ${board}: 게시판 잠금에 적힌 프로세스(999999번)가 9초 동안 잠금을 새로 고치지 않았습니다: 이미 끝났을 가능성이 큽니다. 1초 기다렸습니다. 잠금은 10초가 지나면 버려진 것으로 보니 그때 다시 하세요 (postboard가 돌고 있지 않다면 지워도 됩니다: ${board}.lock)\n`],
    ] as const) {
      const then = new Date(Date.now() - 8_000);
      utimesSync(`${board}.lock`, then, then);
      const run = await runCli(['add', '--db', board, '--title', 't', '--author', 'a'], { env: { ...WINDOWS, LANG: lang, POSTBOARD_TEST_ALWAYS_ALIVE: '1', POSTBOARD_LOCK_TIMEOUT: '1' } });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(expected);
      expect(run.stderr).not.toContain('POSTBOARD_LOCK_TIMEOUT');
    }
    expect(state(board)).toEqual(before);
    expect(readFileSync(`${board}.lock`, 'utf8')).toBe(lock);
  });
});

describe('a lock still being deleted (Windows, Node 20: the name stays while another program has it open; EPERM)', () => {
  it('is busy, not refused: writers one after another and at once all get their turn', async () => {
    const board = sampleCopy();
    const env = { ...WINDOWS, POSTBOARD_TEST_DELETE_PENDING_MS: '300' };
    for (const title of ['하나', '둘']) expect(await runCli(['add', '--db', board, '--title', title, '--author', 'a', '--quiet'], { env })).toMatchObject({ code: 0 });
    // (Six at once on a busy machine may queue past the default 10 s: what is tested is that a pending name is waited for, not refused.)
    const runs = await Promise.all(Array.from({ length: 6 }, (_, i) => runCli(['add', '--db', board, '--title', `동시 ${i}`, '--author', 'a', '--quiet'], { env: { ...env, POSTBOARD_LOCK_TIMEOUT: '50' }, timeoutMs: 60_000 })));
    expect(runs.map((run) => run.code)).toEqual(Array(6).fill(0));
    expect(loadBoard(board).posts).toHaveLength(21 + 8);
    expect(leftovers(board)).toEqual([]);
  }, 60_000);

  it('a dead owner\'s lock removed, its name still pending: waited for, then taken', async () => {
    const board = sampleCopy();
    writeLock(board, 999_999, 60_000);
    const run = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--quiet'], { env: { ...WINDOWS, POSTBOARD_TEST_DELETE_PENDING_MS: '400' } });
    expect(run).toMatchObject({ code: 0, stdout: '2933\n', stderr: '' });
    expect(leftovers(board)).toEqual([]);
  });

  it('pending for longer than the wait: one line saying so; the board as it was', async () => {
    const board = sampleCopy();
    const env = { ...WINDOWS, POSTBOARD_TEST_DELETE_PENDING_MS: '4000' };
    expect((await runCli(['add', '--db', board, '--title', 'first', '--author', 'a'], { env })).code).toBe(0);
    const before = state(board);
    const run = await runCli(['add', '--db', board, '--title', 't', '--author', 'a'], { env: { ...env, POSTBOARD_LOCK_TIMEOUT: '1' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: ${board}: the board's lock file is still being deleted: Windows keeps a deleted file's name while another program (an antivirus, a backup or sync tool) has it open; waited 1 s. Try again in a moment\n`,
    );
    expect(state(board)).toEqual(before);
    expect(leftovers(board)).toEqual([]);
  }, 20_000);
});

describe("the board's own files on Windows", () => {
  it('export -o names the board in other letter case: refused, as it is the same file there', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const upper = join(dirname(board), 'BOARD.JSON');
    const run = await runCli(['export', '--db', board, '--format', 'json', '-o', upper, '--force'], { env: WINDOWS });
    expect(run).toMatchObject({ code: 1, stderr: `error: ${upper} is the board itself; an export never replaces it: choose another file\n` });
    expect(readFileSync(board).equals(before)).toBe(true);
    expect(existsSync(upper)).toBe(false);
  });
});
