import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBoard, runCli, sampleCopy, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

/**
 * Import files as spreadsheets and other programs really leave them: broken quotes, old Mac
 * line ends, rows cut short, dates re-written the spreadsheet's way, a post named twice,
 * devices and pipes given for a file.
 */

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

const seoul = { TZ: 'Asia/Seoul' };

describe('CSV whose quoting is broken', () => {
  it('a quote that never closes is refused whole, naming its row, even with --skip-invalid; the board is unchanged', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const csv = file('broken.csv', 'title,author\r\n첫 글,가\r\n"닫히지 않은 따옴표,나\r\n셋째 글,다\r\n넷째 글,라\r\n');
    for (const extra of [[], ['--skip-invalid']]) {
      const result = await runCli(['import', csv, '--db', board, ...extra]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`error: ${csv} row 3: a quote (") opens there and never closes as CSV closes it, so no row after it can be told apart; nothing imported. Fix the quotes (a quote inside a cell is written "")\n`);
      expect(readFileSync(board).equals(before)).toBe(true);
    }
  });
});

describe('UTF-8 that a program read as Windows-1252 and saved again (LibreOffice with its default character set)', () => {
  /** The file as such a program leaves it: every UTF-8 byte taken for a Windows-1252 character, written back as UTF-8. */
  const misread = (text: string): Buffer => Buffer.from(new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8')), 'utf8');

  it('is refused, naming the row and what it holds, before anything is added: with its byte-order mark, or without one', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const exported = await runCli(['export', '--db', board]);
    const withBom = file('board-back.csv', misread(exported.stdout));
    const refused = await runCli(['import', withBom, '--update', '--db', board]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`error: ${withBom}: row 1 holds "ï»¿": UTF-8 text that a program read as Windows-1252 and saved again, which turns every Korean letter into three others; nothing imported. Import the file as it was exported, or open it again choosing UTF-8 as the character set (LibreOffice: Character set "Unicode (UTF-8)")\n`);
    const withoutBom = file('no-bom.csv', misread('title,author\r\n청정수소 협력,한국생산성본부\r\n'));
    expect((await runCli(['import', withoutBom, '--db', board])).stderr).toContain('row 2 holds "ì²<U+00AD>": UTF-8 text that a program read as Windows-1252');
    expect(readFileSync(board).equals(before)).toBe(true);
    // A file of European names with an ì or an ê in them is no such file.
    const european = file('names.csv', 'title,author\r\nCaffè e città,Nicolò Rossi\r\nLe rêve,Hélène Gênes\r\n');
    expect((await runCli(['import', european, '--db', board])).code).toBe(0);
  });
});

describe('line ends and short rows', () => {
  it('a TSV with old Mac line ends (CR alone) is read row by row', async () => {
    const board = writeBoard(makeBoard([]));
    const tsv = file('mac.tsv', 'title\tauthor\r첫 글\t가\r둘째 글\t나\r');
    const result = await runCli(['import', tsv, '--db', board]);
    expect(result).toMatchObject({ code: 0, stdout: 'Imported: 2 added, 0 updated, 0 unchanged\n' });
    expect(loadBoard(board).posts.map((post) => post.title)).toEqual(['둘째 글', '첫 글']);
  });

  it('a row shorter than the header changes only the cells it has: the missing ones are not emptied', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 7, title: '옛 제목', department: '환경부', source: { agency: '환경부', date: '2024-09-01', url: 'https://example.go.kr/7' } })]));
    const csv = file('short.csv', '번호,제목,담당부서,출처 기관\r\n7,새 제목\r\n');
    const result = await runCli(['import', csv, '--db', board, '--update']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Imported: 0 added, 1 updated, 0 unchanged\n');
    expect(loadBoard(board).posts[0]).toMatchObject({ id: 7, title: '새 제목', department: '환경부', source: { agency: '환경부' } });
  });
});

describe('what export guards, import unguards — unless told not to', () => {
  it("a cell '=SUM(A1) comes back as =SUM(A1); with --no-formula-guard as written", async () => {
    const csv = file('guarded.csv', "title,author\r\n'=SUM(A1),가\r\n");
    const guarded = writeBoard(makeBoard([]));
    expect((await runCli(['import', csv, '--db', guarded])).code).toBe(0);
    expect(loadBoard(guarded).posts[0]?.title).toBe('=SUM(A1)');
    const kept = writeBoard(makeBoard([]));
    expect((await runCli(['import', csv, '--db', kept, '--no-formula-guard'])).code).toBe(0);
    expect(loadBoard(kept).posts[0]?.title).toBe("'=SUM(A1)");
  });
});

