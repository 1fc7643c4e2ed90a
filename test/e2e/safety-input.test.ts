import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadBoard, runCli, sampleCopy, tempDir, writeBoard } from '../support/cli.js';
import { onTerminal } from '../support/io.js';
import { makeBoard, makePost } from '../support/posts.js';

const file = (name: string, content: string | Buffer) => {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
};

describe('post numbers stay exact: nothing beyond 2^53 − 1', () => {
  it('an import asking for 9007199254740993 is refused, naming it; the board is unchanged', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const json = file('big.json', '[{"id": 9007199254740993, "title": "큰 번호", "author": "a", "views": 9007199254740993}]');
    const result = await runCli(['import', json, '--db', board]);
    expect(result.code).toBe(2);
    // Named as written, never as the …992 JavaScript would read.
    expect(result.stderr).toContain('item 1: id 9007199254740993 cannot be held exactly (numbers go up to 9,007,199,254,740,991, whole)');
    expect(result.stderr).not.toContain('9007199254740992');
    expect(readFileSync(board).equals(before)).toBe(true);
    const csv = file('big.csv', 'id,title,author\r\n9007199254740993,t,a\r\n');
    expect((await runCli(['import', csv, '--db', board])).stderr).toContain('row 2: id "9007199254740993" must be at most 9,007,199,254,740,991');
  });

  it('a board that has given the last exact number refuses a new post in words', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1 })], Number.MAX_SAFE_INTEGER));
    const before = readFileSync(board);
    const result = await runCli(['add', '--db', board, '--title', 't', '--author', 'a']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: every post number up to 9,007,199,254,740,991 has been given; no new post can be numbered\n');
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('a board file holding an inexact number is refused on read and reported by check', async () => {
    const board = file('board.json', '{"schemaVersion":1,"lastId":9007199254740993,"posts":[{"id":9007199254740993,"title":"t","author":"a","date":"2024-09-02","views":0,"status":"published"}]}');
    const list = await runCli(['list', '--db', board]);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/"lastId" must be a whole number/);
    const check = await runCli(['check', '--db', board]);
    expect(check.stdout).toContain('must be at most 9,007,199,254,740,991');
  });
});

describe('import decodes a file in one encoding only, or says where it is not', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  const cp949 = (text: string) => iconv.encode(text, 'cp949');

  it('UTF-8 with one row saved in CP949: refused, naming that row; nothing imported', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const bytes = Buffer.concat([utf8('title,author,body\r\n제목 하나,가,"여러\r\n줄 본문"\r\n'), cp949('제목 둘,나,본문\r\n'), utf8('제목 셋,다,본문\r\n')]);
    const result = await runCli(['import', file('mixed.csv', bytes), '--db', board]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/mixed\.csv: row 3 is not UTF-8 \(it looks like CP949, Korean Windows\), but the rest of the file is UTF-8; save the whole file in one encoding\n$/);
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('bytes valid in neither UTF-8 nor CP949: refused, naming the row, never U+FFFD', async () => {
    const board = sampleCopy();
    const bytes = Buffer.concat([cp949('title,author\r\n제목,가\r\n'), Buffer.from([0x80, 0x80, 0x2c, 0x41, 0x0d, 0x0a])]);
    const result = await runCli(['import', file('bad.csv', bytes), '--db', board]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.csv: row 3 holds bytes that are neither UTF-8 nor CP949 \(Korean Windows\); save the file as UTF-8\n$/);
    expect(loadBoard(board).posts).toHaveLength(21);
  });

  it('a whole CP949 file, and UTF-16 with its byte-order mark (Excel "Unicode text"), import as text', async () => {
    const board = join(tempDir(), 'board.json');
    expect((await runCli(['import', file('kr.csv', cp949('제목,글쓴이\r\n청정수소 협력,한국생산성본부\r\n')), '--db', board])).code).toBe(0);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('제목\t글쓴이\t무시할 열\r\n탄소 중립\t환경부\tx\r\n', 'utf16le')]);
    const result = await runCli(['import', file('unicode.txt', utf16), '--format', 'tsv', '--db', board]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('ignored columns no field answers to: 무시할 열\n');
    expect(loadBoard(board).posts.map((post) => post.title)).toEqual(['탄소 중립', '청정수소 협력']);
  });
});

describe('the RSS feed carries bodies as text, never as markup', () => {
  it('<script> and onerror in a body are escaped inside the description', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, body: '첫 문단 <script>alert(1)</script>\n\n<img src=x onerror=alert(1)> & ]]> 끝' })]));
    const result = await runCli(['export', '--db', board, '--format', 'rss', '--feed-link', 'https://example.go.kr/']);
    expect(result.code).toBe(0);
    const feed = new XMLParser({ cdataPropName: '#cdata' }).parse(result.stdout) as { rss: { channel: { item: { description: { '#cdata': string } } } } };
    const html = feed.rss.channel.item.description['#cdata'];
    expect(html).toBe('<p>첫 문단 &lt;script&gt;alert(1)&lt;/script&gt;</p><p>&lt;img src=x onerror=alert(1)&gt; &amp; ]]&gt; 끝</p>');
  });
});

