import { linkSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { makePost } from '../support/posts.js';
import { openSqlite } from '../support/sqlite.js';
import { boardOf } from './boards.js';

/** What only the database boards do, beyond the contract every board keeps. */

describe.each(['sqlite', 'postgres'] as const)('the %s board, beyond the contract', (kind) => {
  it('a search of a common word is counted only so far: the footer says "at least", and the pages go on', async () => {
    const board = await boardOf(kind, Array.from({ length: 6 }, (_, i) => makePost({ id: i + 1, title: `수소 소식 ${i + 1}` })));
    const env = { POSTBOARD_TEST_COUNT_UP_TO: '4', LANG: 'en_US.UTF-8' };
    const first = await runCli(['list', '--search', '수소', '--limit', '2', '--db', board], { env });
    expect(first.stderr).toContain('Page 1 of 2+ · 4+ posts · next: --page 2');
    const last = await runCli(['list', '--search', '수소', '--limit', '2', '--page', '3', '--db', board], { env });
    expect(last.stdout).toContain('수소 소식 2');
    // A filter that is no search is counted whole.
    expect((await runCli(['list', '--limit', '2', '--db', board], { env })).stderr).toContain('Page 1 of 3 · 6 posts');
  });
});

// Boards made by every earlier schema: test/e2e/dba.test.ts.

describe('a SQLite location that is not a postboard board', () => {
  it("another program's database is refused and left exactly as it was (not switched to WAL)", async () => {
    const path = join(tempDir(), 'other.db');
    const db = await openSqlite(path);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = readFileSync(path);
    const listed = await runCli(['list', '--db', path]);
    expect(listed).toMatchObject({ code: 1, stderr: expect.stringContaining('is a database that is not a postboard board') });
    expect(readFileSync(path).equals(before)).toBe(true);
    // Even one with a table named board (but no board's schema in it), read or written.
    const other = join(tempDir(), 'other.db');
    const db2 = await openSqlite(other);
    db2.exec('CREATE TABLE board (key TEXT, value TEXT)');
    db2.close();
    const bytes = readFileSync(other);
    for (const args of [['list'], ['add', '--title', 't', '--author', 'a']]) {
      expect((await runCli([...args, '--db', other])).stderr).toContain('is a database that is not a postboard board');
      expect(readFileSync(other).equals(bytes)).toBe(true);
    }
  });

  it('a JSON board named .sqlite is said to be no SQLite database; an empty file is no board yet, and a read leaves it so', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'j.sqlite'), '{"posts":[]}');
    expect((await runCli(['list', '--db', join(folder, 'j.sqlite')])).stderr).toContain('is not a SQLite database, though its name says so');
    writeFileSync(join(folder, 'empty.sqlite'), '');
    expect((await runCli(['list', '--db', join(folder, 'empty.sqlite')])).stderr).toContain('No board at');
    expect(readdirSync(folder).sort()).toEqual(['empty.sqlite', 'j.sqlite']);
    expect(readFileSync(join(folder, 'empty.sqlite')).length).toBe(0);
  });

  it('a board with a second name (a hard link) is never written, since writers through two names would not take turns', async () => {
    const folder = tempDir();
    const board = join(folder, 'board.sqlite');
    await runCli(['add', '--db', board, '--title', 'first', '--author', 'a']);
    linkSync(board, join(folder, 'hard.db'));
    for (const name of [board, join(folder, 'hard.db')]) {
      const added = await runCli(['add', '--db', name, '--title', 'second', '--author', 'a']);
      expect(added).toMatchObject({ code: 1, stderr: expect.stringContaining('has 2 names (hard links)') });
    }
    expect((await runCli(['list', '--db', board, '--format', 'jsonl', '--fields', 'title'])).stdout).toBe('{"title":"first"}\n');
  });

  it('a dry run of an import makes no board where there is none (no file, or an empty one)', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'posts.jsonl'), '{"title":"t","author":"a","date":"2024-01-01"}\n');
    const dry = await runCli(['import', join(folder, 'posts.jsonl'), '--db', join(folder, 'sub', 'new.sqlite'), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout + dry.stderr).toContain('1 added');
    expect(readdirSync(folder)).toEqual(['posts.jsonl']);
    writeFileSync(join(folder, 'empty.sqlite'), '');
    expect((await runCli(['import', join(folder, 'posts.jsonl'), '--db', join(folder, 'empty.sqlite'), '--dry-run'])).code).toBe(0);
    expect(readFileSync(join(folder, 'empty.sqlite')).length).toBe(0);
  });

  it('an empty file with two names is refused before anything is written into it', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'h.sqlite'), '');
    linkSync(join(folder, 'h.sqlite'), join(folder, 'h2.sqlite'));
    expect((await runCli(['add', '--db', join(folder, 'h.sqlite'), '--title', 't', '--author', 'a'])).stderr).toContain('has 2 names (hard links)');
    expect(readFileSync(join(folder, 'h.sqlite')).length).toBe(0);
  });

  it('a lock timeout in fractions of a second, or very long, is taken as it is meant', async () => {
    const board = join(tempDir(), 'board.sqlite');
    expect((await runCli(['add', '--db', board, '--title', 't', '--author', 'a'], { env: { POSTBOARD_LOCK_TIMEOUT: '0.0005' } })).code).toBe(0);
    expect((await runCli(['list', '--db', board], { env: { POSTBOARD_LOCK_TIMEOUT: '99999999' } })).code).toBe(0);
  });
});

