import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keysOf, searchText } from '../../src/store/sql/rows.js';
import { ROOT, runCli, tempDir } from '../support/cli.js';
import { makePost } from '../support/posts.js';
import { openSqlite } from '../support/sqlite.js';
import { schemaOf } from '../support/postgres.js';
import { boardOf, emptyBoardOf, listed } from '../contract/boards.js';

/**
 * What a DBA does to a board with the database's own tools — sqlite3 (Debian 12's stock 3.40)
 * and psql — and what postboard makes of it: rows inserted by hand are numbered around, listed,
 * sorted and found; a bad hand edit is refused by the database itself; what a hand edit broke
 * past the rules is reported by `check`, named by `log`, refused by `copy`; boards made by every
 * earlier schema are brought up to this one.
 */

const fixture = (name: string): string => readFileSync(join(ROOT, 'test/fixtures', name), 'utf8');

/** Runs SQL with the database's own command-line tool; its exit code and words. */
function sql(kind: 'sqlite' | 'postgres', board: string, statements: string): { code: number; stderr: string; stdout: string } {
  const result =
    kind === 'sqlite'
      ? spawnSync('sqlite3', ['-bail', board], { input: statements, encoding: 'utf8' })
      : spawnSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', psqlUrl(board)], { input: `SET search_path TO "${schemaOf(board)}";\n${statements}`, encoding: 'utf8' });
  return { code: result.status ?? -1, stderr: result.stderr, stdout: result.stdout };
}

const psqlUrl = (location: string): string => {
  const url = new URL(location);
  url.searchParams.delete('schema');
  return url.toString();
};

const must = (kind: 'sqlite' | 'postgres', board: string, statements: string): string => {
  const result = sql(kind, board, statements);
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdout;
};

/** Lets a hand edit past the database's rules: what an older schema, or a DBA dropping a rule, allows. */
const pastTheRules = (kind: 'sqlite' | 'postgres', statements: string): string =>
  kind === 'sqlite'
    ? `PRAGMA ignore_check_constraints = ON;\n${statements}`
    : `ALTER TABLE posts DROP CONSTRAINT posts_source_url_check;\nALTER TABLE changes DROP CONSTRAINT changes_changes_check;\n${statements}`;