describe('a missing $EDITOR, and the editor\'s file', () => {
  it('a missing editor is one line before anything is asked, and leaves no file behind', async () => {
    const started = Date.now() - 1000;
    const newMarkdown = () => readdirSync(tmpdir()).filter((name) => name.endsWith('.md') && statSync(join(tmpdir(), name)).mtimeMs >= started);
    const session = onTerminal(['add', '--db', sampleCopy(), '--lang', 'en'], { env: { EDITOR: 'no-such-editor-here', PATH: '/usr/bin:/bin' } });
    const code = await session.exit;
    expect(code).toBe(1);
    expect(session.io.output.stderr).toBe('error: cannot start the editor "no-such-editor-here" (from $EDITOR): not found; set $EDITOR to an installed editor, or unset it to type the body here\n');
    expect(session.io.output.stdout).toBe('');
    expect(newMarkdown()).toEqual([]);
  });

  it('the body is edited in a private file (0600, in a 0700 folder) that is removed afterwards', async () => {
    const folder = tempDir();
    const log = join(folder, 'log');
    const editor = join(folder, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nstat -c '%a' "$1" >> ${log}\nstat -c '%a' "$(dirname "$1")" >> ${log}\necho "$1" >> ${log}\nprintf '편집기에서 쓴 내용' > "$1"\n`);
    chmodSync(editor, 0o755);
    const board = sampleCopy();
    const session = onTerminal(['add', '--db', board, '--title', '편집기', '--subtitle', '', '--department', '', '--date', '2024-09-02', '--status', 'published', '--source-agency', '', '--source-date', '', '--source-url', '', '--yes', '--lang', 'en'], {
      env: { EDITOR: editor, PATH: '/usr/bin:/bin' },
    });
    await session.waitFor('Author');
    session.type('한국생산성본부\r');
    expect(await session.exit).toBe(0);
    const [fileMode, folderMode, path] = readFileSync(log, 'utf8').trim().split('\n');
    expect(fileMode).toBe('600');
    expect(folderMode).toBe('700');
    expect(() => readFileSync(path ?? '')).toThrow();
    expect(loadBoard(board).posts[0]?.body).toBe('편집기에서 쓴 내용');
  });
});

describe('a board must be a regular file', () => {
  it.each([['/dev/zero', 'is a device, not a board file']])('%s is refused at once', async (path, message) => {
    for (const args of [['list'], ['add', '--title', 't', '--author', 'a']]) {
      const result = await runCli([...args, '--db', path], { timeoutMs: 5_000 });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`error: ${path}: ${message}\n`);
    }
  });

  it('a named pipe is refused at once, not read for ever', async () => {
    const fifo = join(tempDir(), 'board.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = await runCli(['list', '--db', fifo], { timeoutMs: 5_000 });
    expect(result).toMatchObject({ code: 1, stderr: `error: ${fifo}: is a named pipe (FIFO), not a board file\n` });
  });
});

describe('clear errors, not "unexpected error"', () => {
  it('JSON nested 100,000 deep: one line, exit 1', async () => {
    const board = file('deep.json', `{"posts":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`);
    const result = await runCli(['list', '--db', board]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: ${board}: posts[0]: id is missing\n`);
  });

  it('a read-only board (0444) is refused for changes, even for root, and left as it is', async () => {
    const board = sampleCopy();
    chmodSync(board, 0o444);
    const before = readFileSync(board);
    const result = await runCli(['add', '--db', board, '--title', 't', '--author', 'a']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: ${board}: is read-only (mode 0444); nothing was changed (allow changes with chmod u+w)\n`);
    expect(readFileSync(board).equals(before)).toBe(true);
    expect((await runCli(['list', '--db', board])).code).toBe(0);
  });

  it("a cell that really starts with '= survives export and import", async () => {
    const posts = [makePost({ id: 1, title: "'=SUM(A1)", author: "''=x" }), makePost({ id: 2, title: '=SUM(A1)', author: "'plain" })];
    const csv = join(tempDir(), 'out.csv');
    expect((await runCli(['export', '--db', writeBoard(makeBoard(posts)), '-o', csv])).code).toBe(0);
    const target = join(tempDir(), 'board.json');
    expect((await runCli(['import', csv, '--db', target])).code).toBe(0);
    expect(loadBoard(target).posts.map((post) => [post.title, post.author])).toEqual([
      ['=SUM(A1)', "'plain"],
      ["'=SUM(A1)", "''=x"],
    ]);
  });

  it('a cell opening with a double quote before = is guarded too: a spreadsheet reading TSV would strip the quote and compute it', async () => {
    const posts = [makePost({ id: 1, title: '"=2*3"', department: '"=HYPERLINK(""http://evil.example"";""클릭"")"', author: '"청정수소" 담당' })];
    const board = writeBoard(makeBoard(posts));
    for (const format of ['tsv', 'csv']) {
      const file = join(tempDir(), `out.${format}`);
      expect((await runCli(['export', '--db', board, '--format', format, '-o', file])).code).toBe(0);
      // Read as a spreadsheet reads it (Python's csv module, Excel's dialects): no cell is a formula.
      const dialect = format === 'tsv' ? 'excel-tab' : 'excel';
      const read = spawnSync('python3', ['-c', `import csv,sys,json; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig'), dialect='${dialect}'))))`, file], { encoding: 'utf8' });
      const cells = (JSON.parse(read.stdout) as string[][]).flat();
      expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
      // And import takes the guard off again.
      const target = join(tempDir(), 'board.json');
      expect((await runCli(['import', file, '--db', target])).code).toBe(0);
      expect(loadBoard(target).posts[0]).toMatchObject({ title: '"=2*3"', department: '"=HYPERLINK(""http://evil.example"";""클릭"")"', author: '"청정수소" 담당' });
    }
  });
});