describe('dates and times as spreadsheets re-write them', () => {
  it('2024. 9. 6. and 2024/9/6 are dates; 오후 3:04 and 9:00 are times, read in local time', async () => {
    const board = writeBoard(makeBoard([]));
    const csv = file(
      'sheet.csv',
      ['제목,글쓴이,날짜,출처 날짜,작성일시,수정일시', '한국식,가,2024. 9. 6.,2024/9/5,2024. 9. 6. 오후 3:04,2024-09-06 9:00', '미국식,나,2024-9-7,,2024/9/7 3:04 PM,2024-09-07 15:04:05'].join('\r\n'),
    );
    const result = await runCli(['import', csv, '--db', board], { env: seoul });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [second, first] = loadBoard(board).posts;
    expect(first).toMatchObject({ title: '한국식', date: '2024-09-06', source: { date: '2024-09-05' }, createdAt: '2024-09-06T06:04:00.000Z', updatedAt: '2024-09-06T00:00:00.000Z' });
    expect(second).toMatchObject({ title: '미국식', date: '2024-09-07', createdAt: '2024-09-07T06:04:00.000Z', updatedAt: '2024-09-07T06:04:05.000Z' });
  });

  it('a time that is no time (오후 13:00, 2024-02-30 1:00) is refused, naming it', async () => {
    const board = writeBoard(makeBoard([]));
    const csv = file('bad.csv', '제목,글쓴이,작성일시\r\n가,나,2024. 9. 6. 오후 13:00\r\n다,라,2024-02-30 1:00\r\n');
    const result = await runCli(['import', csv, '--db', board]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('row 2: createdAt "2024. 9. 6. 오후 13:00"');
    expect(result.stderr).toContain('row 3: createdAt "2024-02-30 1:00"');
  });
});

describe('--update with one post in more than one row', () => {
  it('two rows saying different things about one post: the second is refused, naming the first', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 7, title: '옛 제목' })]));
    const before = readFileSync(board);
    const csv = file('twice.csv', 'id,title\r\n7,하나\r\n7,둘\r\n');
    const result = await runCli(['import', csv, '--db', board, '--update']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${csv} row 3: post 7 is changed by row 2 already, differently; keep one of the two rows\n`);
    expect(readFileSync(board).equals(before)).toBe(true);
    // The same row twice (a sheet pasted onto itself) is one change.
    const same = file('same.csv', 'id,title\r\n7,하나\r\n7,하나\r\n');
    expect(await runCli(['import', same, '--db', board, '--update'])).toMatchObject({ code: 0, stdout: 'Imported: 0 added, 1 updated, 1 unchanged\n' });
    expect(loadBoard(board).posts[0]?.title).toBe('하나');
  });

  it('a post whose source URL changes gives its old URL up: a new row may carry it', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 7, title: '옮긴 글', source: { agency: '환경부', date: '2024-09-01', url: 'https://example.go.kr/old' } })]));
    const csv = file('moved.csv', 'id,title,author,source_url\r\n7,옮긴 글,작가,https://example.go.kr/new\r\n,새 글,작가,https://example.go.kr/old\r\n');
    const result = await runCli(['import', csv, '--db', board, '--update']);
    expect(result).toMatchObject({ code: 0, stdout: 'Imported: 1 added, 1 updated, 0 unchanged\n' });
    expect(loadBoard(board).posts.map((post) => [post.id, post.source?.url])).toEqual([
      [8, 'https://example.go.kr/old'],
      [7, 'https://example.go.kr/new'],
    ]);
  });

  it("a post given the URL of a new row earlier in the file is refused as that, not as another post's", async () => {
    const board = writeBoard(makeBoard([makePost({ id: 7, title: '글' })]));
    const csv = file('taken.csv', 'id,title,author,source_url\r\n,새 글,작가,https://example.go.kr/x\r\n7,글,작가,https://example.go.kr/x\r\n');
    const result = await runCli(['import', csv, '--db', board, '--update']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${csv} row 3: its source URL is a new post's earlier in the file\n`);
  });
});

describe('what is given for a file', () => {
  it('a device (/dev/zero) is refused at once, for import, --body-file and --from-draft', async () => {
    const board = sampleCopy();
    const imported = await runCli(['import', '/dev/zero', '--db', board], { timeoutMs: 5000 });
    expect(imported).toMatchObject({ code: 1, stderr: 'error: cannot read /dev/zero (ENOTFILE: a device, not a file)\n' });
    const body = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--body-file', '/dev/zero'], { timeoutMs: 5000 });
    expect(body).toMatchObject({ code: 1, stderr: 'error: --body-file: cannot read /dev/zero (ENOTFILE: a device, not a file)\n' });
    const draft = await runCli(['add', '--db', board, '--from-draft', '/dev/zero'], { timeoutMs: 5000 });
    expect(draft.code).toBe(2);
    expect(draft.stderr).toContain('--from-draft: cannot read /dev/zero (ENOTFILE: a device, not a file)');
  });

  it('a named pipe is read to its end, as a file would be (<(…) in bash is one)', async () => {
    const board = writeBoard(makeBoard([]));
    const fifo = join(tempDir(), 'rows.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `sleep 0.3; printf 'title,author\\r\\n파이프로 온 글,가\\r\\n' > '${fifo}'`]);
    const result = await runCli(['import', fifo, '--db', board, '--format', 'csv']);
    writer.kill();
    expect(result).toMatchObject({ code: 0, stdout: 'Imported: 1 added, 0 updated, 0 unchanged\n' });
    expect(loadBoard(board).posts[0]?.title).toBe('파이프로 온 글');
  });

  it('export -o - writes to stdout, as most tools take it', async () => {
    const board = sampleCopy();
    // (Run in a folder of its own: an old build would have written a file named -.)
    const dashed = await runCli(['export', '--db', board, '--format', 'jsonl', '-o', '-'], { cwd: tempDir() });
    const plain = await runCli(['export', '--db', board, '--format', 'jsonl']);
    expect(dashed.code).toBe(0);
    expect(dashed.stdout).toBe(plain.stdout);
    expect(dashed.stdout.trimEnd().split('\n')).toHaveLength(loadBoard(board).posts.length);
  });
});