describe.each(['sqlite', 'postgres'] as const)('a %s board edited with the database’s own tool', (kind) => {
  it('a row inserted above the last number: add numbers the next post above it', async () => {
    const board = await boardOf(kind, [makePost({ id: 1 }), makePost({ id: 2 })]);
    must(kind, board, "INSERT INTO posts (id, title, author, date, views, status, department, body) VALUES (2964, '손으로 넣은 글', '관리자', '2024-10-01', 0, 'published', '', '');");
    // Nothing wrong with that: the board's numbers go on above it (check passes; a copy carries it as given).
    expect(await runCli(['check', '--db', board, '--lang', 'en'])).toMatchObject({ code: 0, stdout: expect.stringContaining('3 posts, lastId 2964, no problems') });
    const copy = join(tempDir(), 'copy.json');
    expect((await runCli(['copy', '--db', board, '--to', copy])).code).toBe(0);
    expect(await runCli(['check', '--db', copy, '--lang', 'en'])).toMatchObject({ code: 0, stdout: expect.stringContaining('lastId 2964, no problems') });
    expect((await runCli(['check', '--fix', '--db', board, '--lang', 'en'])).stderr).toContain("--fix repairs JSON board files; a database's rows are fixed with its own tools");
    const added = await runCli(['add', '--db', board, '--title', '다음 글', '--author', '김', '--yes'], { env: { LANG: 'en_US.UTF-8' } });
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('Added post 2965') });
    // Deleted, its number is still never given again.
    expect((await runCli(['delete', '2965', '--yes', '--db', board])).code).toBe(0);
    const again = await runCli(['add', '--db', board, '--title', '또 다음 글', '--author', '김', '--yes'], { env: { LANG: 'en_US.UTF-8' } });
    expect(again.stdout).toContain('Added post 2966');
  });

  it('a bad date, negative views, an empty title, another status or an ftp: source are refused by the database itself', async () => {
    const board = await boardOf(kind, [makePost({ id: 1, date: '2024-09-01', views: 3 })]);
    // A change in the log, for a hand edit to break.
    expect((await runCli(['edit', '1', '--department', '환경부', '--db', board])).code).toBe(0);
    for (const statement of [
      // (PostgreSQL reads 2024/10/1 as the date it means, and keeps it as 2024-10-01: a date is a date.)
      ...(kind === 'sqlite' ? ["UPDATE posts SET date = '2024/10/1' WHERE id = 1;"] : []),
      "UPDATE posts SET date = '2024-02-30' WHERE id = 1;",
      "UPDATE posts SET date = '2024-10-32' WHERE id = 1;",
      'UPDATE posts SET views = -5 WHERE id = 1;',
      // Numbers past 2^53 − 1 would read back rounded (and be edited into another number).
      'UPDATE posts SET views = 9007199254740993 WHERE id = 1;',
      "INSERT INTO posts (id, title, author, date) VALUES (9007199254740993, '큰 번호', '관리자', '2024-01-01');",
      // PostgreSQL's date holds BC dates and infinity; a board's date is YYYY-MM-DD.
      ...(kind === 'postgres' ? ["UPDATE posts SET date = '0044-03-15 BC' WHERE id = 1;", "UPDATE posts SET date = 'infinity' WHERE id = 1;"] : []),
      "UPDATE posts SET title = '' WHERE id = 1;",
      "UPDATE posts SET status = 'draft' WHERE id = 1;",
      "UPDATE posts SET source_url = 'ftp://example.org/a' WHERE id = 1;",
      "UPDATE board SET value = 'abc' WHERE key = 'last_id';",
      "UPDATE changes SET changes = '{';",
    ]) {
      const result = sql(kind, board, statement);
      expect(result.code, statement).not.toBe(0);
      expect(result.stderr, statement).toMatch(/constraint|invalid input|out of range|violates|CHECK/i);
    }
    if (kind === 'sqlite') expect(sql(kind, board, "UPDATE posts SET views = 'abc' WHERE id = 1;").code).not.toBe(0);
    const shown = await runCli(['list', '--db', board, '--format', 'jsonl', '--fields', 'id,date,views']);
    expect(shown.stdout).toBe('{"id":1,"date":"2024-09-01","views":3}\n');
  });

  it('a row inserted with only a post’s own fields is listed, sorted by title, found by search and filters', async () => {
    const board = await boardOf(kind, [makePost({ id: 1, title: '나비 이야기', body: '봄' }), makePost({ id: 2, title: '다리 공사', body: '여름' })]);
    must(kind, board, "INSERT INTO posts (id, title, author, date, views, status, department, body) VALUES (10, '가을 원전 소식', '관리자', '2024-10-01', 7, 'published', '환경부', '해상풍력 Wind 물');");
    expect(await listed(board)).toEqual([10, 2, 1]);
    expect(await listed(board, ['--sort', 'title', '--asc'])).toEqual([10, 1, 2]);
    expect(await listed(board, ['--search', '원전'])).toEqual([10]);
    expect(await listed(board, ['--search', '물'])).toEqual([10]);
    expect(await listed(board, ['--search', 'wind'])).toEqual([10]);
    expect(await listed(board, ['--department', '환경'])).toEqual([10]);
    expect(await listed(board, ['--author', '관리'])).toEqual([10]);
    const shown = JSON.parse((await runCli(['show', '10', '--format', 'json', '--db', board])).stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({ id: 10, title: '가을 원전 소식', views: 7, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    // Changed by hand later: its title sorts and is found by the new one.
    must(kind, board, "UPDATE posts SET title = '하늘 소식' WHERE id = 10;");
    expect(await listed(board, ['--sort', 'title', '--asc'])).toEqual([1, 2, 10]);
    expect(await listed(board, ['--search', '하늘'])).toEqual([10]);
    expect(await listed(board, ['--search', '원전'])).toEqual([]);
  });

  it('a subtitle is stored and shown', async () => {
    const board = await emptyBoardOf(kind);
    expect((await runCli(['add', '--db', board, '--title', 't', '--subtitle', '부제입니다', '--author', 'a', '--yes'])).code).toBe(0);
    expect((await runCli(['list', '--db', board, '--fields', 'id,subtitle', '--format', 'jsonl'])).stdout).toBe('{"id":1,"subtitle":"부제입니다"}\n');
    expect(must(kind, board, 'SELECT subtitle FROM posts;').trim()).toBe('부제입니다');
  });

  it('check reports rows postboard cannot show and broken log entries; log names the change; copy refuses', async () => {
    const board = await emptyBoardOf(kind);
    for (const title of ['하나', '둘']) expect((await runCli(['add', '--db', board, '--title', title, '--author', 'a', '--source-url', `https://example.org/${title}`, '--yes'])).code).toBe(0);
    expect((await runCli(['check', '--db', board], { env: { LANG: 'en_US.UTF-8' } })).code).toBe(0);
    // (A PostgreSQL date is a date: a bad one is met on an older schema's board, below.)
    must(kind, board, pastTheRules(kind, `UPDATE posts SET source_url = 'ftp://example.org/a' WHERE id = 2;\nUPDATE changes SET changes = '{' WHERE seq = 1;\n${kind === 'sqlite' ? "UPDATE posts SET date = '2024/10/1' WHERE id = 1; UPDATE posts SET views = 'abc' WHERE id = 2;" : ''}`));
    const checked = await runCli(['check', '--db', board], { env: { LANG: 'en_US.UTF-8' } });
    expect(checked.code).toBe(1);
    if (kind === 'sqlite') expect(checked.stdout).toContain('post 1: date "2024/10/1" is not a real calendar date');
    expect(checked.stdout).toContain('post 2: source.url "ftp://example.org/a" must be an http or https URL');
    if (kind === 'sqlite') expect(checked.stdout).toContain('post 2: views "abc"');
    expect(checked.stdout).toContain('change 1 of the change log is broken');
    const log = await runCli(['log', '--db', board], { env: { LANG: 'en_US.UTF-8' } });
    expect(log.code).toBe(1);
    expect(log.stderr).toMatch(/^error: .+: change 1 of the change log is broken/);
    expect(log.stderr).not.toContain('unexpected error');
    const target = join(tempDir(), 'copy.json');
    const copied = await runCli(['copy', '--db', board, '--to', target], { env: { LANG: 'en_US.UTF-8' } });
    expect(copied.code).toBe(1);
    expect(copied.stderr).toContain(kind === 'sqlite' ? 'cannot be copied: 2 posts postboard cannot show (1, 2)' : 'cannot be copied: post postboard cannot show (2)');
  });

  it('a last_id broken by hand is reported as such', async () => {
    const board = await boardOf(kind, [makePost({ id: 1 })]);
    must(kind, board, kind === 'sqlite' ? "PRAGMA ignore_check_constraints = ON; UPDATE board SET value = 'abc' WHERE key = 'last_id';" : "ALTER TABLE board DROP CONSTRAINT board_check; UPDATE board SET value = 'abc' WHERE key = 'last_id';");
    const checked = await runCli(['check', '--db', board], { env: { LANG: 'en_US.UTF-8' } });
    expect(checked.stdout).toContain('the highest number given (last_id in the board table) is "abc", not a whole number');
    const added = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--yes'], { env: { LANG: 'en_US.UTF-8' } });
    expect(added.code).toBe(1);
    expect(added.stderr).toContain('last_id in the board table');
    expect(added.stderr).not.toContain('every post number');
  });
});

describe('a PostgreSQL board read by a role that may only read', () => {
  it('rows inserted by hand are listed and found though postboard cannot write their keys', async () => {
    const board = await boardOf('postgres', [makePost({ id: 1, title: '나비 이야기' })]);
    must('postgres', board, "INSERT INTO posts (id, title, author, date, views, status, department, body) VALUES (10, '가을 원전 소식', '관리자', '2024-10-01', 7, 'published', '환경부', '');");
    const role = `pb_reader_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const schema = schemaOf(board);
    must('postgres', board, `CREATE ROLE ${role} LOGIN PASSWORD 'readonly-pw'; GRANT USAGE ON SCHEMA ${schema} TO ${role}; GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role};`);
    const url = new URL(board);
    url.username = role;
    url.password = 'readonly-pw';
    const reader = url.toString();
    expect(await listed(reader)).toEqual([10, 1]);
    // Its keys are made by the next postboard that may write them.
    expect(await listed(board, ['--department', '환경'])).toEqual([10]);
    expect(await listed(reader, ['--sort', 'title', '--asc'])).toEqual([10, 1]);
  });
});

describe('a SQLite board is read by Debian 12’s stock sqlite3', () => {
  it('every table, whatever postboard has done to it', async () => {
    expect(execFileSync('sqlite3', ['--version'], { encoding: 'utf8' })).toMatch(/^3\./);
    const board = await boardOf('sqlite', [makePost({ id: 1, title: '원전 소식' }), makePost({ id: 2 })]);
    expect((await runCli(['edit', '1', '--title', '새 제목', '--db', board])).code).toBe(0);
    expect((await runCli(['delete', '2', '--yes', '--db', board])).code).toBe(0);
    const tables = must('sqlite', board, "SELECT name FROM sqlite_master WHERE type = 'table';").trim().split('\n');
    expect(tables).toEqual(expect.arrayContaining(['board', 'posts', 'changes', 'counts', 'names', 'posts_text']));
    for (const table of tables) expect(sql('sqlite', board, `SELECT count(*) FROM "${table}";`), table).toMatchObject({ code: 0 });
    expect(must('sqlite', board, "SELECT rowid FROM posts_text WHERE posts_text MATCH '\"새 제\"';").trim()).toBe('1');
    expect(must('sqlite', board, "INSERT INTO posts_text (posts_text, rank) VALUES ('integrity-check', 1); SELECT 'ok';").trim()).toBe('ok');
  });
});

/** An old board's rows: two posts with the keys the old postboard gave them, one change. */
const OLD_POSTS = [
  { id: 3, title: '나중 글', author: '김', department: '환경부', date: '2024-09-02', views: 5, status: 'published', body: '해상 풍력 물' },
  { id: 4, title: '가장 먼저', author: '이', department: '산업부', date: '2024-09-03', views: 1, status: 'hidden', body: '' },
];

const literal = (value: unknown): string => (value === null || value === undefined ? 'NULL' : typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);

function oldRows(withSearch: boolean, bad?: string): string {
  return [
    ...OLD_POSTS.map((post, index) => {
      const keys = keysOf(post);
      const columns = { ...post, ...(bad && index === 0 ? { date: bad } : {}), ...keys, created_at: '2024-09-02T00:00:00.000Z', updated_at: '2024-09-02T00:00:00.000Z', ...(withSearch ? { search: `${searchText(post.title)}\n${searchText(post.body)}` } : {}) };
      return `INSERT INTO posts (${Object.keys(columns).join(', ')}) VALUES (${Object.values(columns).map(literal).join(', ')});`;
    }),
    "INSERT INTO board (key, value) VALUES ('last_id', '7');",
    `INSERT INTO changes (seq, at, who, command, changes) VALUES (1, '2024-09-02T00:00:00.000Z', 'kim', 'import', ${literal(JSON.stringify([{ kind: 'add', id: 3, title: '나중 글', hash: 'x' }]))});`,
  ].join('\n');
}

async function oldSqlite(schema: 1 | 2, bad?: string): Promise<string> {
  const board = join(tempDir(), 'old.sqlite');
  const db = await openSqlite(board);
  db.exec(fixture('sqlite-schema-1.sql'));
  db.exec(`INSERT INTO board (key, value) VALUES ('schema', '${schema}');`);
  if (schema === 2) db.exec(fixture('sqlite-schema-2.sql'));
  db.exec(oldRows(false, bad));
  for (const post of OLD_POSTS) db.exec(`INSERT INTO posts_text (rowid, title, body) VALUES (${post.id}, ${literal(`${searchText(post.title)}\n\n`)}, ${literal(`${searchText(post.body)}\n\n`)});`);
  db.close();
  return board;
}

async function oldPostgres(bad?: string): Promise<string> {
  const url = process.env.POSTBOARD_TEST_DATABASE_URL as string;
  const schema = `t_old_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const location = `${url}?schema=${schema}`;
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', psqlUrl(location)], { input: `CREATE SCHEMA ${schema}; SET search_path TO ${schema};\n${fixture('postgres-schema-1.sql')}\nINSERT INTO board VALUES ('schema', '1');\n${oldRows(true, bad)}`, encoding: 'utf8' });
  return location;
}

describe.each([
  ['SQLite schema 1', 'sqlite', () => oldSqlite(1)],
  ['SQLite schema 2', 'sqlite', () => oldSqlite(2)],
  ['PostgreSQL schema 1', 'postgres', () => oldPostgres()],
] as const)('a board of %s', (_, kind, make) => {
  it('is brought up to schema 4 on first use: its posts, order, search, filters, log and numbers as before; subtitles stored; rules enforced', async () => {
    const board = await make();
    expect(await listed(board, ['--status', 'all'])).toEqual([4, 3]);
    expect(must(kind, board, "SELECT value FROM board WHERE key = 'schema';").trim()).toBe('4');
    expect(await listed(board, ['--status', 'all', '--sort', 'title', '--asc'])).toEqual([4, 3]);
    expect(await listed(board, ['--search', '풍력'])).toEqual([3]);
    expect(await listed(board, ['--search', '물'])).toEqual([3]);
    expect(await listed(board, ['--status', 'all', '--department', '산업'])).toEqual([4]);
    expect((await runCli(['completion', '--departments', '--db', board])).stdout).toBe('산업부\n환경부\n');
    expect((await runCli(['log', '--db', board], { env: { LANG: 'en_US.UTF-8' } })).stdout).toContain('import');
    const added = await runCli(['add', '--db', board, '--title', '새 글', '--subtitle', '부제', '--author', '박', '--yes'], { env: { LANG: 'en_US.UTF-8' } });
    expect(added.stdout).toContain('Added post 8');
    expect((await runCli(['list', '--db', board, '--fields', 'id,subtitle', '--limit', '1', '--format', 'jsonl'])).stdout).toBe('{"id":8,"subtitle":"부제"}\n');
    expect(sql(kind, board, "UPDATE posts SET date = '2024-02-30' WHERE id = 3;").code).not.toBe(0);
    expect((await runCli(['stats', '--db', board, '--by', 'month', '--format', 'json'])).stdout).toContain('2024-09');
    if (kind === 'sqlite') {
      for (const table of must(kind, board, "SELECT name FROM sqlite_master WHERE type = 'table';").trim().split('\n')) expect(sql(kind, board, `SELECT count(*) FROM "${table}";`).code, table).toBe(0);
    }
  });

  it('holding a post the new rules refuse, is left as it was, and the post named', async () => {
    const board = kind === 'sqlite' ? await oldSqlite(1, '2024/10/1') : await oldPostgres('2024/10/1');
    const listedNow = await runCli(['list', '--db', board], { env: { LANG: 'en_US.UTF-8' } });
    expect(listedNow.code).toBe(1);
    expect(listedNow.stderr).toContain("cannot be brought up to this postboard's schema: post postboard cannot show (3)");
    expect(must(kind, board, "SELECT value FROM board WHERE key = 'schema';").trim()).toBe('1');
    const checked = await runCli(['check', '--db', board], { env: { LANG: 'en_US.UTF-8' } });
    expect(checked.stdout).toContain('post 3: date "2024/10/1" is not a real calendar date');
  });
});

describe.each(['sqlite', 'postgres'] as const)('a %s board of schema 3 (before pull)', (kind) => {
  it('is brought up to schema 4: a korea.kr release already on it is found by any of its addresses', async () => {
    const release = 'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&pageIndex=2';
    const board = await boardOf(kind, [makePost({ id: 1, title: '재난안전 점검', source: { agency: '행정안전부', date: '2024-09-02', url: release } })]);
    // As schema 3 kept it: the schema row, and the source key as the address itself.
    must(kind, board, `UPDATE board SET value = '3' WHERE key = 'schema'; UPDATE posts SET source_key = '${new URL(release).href}' WHERE id = 1;`);
    const mobile = await runCli(['add', '--db', board, '--title', '같은 보도자료', '--author', '김', '--source-url', 'https://m.korea.kr/briefing/pressReleaseView.do?newsId=156647084', '--yes'], { env: { LANG: 'en_US.UTF-8' } });
    expect(mobile).toMatchObject({ code: 1, stderr: expect.stringContaining('post 1') });
    expect(must(kind, board, "SELECT value FROM board WHERE key = 'schema';").trim()).toBe('4');
    expect(must(kind, board, 'SELECT source_key FROM posts WHERE id = 1;').trim()).toBe('korea.kr/newsId=156647084');
    expect(await listed(board)).toEqual([1]);
  });
});
