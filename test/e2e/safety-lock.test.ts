import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, renameSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, loadBoard, runCli, SAMPLE_BOARD, tempDir } from '../support/cli.js';
import { sizeableBoard } from '../support/disk.js';
import { lockHolder } from '../support/lock.js';

/** A real postboard writer in the background: its exit code and output when it ends. */
function writer(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await sleep(2);
  }
}

function bigBoardFile(count: number): string {
  const path = join(tempDir(), 'board.json');
  writeFileSync(path, `${JSON.stringify(sizeableBoard(count), null, 2)}\n`);
  return path;
}

/** What the board's lock file holds now ('' when there is none). */
function lockText(board: string): string {
  try {
    return readFileSync(`${board}.lock`, 'utf8');
  } catch {
    return '';
  }
}

const stop = (child: ChildProcess) => child.kill('SIGSTOP');
const resume = (child: ChildProcess) => child.kill('SIGCONT');

describe('a writer stalled while it holds the lock (SIGSTOP) keeps it: nobody writes behind its back', () => {
  it('over several trials, every acknowledged change is on the board; none is lost', async () => {
    const board = bigBoardFile(3000);
    let acknowledged = 0;
    let refused = 0;
    for (let trial = 0; trial < 5; trial++) {
      const first = writer(['add', '--db', board, '--title', `stalled ${trial}`, '--author', 'a', '--quiet']);
      await until(() => existsSync(`${board}.lock`));
      // Stop it somewhere in its work: reading, checking, writing or just before the rename.
      await sleep(Math.random() * 150);
      stop(first.child);
      // Even with a tiny stale time, a stopped local writer's lock is not taken over...
      const impatient = await runCli(['add', '--db', board, '--title', `impatient ${trial}`, '--author', 'a', '--quiet'], {
        env: { POSTBOARD_LOCK_TIMEOUT: '1', POSTBOARD_TEST_LOCK_STALE_MS: '50' },
      });
      const landed = impatient.code === 0; // the first writer may have finished before it was stopped
      if (!landed) {
        expect(impatient.code).toBe(1);
        expect(impatient.stderr).toMatch(new RegExp(`being changed by another postboard process \\(process ${first.child.pid}, stopped\\); waited 1 s`));
        refused++;
      } else acknowledged++;
      // ...while a patient writer waits for it and then goes on.
      const patient = writer(['add', '--db', board, '--title', `patient ${trial}`, '--author', 'a', '--quiet'], { POSTBOARD_TEST_LOCK_STALE_MS: '50' });
      await sleep(300);
      resume(first.child);
      const [firstDone, patientDone] = await Promise.all([first.done, patient.done]);
      expect(firstDone.code).toBe(0);
      expect(patientDone.code).toBe(0);
      acknowledged += 2;
      const titles = loadBoard(board).posts.map((post) => post.title);
      expect(titles).toContain(`stalled ${trial}`);
      expect(titles).toContain(`patient ${trial}`);
      expect(titles.includes(`impatient ${trial}`)).toBe(landed);
    }
    const saved = loadBoard(board);
    expect(saved.posts).toHaveLength(3000 + acknowledged);
    expect(new Set(saved.posts.map((post) => post.id)).size).toBe(saved.posts.length);
    expect(refused + acknowledged).toBe(15);
  }, 120_000);

  it('a writer whose lock was taken from it (another host broke it) stops instead of writing: exit 1, board unchanged', async () => {
    const board = bigBoardFile(3000);
    const before = readFileSync(board);
    const rows = join(tempDir(), 'rows.json');
    writeFileSync(rows, JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ title: `가져온 글 ${i}`, author: 'a', source_url: `https://example.go.kr/${i}` }))));
    const importer = writer(['import', rows, '--db', board]);
    await until(() => lockText(board).includes('token'));
    stop(importer.child);
    // Another host's writer takes the lock over (as it may, once it judges the lock stale): a new lock file.
    writeFileSync(`${board}.lock.new`, JSON.stringify({ pid: 1, host: 'another-host', token: 'theirs' }));
    renameSync(`${board}.lock.new`, `${board}.lock`);
    resume(importer.child);
    const result = await importer.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: ${board}: another process took the board's lock during this change, so nothing was written; try again\n`);
    expect(readFileSync(board).equals(before)).toBe(true);
    // The lock it lost is not its to remove.
    expect(JSON.parse(readFileSync(`${board}.lock`, 'utf8'))).toMatchObject({ token: 'theirs' });
  }, 60_000);

  it("a lock from another host is waited for while it is refreshed, and taken over once it is not", async () => {
    const board = join(tempDir(), 'board.json');
    copyFileSync(SAMPLE_BOARD, board);
    writeFileSync(`${board}.lock`, JSON.stringify({ pid: 4242, host: 'another-host', token: 'theirs' }));
    const waited = await runCli(['add', '--db', board, '--title', 't', '--author', 'a'], { env: { POSTBOARD_LOCK_TIMEOUT: '1' } });
    expect(waited.code).toBe(1);
    expect(waited.stderr).toContain('being changed by another postboard process (process 4242)');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${board}.lock`, old, old);
    const taken = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--quiet']);
    expect(taken).toMatchObject({ code: 0, stdout: '2933\n' });
  });

  it('the lock names a holder that is waited for: the error says which process and that it is stopped', async () => {
    const board = join(tempDir(), 'board.json');
    copyFileSync(SAMPLE_BOARD, board);
    const holder = lockHolder(board);
    await holder.locked;
    stop(holder.child);
    try {
      const result = await runCli(['add', '--db', board, '--title', 't', '--author', 'a'], { env: { POSTBOARD_LOCK_TIMEOUT: '1', POSTBOARD_TEST_LOCK_STALE_MS: '10' } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`(process ${holder.child.pid}, stopped)`);
    } finally {
      holder.child.kill('SIGKILL');
    }
  });
});

describe('a board reached through a symlink is one board', () => {
  it('writers through the link and through the real file at once lose nothing; undo through the link finds the backup', async () => {
    const folder = tempDir();
    const real = join(folder, 'real.json');
    copyFileSync(SAMPLE_BOARD, real);
    const link = join(tempDir(), 'link.json');
    symlinkSync(real, link);
    const runs = Array.from({ length: 24 }, (_, i) => runCli(['add', '--db', i % 2 ? link : real, '--title', `동시 ${i}`, '--author', 'a', '--quiet'], { timeoutMs: 60_000 }));
    const results = await Promise.all(runs);
    expect(results.map((result) => result.code)).toEqual(Array(24).fill(0));
    const saved = loadBoard(real);
    expect(saved.posts).toHaveLength(21 + 24);
    expect(new Set(results.map((result) => result.stdout)).size).toBe(24);
    expect(existsSync(`${real}.bak`)).toBe(true);
    expect(existsSync(`${link}.bak`)).toBe(false);
    const undone = await runCli(['undo', '--yes', '--db', link]);
    expect(undone.code).toBe(0);
    expect(loadBoard(real).posts).toHaveLength(21 + 23);
  }, 60_000);
});