describe('copy, refusing what it cannot do well', () => {
  it('from a JSON board edited by hand to hold half a surrogate pair: refused for a database, which would change it', async () => {
    const from = join(tempDir(), 'lone.json');
    writeFileSync(from, '{"schemaVersion":1,"lastId":1,"posts":[{"id":1,"title":"lone \\ud800 here","author":"A","department":"","date":"2025-01-01","views":0,"status":"published"}]}');
    const to = join(tempDir(), 'lone.sqlite');
    const copied = await runCli(['copy', '--db', from, '--to', to]);
    expect(copied).toMatchObject({ code: 1, stderr: expect.stringContaining("post 1's title holds half of a UTF-16 surrogate pair") });
    expect((await runCli(['list', '--db', to, '--format', 'json'])).stdout).toBe('[]\n');
  });

  it('from a board that is not there (a misspelt name): says so, and makes nothing', async () => {
    const folder = tempDir();
    const copied = await runCli(['copy', '--db', join(folder, 'typo.sqlite'), '--to', join(folder, 'out.json')]);
    expect(copied).toMatchObject({ code: 1, stderr: expect.stringContaining('error: no board at') });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('to a board with no posts but a change log of its own: refused, on every kind', async () => {
    const from = join(tempDir(), 'from.json');
    await runCli(['add', '--db', from, '--title', 't', '--author', 'a']);
    for (const name of ['to.json', 'to.sqlite']) {
      const to = join(tempDir(), name);
      await runCli(['add', '--db', to, '--title', 'x', '--author', 'a']);
      await runCli(['delete', '1', '--yes', '--db', to]);
      const copied = await runCli(['copy', '--db', from, '--to', to]);
      expect(copied).toMatchObject({ code: 1, stderr: expect.stringContaining('already holds a change log (2 changes)') });
    }
  });
});

describe('a SQLite board held by another program', () => {
  /** The sqlite3 shell with a transaction open on the board, kept open until killed. */
  async function sqliteShell(board: string, sql: string): Promise<import('node:child_process').ChildProcess> {
    const { spawn } = await import('node:child_process');
    const shell = spawn('sqlite3', [board], { stdio: ['pipe', 'pipe', 'inherit'] });
    const ready = new Promise<void>((resolve) => shell.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve()));
    shell.stdin!.write(`${sql}\nSELECT 'held';\n`);
    await ready;
    return shell;
  }

  it('a change waits the lock time-out, then says another program or postboard process is writing to the file (SQLite cannot tell which); nothing written', async () => {
    const board = await boardOf('sqlite', [makePost({ id: 1, title: '있던 글' })]);
    const shell = await sqliteShell(board, 'BEGIN EXCLUSIVE;');
    try {
      const started = Date.now();
      const added = await runCli(['add', '--title', '새 글', '--author', '대변인', '--db', board], { env: { POSTBOARD_LOCK_TIMEOUT: '1' } });
      const took = Date.now() - started;
      expect(added.code).toBe(1);
      expect(added.stderr).toMatch(/^error: .*board\.sqlite: another program or postboard process is writing to this SQLite file; waited 1 s\. Try again, or raise POSTBOARD_LOCK_TIMEOUT\n$/);
      expect(took).toBeGreaterThanOrEqual(1_000);
      expect(took).toBeLessThan(5_000);
      const ko = await runCli(['add', '--title', '새 글', '--author', '대변인', '--db', board, '--lang', 'ko'], { env: { POSTBOARD_LOCK_TIMEOUT: '0.2' } });
      expect(ko.stderr).toContain('다른 프로그램이나 postboard 프로세스가 이 SQLite 파일에 쓰는 중입니다');
      // Readers go on (WAL).
      expect((await runCli(['list', '--format', 'jsonl', '--fields', 'title', '--db', board])).stdout).toBe('{"title":"있던 글"}\n');
    } finally {
      shell.kill();
    }
    expect((await runCli(['list', '--format', 'jsonl', '--fields', 'title', '--db', board])).stdout).toBe('{"title":"있던 글"}\n');
  });

  it('a read under an exclusive lock (locking_mode=EXCLUSIVE, no reader let in) ends after the lock time-out too, with the same line', async () => {
    const board = await boardOf('sqlite', [makePost({ id: 1, title: '있던 글' })]);
    const shell = await sqliteShell(board, 'PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM posts;');
    try {
      for (const args of [['list'], ['export', '--format', 'json'], ['stats']]) {
        const started = Date.now();
        const read = await runCli([...args, '--db', board], { env: { POSTBOARD_LOCK_TIMEOUT: '1' } });
        const took = Date.now() - started;
        expect(read.code, args[0]).toBe(1);
        expect(read.stderr, args[0]).toMatch(/: another program or postboard process is writing to this SQLite file; waited 1 s\. Try again, or raise POSTBOARD_LOCK_TIMEOUT\n$/);
        expect(read.stderr.split('\n').filter(Boolean).length, args[0]).toBe(1);
        expect(took, args[0]).toBeLessThan(5_000);
      }
    } finally {
      shell.kill();
    }
  });
});
