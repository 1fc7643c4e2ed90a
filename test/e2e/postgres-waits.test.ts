import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardOf, listed } from '../contract/boards.js';
import { BIN, ROOT, runCli, tempDir } from '../support/cli.js';
import { importLines, schemaOf, sqlSession } from '../support/postgres.js';
import { makePost } from '../support/posts.js';

/**
 * A PostgreSQL board never leaves a command waiting longer than it says: every failure ends the
 * connection and the process at once, a server that does not answer is given up on, a board
 * held by another session is waited for up to the lock time-out and said plainly, and a client
 * stopped in the middle of a change does not hold the board for ever.
 */

const url = () => process.env.POSTBOARD_TEST_DATABASE_URL as string;
const oneLine = (text: string) => text.split('\n').filter(Boolean).length === 1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (up to `ms`) until `ready` says yes. */
async function until(ready: () => Promise<boolean>, ms: number): Promise<void> {
  const started = Date.now();
  while (!(await ready())) {
    if (Date.now() - started > ms) throw new Error(`not ready after ${ms} ms`);
    await sleep(5);
  }
}

describe('a PostgreSQL board that cannot be had', () => {
  it('a URL without a password, to a server that asks for one (SCRAM): one line, and the process ends at once (not when the server gives up a minute later)', async () => {
    const withoutPassword = url().replace(/:\/\/([^:]+):[^@]+@/, '://$1@');
    const started = Date.now();
    const listed = await runCli(['list', '--db', withoutPassword], { cwd: tempDir(), timeoutMs: 90_000 });
    const took = Date.now() - started;
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain("the PostgreSQL server asks for postgres's password and none was given");
    expect(oneLine(listed.stderr)).toBe(true);
    expect(took).toBeLessThan(5_000);
  }, 100_000);

  it('a server that takes the connection and never answers: given up after connect_timeout (or PGCONNECT_TIMEOUT), in one line', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      for (const [location, env] of [
        [`postgres://postgres:pw@127.0.0.1:${port}/news?connect_timeout=2`, {}],
        [`postgres://postgres:pw@127.0.0.1:${port}/news`, { PGCONNECT_TIMEOUT: '2' }],
      ] as const) {
        const started = Date.now();
        const result = await runCli(['list', '--db', location], { env, timeoutMs: 30_000 });
        const took = Date.now() - started;
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`the PostgreSQL server at 127.0.0.1:${port} did not answer within 2 s (connect_timeout)`);
        expect(oneLine(result.stderr)).toBe(true);
        expect(took).toBeGreaterThanOrEqual(1_900);
        expect(took).toBeLessThan(5_000);
      }
      // init too: it gives up once, not a second time after a first failed login.
      const started = Date.now();
      const made = await runCli(['init', '--db', `postgres://postgres:pw@127.0.0.1:${port}/news?connect_timeout=2`], { timeoutMs: 30_000 });
      expect(made.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(3_900);
      // A time-out longer than a timer holds is that long, said as it is: no warning, no false "did not answer".
      const huge = await runCli(['list', '--db', `postgres://postgres:pw@127.0.0.1:${port}/news?connect_timeout=99999999`], { timeoutMs: 3_000 });
      expect(huge.stderr).not.toMatch(/Warning|did not answer/);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  }, 60_000);

  it("a URL without a user, where $USER is not set (cron): the account's own name, as psql takes it, and the message names it", async () => {
    const server = new URL(url());
    const withoutUser = `postgres://:${server.password}@${server.host}${server.pathname}`;
    const result = await runCli(['list', '--db', withoutUser], { env: { USER: undefined, PGUSER: undefined } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`refused the login of ${userInfo().username} `);
  });

  it('sslmode=require against a server without TLS: one line that says so, no library warning', async () => {
    const result = await runCli(['list', '--db', `${url()}?sslmode=require`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*: the PostgreSQL server at 127\.0\.0\.1:\d+ does not offer TLS, and sslmode=require asks for it\n$/);
  });
});

describe('a PostgreSQL board held by another session', () => {
  it('a row lock held in psql: a change waits the lock time-out, then says it is another session of the database (psql), not postboard; reads go on', async () => {
    const board = await boardOf('postgres', [makePost({ id: 1, title: '있던 글' })]);
    const psql = await sqlSession(url(), 'psql');
    try {
      await psql.query('BEGIN');
      await psql.query(`SELECT value FROM "${schemaOf(board)}".board WHERE key = 'last_id' FOR UPDATE`);
      const started = Date.now();
      const added = await runCli(['add', '--title', '새 글', '--author', '대변인', '--db', board], { env: { POSTBOARD_LOCK_TIMEOUT: '1' }, timeoutMs: 30_000 });
      const took = Date.now() - started;
      expect(added.code).toBe(1);
      expect(added.stderr).toMatch(/^error: .*: the board is locked by another session of the database \(psql\), not by postboard; waited 1 s\. Try again, or raise POSTBOARD_LOCK_TIMEOUT\n$/);
      expect(took).toBeGreaterThanOrEqual(1_000);
      expect(took).toBeLessThan(5_000);
      // Korean says the same.
      const ko = await runCli(['add', '--title', '새 글', '--author', '대변인', '--db', board, '--lang', 'ko'], { env: { POSTBOARD_LOCK_TIMEOUT: '0.2' } });
      expect(ko.stderr).toContain('데이터베이스의 다른 세션(psql)이 게시판을 잠그고 있습니다');
      // A reader is not held up by a writer.
      expect(await listed(board)).toEqual([1]);
    } finally {
      await psql.query('ROLLBACK');
      await psql.end();
    }
    expect((await runCli(['add', '--title', '새 글', '--author', '대변인', '--db', board])).code).toBe(0);
  });

  it('a postboard stopped in the middle of a change (SIGSTOP: a laptop closed) is named as such to others, and holds the board no longer than its statement time-out', async () => {
    const board = await boardOf('postgres', [makePost({ id: 1, title: '있던 글' })]);
    const file = join(tempDir(), 'many.jsonl');
    writeFileSync(file, importLines(6_000));
    const watcher = await sqlSession(url(), 'test-watcher');
    const schema = schemaOf(board);
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tempDir(), TZ: process.env.TZ ?? 'UTC', POSTBOARD_STATEMENT_TIMEOUT: '4', POSTBOARD_LOCK_TIMEOUT: '1' };
    const importing = spawn(process.execPath, [BIN, 'import', file, '--db', board], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    importing.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = once(importing, 'close');
    let stoppedAt = 0;
    // Never waited for without end (it is resumed below, whatever happens).
    const deadline = setTimeout(() => importing.kill('SIGKILL'), 60_000);
    try {
      // Stopped once it holds the board's row (its transaction has locked it) and sends its posts:
      // the server must not be left waiting for the rest of a statement (as it would for a COPY).
      await until(
        async () =>
          ((await watcher.query(`SELECT 1 FROM pg_stat_activity a, "${schema}".board b WHERE b.key = 'last_id' AND a.application_name = 'postboard' AND a.backend_xid = b.xmax`)).rowCount ?? 0) > 0,
        30_000,
      );
      await until(async () => ((await watcher.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'postboard' AND (query LIKE 'INSERT INTO "${schema}".posts%' OR query LIKE 'COPY "${schema}".posts%')`)).rowCount ?? 0) > 0, 30_000);
      importing.kill('SIGSTOP');
      stoppedAt = Date.now();
      const blocked = await runCli(['add', '--title', '기다린 글', '--author', '대변인', '--db', board], { env: { POSTBOARD_LOCK_TIMEOUT: '0.5' } });
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toMatch(/^error: .*: the board is being changed by another postboard command; waited 0\.5 s\. Try again, or raise POSTBOARD_LOCK_TIMEOUT\n$/);
      // The server ends the stopped client's transaction (idle, or its statement, past the time-out): the board is free again.
      const added = await runCli(['add', '--title', '기다린 글', '--author', '대변인', '--db', board], { env: { POSTBOARD_LOCK_TIMEOUT: '30' }, timeoutMs: 40_000 });
      expect(added).toMatchObject({ code: 0, stdout: 'Added post 2: 기다린 글\n' });
      expect(Date.now() - stoppedAt).toBeLessThan(12_000);
    } finally {
      importing.kill('SIGCONT');
      await watcher.end();
    }
    const [code] = await closed;
    clearTimeout(deadline);
    // Resumed, the stopped import finds its change gone, says so in one line, and nothing of it is on the board.
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(true);
    expect(stderr).toContain('the board is unchanged');
    expect((await listed(board)).sort((a, b) => a - b)).toEqual([1, 2]);
  }, 90_000);
});

describe('a PostgreSQL board prints nothing but its own words', () => {
  it('stats, list, export, add and log print no library warning (no DeprecationWarning), and a ~/.pgpass login neither', async () => {
    const board = await boardOf('postgres', [makePost({ id: 1, department: '환경부' }), makePost({ id: 2, department: '산업통상자원부' })]);
    for (const args of [['stats'], ['stats', '--format', 'json'], ['list', '--format', 'jsonl'], ['export', '--format', 'csv'], ['add', '--title', '새 글', '--author', '대변인'], ['log']]) {
      const result = await runCli([...args, '--db', board]);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stderr, args.join(' ')).toBe('');
    }
    // The password from ~/.pgpass, as psql reads it.
    const server = new URL(url());
    const home = tempDir('postboard-home-');
    writeFileSync(join(home, '.pgpass'), `# the team's board\n${server.hostname}:${server.port}:postboard_test:postgres:${decodeURIComponent(server.password)}\n`, { mode: 0o600 });
    const withoutPassword = board.replace(/:\/\/([^:]+):[^@]+@/, '://$1@');
    const fromPgpass = await runCli(['list', '--format', 'jsonl', '--fields', 'id', '--db', withoutPassword], { env: { HOME: home } });
    expect(fromPgpass).toMatchObject({ code: 0, stderr: '', stdout: '{"id":3}\n{"id":2}\n{"id":1}\n' });
    // A ~/.pgpass others may read is not used (libpq does not use it either), and the message says why.
    chmodSync(join(home, '.pgpass'), 0o644);
    const open = await runCli(['list', '--db', withoutPassword], { env: { HOME: home } });
    expect(open.code).toBe(1);
    expect(open.stderr).toContain(`is not read while others may read it (chmod 600 ${join(home, '.pgpass')})`);
  });

  it('POSTBOARD_STATEMENT_TIMEOUT is a number of seconds above 0, and --help names it', async () => {
    const board = await boardOf('postgres', [makePost({ id: 1 })]);
    expect(await runCli(['list', '--db', board], { env: { POSTBOARD_STATEMENT_TIMEOUT: '0' } })).toMatchObject({ code: 2, stderr: expect.stringContaining('POSTBOARD_STATEMENT_TIMEOUT must be a number of seconds above 0') });
    expect((await runCli(['list', '--db', board], { env: { POSTBOARD_STATEMENT_TIMEOUT: '0.5' } })).code).toBe(0);
    expect((await runCli(['--help'])).stdout).toContain('POSTBOARD_STATEMENT_TIMEOUT');
  });
});
