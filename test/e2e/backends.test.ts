import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../support/cli.js';
import { DRIVER_HERE } from '../support/sqlite.js';
import { Terminal } from '../support/terminal.js';

/** Where a board lives, said plainly when something about it is wrong. */

describe('a SQLite board where better-sqlite3 did not install', () => {
  it('needs nothing on a Node.js with SQLite built in (22.16+); on an older one, one line says how to get a driver; a JSON board works as ever', async () => {
    // postboard as installed where the optional native package did not build: its bundle, no node_modules.
    const install = tempDir();
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(install, part), { recursive: true });
    const bin = join(install, 'bin', 'postboard.js');
    const folder = tempDir();
    // No file yet: nothing to read, and nothing needs the driver to say so.
    const sqlite = await runCli(['list', '--db', join(folder, 'archive.sqlite')], { bin });
    expect(sqlite).toMatchObject({ code: 0, stderr: expect.stringContaining('No board at') });
    const added = await runCli(['add', '--db', join(folder, 'archive.sqlite'), '--title', '원전 안전 점검', '--author', 'a', '--body', '물 관리'], { bin });
    if (DRIVER_HERE === 'node:sqlite') {
      // Node's own SQLite: the board is made, searched (a 1-letter word through the trigram list too), with nothing on stderr.
      expect(added).toMatchObject({ code: 0, stdout: 'Added post 1: 원전 안전 점검\n', stderr: '' });
      for (const word of ['안전 점검', '물']) {
        expect(await runCli(['list', '--search', word, '--format', 'jsonl', '--fields', 'id', '--db', join(folder, 'archive.sqlite')], { bin })).toMatchObject({ code: 0, stdout: '{"id":1}\n', stderr: '' });
      }
    } else {
      expect(added.code).toBe(1);
      expect(added.stderr).toMatch(
        new RegExp(`^error: .*archive\\.sqlite: a SQLite board needs Node\\.js 22\\.16 or newer, which has SQLite built in and needs nothing else \\(this is ${process.version.replace(/\./g, '\\.')}\\), or the better-sqlite3 package, which is not installed .* npm install better-sqlite3\n$`),
      );
    }
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
    expect(footer.stderr).toContain('· board postgres://postgres:***@');
    expect(footer.stdout + footer.stderr).not.toContain(password);
    expect((await runCli(['--help'], { env: { POSTBOARD_DB: location } })).stdout).not.toContain(password);
  });

  it('a password with an unencoded / is refused as a URL read two ways, never sent on as a host name', async () => {
    const listed = await runCli(['list', '--db', 'postgres://atk:Se@kr3t/PW@127.0.0.1/atkdb']);
    expect(listed).toMatchObject({ code: 2, stderr: expect.stringContaining('postgres://atk:***@127.0.0.1/atkdb: not a valid PostgreSQL URL') });
    expect(listed.stderr).not.toMatch(/kr3t|PW/);
  });

  it('a server that is not there, and a database that is not there, each in one line', async () => {
    const down = await runCli(['list', '--db', 'postgres://postgres@127.0.0.1:1/none']);
    expect(down).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: postgres:\/\/postgres@127\.0\.0\.1:1\/none: cannot reach the PostgreSQL server at 127\.0\.0\.1:1 \(ECONNREFUSED\)/) });
    const missing = url().replace(/\/[^/?]+(\?|$)/, '/no_such_db$1');
    expect((await runCli(['list', '--db', missing])).stderr).toContain('has no database no_such_db');
  });
});

