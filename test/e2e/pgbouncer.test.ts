import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { startPgBouncer } from '../support/pgbouncer.js';
import { importLines, sqlSession } from '../support/postgres.js';

/**
 * A PostgreSQL board behind a connection pooler, as managed PostgreSQL services put one in front:
 * a real PgBouncer in transaction pooling, which refuses startup parameters it does not know and
 * may serve each transaction from another server connection. postboard keeps no session state
 * and sets its time-outs in each transaction, so every command works, and the lock time-out
 * still holds.
 */

const url = () => process.env.POSTBOARD_TEST_DATABASE_URL as string;
let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
beforeAll(async () => {
  bouncer = await startPgBouncer(url());
}, 30_000);
afterAll(async () => {
  await bouncer?.stop();
});

describe('a PostgreSQL board through PgBouncer in transaction pooling', () => {
  it('every command works: init, add, list, edit, undo, stats, export, an import large enough for COPY, copy --to; and nothing on stderr', async () => {
    const schema = `t_pool_${process.pid}`;
    const board = `${bouncer.url}?schema=${schema}`;
    const run = async (args: string[], input?: string) => {
      const result = await runCli([...args, '--db', board], { input, timeoutMs: 30_000 });
      expect(result, `${args.join(' ')}: ${bouncer.log().slice(-500)}`).toMatchObject({ code: 0, stderr: '' });
      return result.stdout;
    };
    expect(await run(['init'])).toMatch(/^Made a PostgreSQL board at /);
    expect(await run(['add', '--title', '풀러 뒤의 글', '--author', '대변인'])).toBe('Added post 1: 풀러 뒤의 글\n');
    expect(await run(['list', '--format', 'jsonl', '--fields', 'id,title'])).toBe('{"id":1,"title":"풀러 뒤의 글"}\n');
    await run(['edit', '1', '--title', '고친 제목']);
    expect(await run(['list', '--format', 'jsonl', '--fields', 'title'])).toBe('{"title":"고친 제목"}\n');
    await run(['undo', '--yes']);
    expect(await run(['list', '--format', 'jsonl', '--fields', 'title'])).toBe('{"title":"풀러 뒤의 글"}\n');
    const file = join(tempDir(), 'many.jsonl');
    writeFileSync(file, importLines(250));
    expect(await run(['import', file])).toContain('250 added');
    expect(JSON.parse(await run(['stats', '--format', 'json'])).total.posts).toBe(251);
    expect((await run(['export', '--format', 'csv'])).split('\n').filter(Boolean).length).toBe(252);
    const copy = join(tempDir(), 'copy.json');
    await run(['copy', '--to', copy]);
    expect(JSON.parse(readFileSync(copy, 'utf8')).posts.length).toBe(251);
    expect((await run(['log'])).split('\n').length).toBeGreaterThan(3);
  }, 120_000);

  it('the lock time-out holds through the pooler: a board row held by another session ends a change after it, in one line', async () => {
    const schema = `t_pool_lock_${process.pid}`;
    const board = `${bouncer.url}?schema=${schema}`;
    expect((await runCli(['init', '--db', board])).code).toBe(0);
    // Held in a session straight to the server, as psql would.
    const psql = await sqlSession(url(), 'psql');
    try {
      await psql.query('BEGIN');
      await psql.query(`SELECT value FROM "${schema}".board WHERE key = 'last_id' FOR UPDATE`);
      const started = Date.now();
      const added = await runCli(['add', '--title', '기다린 글', '--author', '대변인', '--db', board], { env: { POSTBOARD_LOCK_TIMEOUT: '1' }, timeoutMs: 30_000 });
      const took = Date.now() - started;
      expect(added.code).toBe(1);
      expect(added.stderr).toMatch(/^error: .*: the board is locked by another session of the database \(psql\), not by postboard; waited 1 s\. Try again, or raise POSTBOARD_LOCK_TIMEOUT\n$/);
      expect(took).toBeGreaterThanOrEqual(1_000);
      expect(took).toBeLessThan(5_000);
    } finally {
      await psql.query('ROLLBACK');
      await psql.end();
    }
    expect(await runCli(['add', '--title', '기다린 글', '--author', '대변인', '--db', board])).toMatchObject({ code: 0, stdout: 'Added post 1: 기다린 글\n' });
  }, 60_000);
});
