import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../support/cli.js';
import { importLines, schemaOf, sqlSession, startPostgres, type TestServer } from '../support/postgres.js';

/**
 * A PostgreSQL server of this file's own, as a hosting service runs one: TLS with a self-signed
 * certificate, and no connection without TLS. sslmode means what it means to psql (libpq), and
 * a server stopped in the middle of a command (SIGSTOP) ends the command within its bound, the
 * board untouched. (Its own server: a server process stopped here never holds up the other
 * tests' server.)
 */

let server: TestServer;
beforeAll(async () => {
  server = await startPostgres({ tls: true, tlsOnly: true });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const at = (host: string, query: string) => `postgres://postgres:${server.password}@${host}:${server.port}/postboard_test?${query}`;
const oneLine = (text: string) => text.split('\n').filter(Boolean).length === 1;
let boards = 0;
const schema = () => `schema=t_${process.pid}_${++boards}`;

describe('sslmode as psql takes it', () => {
  it('sslmode=require, as hosting dashboards hand it out: encrypted, the self-signed certificate not checked, and no warning', async () => {
    const name = schema();
    const board = at('127.0.0.1', `sslmode=require&${name}`);
    for (const args of [['init'], ['add', '--title', '암호화된 글', '--author', '대변인'], ['stats'], ['export', '--format', 'jsonl', '--fields', 'title']]) {
      const result = await runCli([...args, '--db', board]);
      expect(result.code, args[0]).toBe(0);
      expect(result.stderr, args[0]).toBe('');
    }
    expect((await runCli(['list', '--format', 'jsonl', '--fields', 'title', '--db', board])).stdout).toBe('{"title":"암호화된 글"}\n');
    const plain = at('127.0.0.1', name);
    // PGSSLMODE says the same; with none, TLS is tried first (prefer), and allow tries it after a refusal.
    expect(await runCli(['list', '--format', 'jsonl', '--db', plain], { env: { PGSSLMODE: 'require' } })).toMatchObject({ code: 0, stderr: '' });
    expect(await runCli(['list', '--format', 'jsonl', '--db', plain])).toMatchObject({ code: 0, stderr: '' });
    expect(await runCli(['list', '--format', 'jsonl', '--db', `${plain}&sslmode=allow`])).toMatchObject({ code: 0, stderr: '' });
    // disable: this server takes no connection without TLS, and says so.
    const disabled = await runCli(['list', '--format', 'jsonl', '--db', `${plain}&sslmode=disable`]);
    expect(disabled.code).toBe(1);
    expect(oneLine(disabled.stderr)).toBe(true);
  });

  it('verify-full: a certificate no trusted CA signed is refused in one line; with its CA (sslrootcert) and the name it was made for, it connects; verify-ca checks the CA, not the name', async () => {
    const board = at('localhost', `sslmode=require&${schema()}`);
    expect((await runCli(['init', '--db', board])).code).toBe(0);
    expect((await runCli(['add', '--title', '확인된 글', '--author', '대변인', '--db', board])).code).toBe(0);
    const name = `schema=${schemaOf(board)}`;
    // Another CA altogether.
    const other = join(tempDir(), 'other-ca.crt');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(tempDir(), 'other.key'), '-out', other, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
    for (const query of ['sslmode=verify-full', `sslmode=verify-full&sslrootcert=${other}`, `sslmode=verify-ca&sslrootcert=${other}`]) {
      const refused = await runCli(['list', '--format', 'jsonl', '--db', at('localhost', `${query}&${name}`)]);
      expect(refused.code, query).toBe(1);
      expect(refused.stderr, query).toMatch(/: the PostgreSQL server's certificate is not signed by a certificate authority you trust \(self-signed certificate\); name its CA with sslrootcert=FILE, or encrypt without checking it with sslmode=require \(sslmode=verify-(full|ca) now\)\n$/);
      expect(oneLine(refused.stderr), query).toBe(true);
    }
    // require with a root certificate checks the chain (as verify-ca), as libpq does.
    const checked = await runCli(['list', '--format', 'jsonl', '--db', at('localhost', `sslmode=require&sslrootcert=${other}&${name}`)]);
    expect(checked).toMatchObject({ code: 1, stderr: expect.stringContaining('sslmode=require checks it against the root certificate given (sslrootcert, or ~/.postgresql/root.crt)') });
    const right = `sslrootcert=${server.certificate}`;
    expect(await runCli(['list', '--format', 'jsonl', '--db', at('localhost', `sslmode=verify-full&${right}&${name}`)])).toMatchObject({ code: 0, stderr: '' });
    // Made for localhost: at 127.0.0.1 the name does not match (verify-full), the CA does (verify-ca).
    const wrongName = await runCli(['list', '--format', 'jsonl', '--db', at('127.0.0.1', `sslmode=verify-full&${right}&${name}`)]);
    expect(wrongName).toMatchObject({ code: 1, stderr: expect.stringMatching(/: the PostgreSQL server's certificate is not for 127\.0\.0\.1 \(sslmode=verify-full checks the host name; verify-ca does not\)\n$/) });
    expect(await runCli(['list', '--format', 'jsonl', '--db', at('127.0.0.1', `sslmode=verify-ca&${right}&${name}`)])).toMatchObject({ code: 0, stderr: '' });
    expect(await runCli(['list', '--format', 'jsonl', '--db', at('localhost', `${name}`)], { env: { PGSSLMODE: 'verify-full', PGSSLROOTCERT: server.certificate } })).toMatchObject({ code: 0, stderr: '' });
    // A CA file that is not there is said before anything is sent.
    const missing = await runCli(['list', '--format', 'jsonl', '--db', at('localhost', `sslmode=verify-full&sslrootcert=/nonexistent/root.crt&${name}`)]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('sslrootcert names /nonexistent/root.crt, which cannot be read (ENOENT') });
  });
});

describe('a server that stops answering', () => {
  it('stopped (SIGSTOP) in the middle of an import: the command ends within its bound (statement + lock time-out + 2 s) in one line, and the board is as it was', async () => {
    const board = at('127.0.0.1', schema());
    expect((await runCli(['init', '--db', board])).code).toBe(0);
    expect((await runCli(['add', '--title', '있던 글', '--author', '대변인', '--db', board])).code).toBe(0);
    const file = join(tempDir(), 'many.jsonl');
    writeFileSync(file, importLines(6_000));
    const watcher = await sqlSession(board, 'test-watcher', { tls: true });
    // 2 s for a statement, 1 s for a lock: the server is waited for 2 + 1 + 2 = 5 s.
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tempDir(), TZ: process.env.TZ ?? 'UTC', POSTBOARD_STATEMENT_TIMEOUT: '2', POSTBOARD_LOCK_TIMEOUT: '1' };
    const importing = spawn(process.execPath, [BIN, 'import', file, '--db', board], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    importing.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = once(importing, 'close');
    // Never waited for without end, even by a postboard that would (the server is resumed below, whatever happens).
    const deadline = setTimeout(() => importing.kill('SIGKILL'), 30_000);
    // The server process that serves postboard's connection (one per connection), stopped while it takes the posts in.
    let backend = 0;
    let stoppedAt = 0;
    try {
      const started = Date.now();
      while (!backend) {
        // (Any statement of its change once it sends posts: a backend stopped between two is stopped all the same.)
        const found = await watcher.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'postboard' AND query LIKE 'INSERT INTO%posts%'");
        if (found.rows[0]) {
          backend = found.rows[0].pid;
          process.kill(backend, 'SIGSTOP');
          stoppedAt = Date.now();
        } else {
          if (Date.now() - started > 60_000) throw new Error('the import never reached its posts');
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      const [code] = await closed;
      const took = Date.now() - stoppedAt;
      expect(code).toBe(1);
      expect(stderr).toMatch(/^error: .*: the PostgreSQL server at 127\.0\.0\.1:\d+ stopped answering \(no reply in 5 s\); the board is unchanged\n$/);
      expect(took).toBeLessThan(8_000);
    } finally {
      clearTimeout(deadline);
      if (backend) process.kill(backend, 'SIGCONT');
      await watcher.end();
    }
    // Resumed, the server finds its client gone and keeps nothing of the import.
    const listed = await runCli(['list', '--format', 'jsonl', '--fields', 'id,title', '--db', board]);
    expect(listed).toMatchObject({ code: 0, stdout: '{"id":1,"title":"있던 글"}\n' });
  }, 120_000);
});