describe('check on a database board', () => {
  it('reads it: a sound one is said sound, none there is said so (what it finds: dba.test.ts)', async () => {
    const board = join(tempDir(), 'archive.sqlite');
    expect(await runCli(['check', '--db', board], { env: { LANG: 'en_US.UTF-8' } })).toMatchObject({ code: 1, stderr: expect.stringContaining('no board at') });
    expect((await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--yes'])).code).toBe(0);
    expect(await runCli(['check', '--db', board], { env: { LANG: 'en_US.UTF-8' } })).toMatchObject({ code: 0, stdout: expect.stringContaining('1 post, lastId 1, no problems') });
  });
});

describe('a draft kept from a database board', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  it('goes back to that board later, from any folder, and keeps no password', async () => {
    const url = process.env.POSTBOARD_TEST_DATABASE_URL as string;
    const password = new URL(url).password;
    const location = `${url}?schema=t_draft_${process.pid}`;
    await runCli(['init', '--db', location]);
    const home = tempDir('postboard-home-');
    const t = (terminal = Terminal.start('postboard add', { env: { LANG: 'en_US.UTF-8', HOME: home, POSTBOARD_DB: location } }));
    for (const [question, answer] of [['Title', '팀 게시판 초안'], ['Subtitle', ''], ['Author', '대변인'], ['Department', ''], ['Date', ''], ['Status', '']]) {
      await t.waitFor(question!);
      if (answer) t.type(answer);
      t.press('Enter');
    }
    await t.waitFor('Ctrl+D to finish');
    t.type('쓰다 만 본문');
    t.press('C-c');
    await t.waitFor('add --from-draft');
    expect(await t.exited()).toBe(130);
    const drafts = join(home, '.local/share/postboard/drafts');
    const [name] = readdirSync(drafts);
    // Named by the local time it was kept at (TZ is set for the test run), like every time shown.
    const now = new Date();
    const local = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
    expect(name).toMatch(new RegExp(`^${local}-\\d{6}-\\d+\\.json$`));
    const path = join(drafts, name!);
    const draft = readFileSync(path, 'utf8');
    expect(draft).not.toContain(password);
    expect(JSON.parse(draft).board).toBe(location.replace(`:${password}@`, '@'));

    // The hint, run as printed, from another folder, with the password only in POSTBOARD_DB (no
    // PGPASSWORD, no ~/.pgpass): the form goes on where it stopped — in the body, its text kept —
    // then asks the questions not answered yet, shows the post and asks before posting.
    t.close();
    const again = (terminal = Terminal.start(`cd ${tempDir()} && postboard add --from-draft ${path}`, { env: { LANG: 'en_US.UTF-8', HOME: home, POSTBOARD_DB: location } }));
    await again.waitFor('Ctrl+D to finish');
    await again.waitFor('쓰다 만 본문');
    // Which draft, for which board (its password never shown), before the first question.
    expect(again.screen()).toMatch(/Finishing your draft for postgres:\/\/postgres:\*\*\*@\S+: 팀 게시판 초안/);
    expect(again.screen()).not.toMatch(/\? Title|\? Author/);
    again.type(' 마저 씀');
    again.press('C-d');
    for (const question of ['Source agency', 'Source date', 'Source URL']) {
      await again.waitFor(question);
      again.press('Enter');
    }
    await again.waitFor('Post it?');
    again.press('Enter');
    await again.waitFor('Removed the draft');
    expect(await again.exited()).toBe(0);
    expect(again.screen()).toMatch(/Added post 1 to postgres:\/\/postgres:\*\*\*@\S+: 팀 게시판 초안/);
    const listed = await runCli(['list', '--db', location, '--format', 'jsonl', '--fields', 'id,title,body']);
    expect(listed.stdout).toBe('{"id":1,"title":"팀 게시판 초안","body":"쓰다 만 본문 마저 씀"}\n');
  }, 30_000);

  it('off a terminal, a draft is posted only when finished and with --yes, to its own board even when POSTBOARD_DB names another', async () => {
    const url = process.env.POSTBOARD_TEST_DATABASE_URL as string;
    const password = new URL(url).password;
    const location = `${url}?schema=t_draft2_${process.pid}`;
    await runCli(['init', '--db', location]);
    const home = tempDir('postboard-home-');
    const drafts = join(home, '.local/share/postboard/drafts');
    mkdirSync(drafts, { recursive: true });
    const path = join(drafts, 'kept.json');
    const board = location.replace(`:${password}@`, '@');
    writeFileSync(path, JSON.stringify({ postboard: 'draft', version: 2, board, post: { title: '팀 초안', author: '대변인', body: '쓰다 만' }, answered: ['title', 'subtitle', 'author', 'department', 'date', 'status'], partial: 'body' }));
    const elsewhere = tempDir();
    const env = { HOME: home, PGPASSWORD: password, POSTBOARD_DB: join(elsewhere, 'personal.json') };
    const asked = await runCli(['add', '--from-draft', path], { cwd: elsewhere, env });
    expect(asked).toMatchObject({ code: 2, stderr: expect.stringContaining('add --yes to post it as it is') });
    const unfinished = await runCli(['add', '--from-draft', path, '--yes'], { cwd: elsewhere, env });
    expect(unfinished).toMatchObject({ code: 2, stderr: expect.stringContaining('its body was cut short; not answered yet: --body, --source-agency, --source-date, --source-url') });
    // Finished with flags: posted, to the team's board the draft was written for.
    const posted = await runCli(['add', '--from-draft', path, '--body', '다 쓴 본문', '--source-agency', '', '--source-date', '', '--source-url', '', '--yes', '--quiet'], { cwd: elsewhere, env });
    expect(posted).toMatchObject({ code: 0, stdout: '1\n' });
    expect(readdirSync(elsewhere)).toEqual([]);
    expect((await runCli(['list', '--db', location, '--format', 'jsonl', '--fields', 'id,title,body'])).stdout).toBe('{"id":1,"title":"팀 초안","body":"다 쓴 본문"}\n');
  }, 30_000);
});

describe('a location postboard cannot keep a board at', () => {
  it('a URL of another kind (mysql://, a typo of postgres://) is refused, never taken for a file name', async () => {
    const folder = tempDir();
    for (const location of ['mysql://root:MyS3cret@db.example:3306/news', 'postgress://root:MyS3cret@db.example/news']) {
      const added = await runCli(['add', '--db', location, '--title', 't', '--author', 'a'], { cwd: folder });
      expect(added.code).toBe(2);
      expect(added.stderr).toContain('not at this kind of URL');
      expect(added.stderr).not.toContain('MyS3cret');
    }
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('a PostgreSQL board, set up', () => {
  const url = () => process.env.POSTBOARD_TEST_DATABASE_URL as string;

  it('with no password given anywhere: says where to put one', async () => {
    const withoutPassword = url().replace(/:\/\/([^:]+):[^@]+@/, '://$1@');
    const listed = await runCli(['list', '--db', withoutPassword]);
    expect(listed).toMatchObject({ code: 1, stderr: expect.stringContaining("asks for postgres's password and none was given; put it in PGPASSWORD, ~/.pgpass or the URL") });
  });

  it("a reader behind an administrator's lock on the posts gives up after the lock timeout, as a writer does", async () => {
    const location = `${url()}?schema=t_locked_${process.pid}`;
    await runCli(['init', '--db', location]);
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: url() });
    await admin.connect();
    try {
      await admin.query('BEGIN');
      await admin.query(`LOCK TABLE t_locked_${process.pid}.posts IN ACCESS EXCLUSIVE MODE`);
      const started = Date.now();
      const listed = await runCli(['list', '--db', location], { env: { POSTBOARD_LOCK_TIMEOUT: '1' } });
      expect(listed).toMatchObject({ code: 1, stderr: expect.stringContaining('waited 1 s') });
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      await admin.query('ROLLBACK');
      await admin.end();
    }
  });

  it('six inits at once make one board; the others find it made', async () => {
    const location = `${url()}?schema=t_inits_${process.pid}`;
    const runs = await Promise.all(Array.from({ length: 6 }, () => runCli(['init', '--db', location])));
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(runs.filter((run) => run.stdout.startsWith('Made a PostgreSQL board')).length).toBe(1);
    expect(runs.filter((run) => run.stdout.includes('is a board already')).length).toBe(5);
  });

  it("the hint to make a board can be pasted into a shell as it is (the URL's ? quoted, no password, not even masked)", async () => {
    const location = `${url()}?schema=t_hint_${process.pid}`;
    const password = new URL(url()).password;
    const listed = await runCli(['list', '--db', location]);
    expect(listed.stderr).toMatch(/make one with: postboard init --db 'postgres:\/\/postgres@[^']+\?schema=t_hint_\d+'/);
    expect(listed.stderr).not.toContain(password);
    // Pasted into a shell, with the password where the team keeps it (PGPASSWORD), it makes the board.
    const hint = /make one with: (postboard init .*)$/m.exec(listed.stderr)![1]!;
    const made = spawnSync('sh', ['-c', hint.replace(/^postboard/, `"${process.execPath}" "${BIN}"`)], { env: { PATH: process.env.PATH, HOME: tempDir(), PGPASSWORD: password }, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect((await runCli(['list', '--db', location])).code).toBe(0);
  });

  it('--help names the board --db gives, not only POSTBOARD_DB', async () => {
    const help = await runCli(['--db', `${url()}?schema=t_help`, '--help'], { env: { COLUMNS: '400' } });
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/now: postgres:\/\/postgres:\*\*\*@\S+\?schema=t_help\)/);
  });
});
