import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../support/cli.js';

/** Where a board lives, said plainly when something about it is wrong. */

describe('a SQLite board without its driver', () => {
  it('is one line saying how to get better-sqlite3, and a JSON board works as ever', async () => {
    // postboard as installed where the optional native package did not build: its bundle, no node_modules.
    const install = tempDir();
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(install, part), { recursive: true });
    const bin = join(install, 'bin', 'postboard.js');
    const folder = tempDir();
    // No file yet: nothing to read, and nothing needs the driver to say so.
    const sqlite = await runCli(['list', '--db', join(folder, 'archive.sqlite')], { bin });
    expect(sqlite).toMatchObject({ code: 0, stderr: expect.stringContaining('No board at') });
    const added = await runCli(['add', '--db', join(folder, 'archive.sqlite'), '--title', 't', '--author', 'a'], { bin });
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/^error: .*archive\.sqlite: a SQLite board needs the better-sqlite3 package, which is not installed .* npm install better-sqlite3\n$/);
    expect((await runCli(['add', '--db', join(folder, 'board.json'), '--title', 't', '--author', 'a'], { bin })).code).toBe(0);
  });
});

describe('a PostgreSQL board, said plainly', () => {
  const url = () => process.env.POSTBOARD_TEST_DATABASE_URL as string;

  it('without its tables: init makes them, and nothing else does', async () => {
    const location = `${url()}?schema=t_plain_${process.pid}`;
    const listed = await runCli(['list', '--db', location]);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(`has no postboard board yet; make one with: postboard init --db`);
    expect((await runCli(['add', '--db', location, '--title', 't', '--author', 'a'])).code).toBe(1);
    expect((await runCli(['init', '--db', location])).stdout).toMatch(/^Made a PostgreSQL board at /);
    expect((await runCli(['add', '--db', location, '--title', 't', '--author', 'a'])).stdout).toBe('Added post 1: t\n');
    expect((await runCli(['init', '--db', location])).stdout).toContain('is a board already (1 post)');
  });

  it('the password never shows, in errors, the list footer or --help', async () => {
    const withPassword = url().replace(/:\/\/([^:]+):[^@]+@/, '://$1:s3cr3t-passw0rd@');
    const wrong = await runCli(['list', '--db', withPassword]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('refused the login of postgres');
    expect(wrong.stderr).not.toContain('s3cr3t');
    const location = `${url()}?schema=t_footer_${process.pid}`;
    await runCli(['init', '--db', location]);
    await runCli(['add', '--db', location, '--title', 't', '--author', 'a']);
    const footer = await runCli(['list', '--db', location]);
    const password = new URL(url()).password;
    expect(footer.stdout).toContain('· board postgres://postgres:***@');
    expect(footer.stdout).not.toContain(password);
    expect((await runCli(['--help'], { env: { POSTBOARD_DB: location } })).stdout).not.toContain(password);
  });

  it('a server that is not there, and a database that is not there, each in one line', async () => {
    const down = await runCli(['list', '--db', 'postgres://postgres@127.0.0.1:1/none']);
    expect(down).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: postgres:\/\/postgres@127\.0\.0\.1:1\/none: cannot reach the PostgreSQL server at 127\.0\.0\.1:1 \(ECONNREFUSED\)/) });
    const missing = url().replace(/\/[^/?]+(\?|$)/, '/no_such_db$1');
    expect((await runCli(['list', '--db', missing])).stderr).toContain('has no database no_such_db');
  });
});

describe('check is for JSON board files', () => {
  it('on a database it says so, exit 2', async () => {
    const result = await runCli(['check', '--db', join(tempDir(), 'archive.sqlite')]);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('check reads a JSON board file') });
  });
});
