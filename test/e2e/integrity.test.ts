import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, SAMPLE_BOARD, sampleCopy, tempDir, loadBoard } from '../support/cli.js';
import { lockHolder } from '../support/lock.js';

/** A board big enough that writing it takes a while, so a kill can land in the middle. */
function bigBoard(posts: number): string {
  const path = join(tempDir(), 'board.json');
  const list = Array.from({ length: posts }, (_, i) => ({
    id: i + 1,
    title: `제목 ${i + 1}`,
    author: '한국생산성본부',
    department: '행정안전부',
    date: '2024-09-02',
    views: i,
    status: 'published',
    body: '보도자료 본문 '.repeat(300),
  }));
  writeFileSync(path, `${JSON.stringify({ schemaVersion: 1, lastId: posts, posts: list }, null, 2)}\n`);
  return path;
}

describe('many writers at once', () => {
  // Fifty writers take turns on two cores: the last may wait longer than the default 10 s for its
  // turn on a busy machine, which is the lock working, not failing.
  const patient = { POSTBOARD_LOCK_TIMEOUT: '60' };

  it('20 concurrent adds make 20 posts with distinct, consecutive numbers, and a valid file', async () => {
    const board = sampleCopy();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => runCli(['add', '--db', board, '--title', `동시 ${i}`, '--author', 'a', '--quiet'], { timeoutMs: 60_000, env: patient })),
    );
    expect(results.map((result) => result.code)).toEqual(Array(20).fill(0));
    const numbers = results.map((result) => Number(result.stdout)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => 2933 + i));
    const saved = loadBoard(board);
    expect(saved.lastId).toBe(2952);
    expect(saved.posts).toHaveLength(41);
    expect(new Set(saved.posts.map((post) => post.id)).size).toBe(41);
    expect((await runCli(['check', '--db', board])).code).toBe(0);
  });

  it('50 adds interleaved with 50 lists: no list fails or sees a torn file', async () => {
    const board = sampleCopy();
    const runs = Array.from({ length: 100 }, (_, i) =>
      i % 2 === 0
        ? runCli(['add', '--db', board, '--title', `추가 ${i}`, '--author', 'a', '--quiet'], { timeoutMs: 60_000, env: patient })
        : runCli(['list', '--db', board, '--all', '--format', 'json'], { timeoutMs: 60_000 }),
    );
    const results = await Promise.all(runs);
    for (const [i, result] of results.entries()) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      if (i % 2 === 1) {
        const posts = JSON.parse(result.stdout) as { id: number }[];
        expect(posts.length).toBeGreaterThanOrEqual(21);
        expect(posts.length).toBeLessThanOrEqual(71);
      }
    }
    expect(loadBoard(board).posts).toHaveLength(71);
  }, 90_000);
});

describe('a writer killed at any moment', () => {
  it('leaves the old board or the new one, never a broken one, and later writes work', async () => {
    const board = bigBoard(3000);
    let expected = loadBoard(board).posts.length;
    let landed = 0;
    for (let run = 0; run < 24; run++) {
      const before = loadBoard(board).posts.length;
      const child = spawn(process.execPath, [BIN, 'add', '--db', board, '--title', `kill ${run}`, '--author', 'a'], { stdio: 'ignore' });
      const closed = new Promise((resolve) => child.on('close', resolve));
      // Anywhere from start-up to the rename: the add takes a few hundred ms on this board.
      await new Promise((resolve) => setTimeout(resolve, 40 + Math.random() * 400));
      child.kill('SIGKILL');
      await closed;
      // The kill may have left the lock behind: that is the stale-lock test's business, not this one's.
      const saved = loadBoard(board);
      expect([before, before + 1]).toContain(saved.posts.length);
      if (saved.posts.length === before + 1) {
        landed++;
        expect(saved.posts[0]?.title).toBe(`kill ${run}`);
      }
      expected = saved.posts.length;
      if (existsSync(`${board}.lock`)) {
        const { rmSync } = await import('node:fs');
        rmSync(`${board}.lock`, { recursive: true });
      }
    }
    const after = await runCli(['add', '--db', board, '--title', 'after the kills', '--author', 'a', '--quiet'], { timeoutMs: 60_000 });
    expect(after.code).toBe(0);
    expect(loadBoard(board).posts).toHaveLength(expected + 1);
    expect((await runCli(['check', '--db', board], { timeoutMs: 60_000 })).code).toBe(0);
    // Temp files of killed writers are swept by the next writer.
    expect(readdirSync(join(board, '..')).filter((name) => name.includes('.postboard-'))).toEqual([]);
    // Some writers were really killed before they finished (else this test proved nothing).
    expect(landed).toBeLessThan(24);
  }, 120_000);

  it('a lock left by a killed writer is taken over at once: the process is gone', async () => {
    const board = sampleCopy();
    const holder = lockHolder(board);
    await holder.locked;
    holder.child.kill('SIGKILL');
    await new Promise((resolve) => holder.child.on('close', resolve));
    expect(existsSync(`${board}.lock`)).toBe(true);
    const started = Date.now();
    const result = await runCli(['add', '--db', board, '--title', 'after a crash', '--author', 'a', '--quiet'], { timeoutMs: 30_000 });
    expect(result).toMatchObject({ code: 0, stdout: '2933\n' });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(existsSync(`${board}.lock`)).toBe(false);
  });

  it('a lock folder left by an older postboard is taken over once old', async () => {
    const board = sampleCopy();
    mkdirSync(`${board}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${board}.lock`, old, old);
    const result = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--quiet']);
    expect(result).toMatchObject({ code: 0, stdout: '2933\n' });
  });
});

describe('a writer that cannot get the lock', () => {
  it('gives up after POSTBOARD_LOCK_TIMEOUT with a clear error, exit 1, nothing written', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const holder = lockHolder(board);
    await holder.locked;
    try {
      const started = Date.now();
      const result = await runCli(['add', '--db', board, '--title', 't', '--author', 'a'], { env: { POSTBOARD_LOCK_TIMEOUT: '1' } });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `error: ${board}: the board is being changed by another postboard process (process ${holder.child.pid}); waited 1 s. Try again, or raise POSTBOARD_LOCK_TIMEOUT\n`,
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(readFileSync(board).equals(before)).toBe(true);
      // Readers never take the lock.
      expect((await runCli(['list', '--db', board])).code).toBe(0);
    } finally {
      holder.child.kill('SIGKILL');
    }
  });
});

describe('every write keeps the previous board', () => {
  it('as <board>.bak, byte for byte', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    await runCli(['add', '--db', board, '--title', 't', '--author', 'a']);
    expect(readFileSync(`${board}.bak`).equals(before)).toBe(true);
    const second = readFileSync(board);
    await runCli(['add', '--db', board, '--title', 't2', '--author', 'a']);
    expect(readFileSync(`${board}.bak`).equals(second)).toBe(true);
  });

  it('through a symlinked board, the link stays a link', async () => {
    const dir = tempDir();
    const real = join(dir, 'real.json');
    copyFileSync(SAMPLE_BOARD, real);
    const link = join(dir, 'link.json');
    symlinkSync(real, link);
    await runCli(['add', '--db', link, '--title', 't', '--author', 'a']);
    const { lstatSync } = await import('node:fs');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(loadBoard(real).lastId).toBe(2933);
  });
});

describe('a board file that cannot be read', () => {
  it.each([
    ['under a file, not a folder', (dir: string) => {
      writeFileSync(join(dir, 'file'), '');
      return join(dir, 'file', 'board.json');
    }, /cannot be (read|written) \(ENOTDIR: a part of the path is not a folder\)/],
    ['a symlink loop', (dir: string) => {
      symlinkSync(join(dir, 'loop.json'), join(dir, 'loop.json'));
      return join(dir, 'loop.json');
    }, /cannot be read \(ELOOP: too many symbolic links\)/],
  ])('%s: one line naming it, exit 1', async (_, make, message) => {
    const path = make(tempDir());
    for (const args of [['list'], ['show', '1'], ['add', '--title', 't', '--author', 'a']]) {
      const result = await runCli([...args, '--db', path]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const checked = await runCli(['check', '--db', path]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(message);
  });
});
