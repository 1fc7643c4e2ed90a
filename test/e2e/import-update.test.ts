import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadBoard, runCli, sampleCopy, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

/**
 * The Excel round trip: export for Korean Excel, edit there, save (Korean Excel saves CSV as
 * CP949, CRLF, quoting only where needed; a time it reads as a date, such as an older export's
 * `2024-09-02 09:00:00`, it saves as it shows it, without the seconds; the exact times exports
 * write now, with their offset, it keeps as text), import back with --update. The edits land;
 * nothing is duplicated; nothing else changes.
 */
function excelSave(csv: string, edit: (rows: string[][]) => void): Buffer {
  const rows = parseCsv(csv, { bom: true, relax_column_count: true }) as string[][];
  edit(rows);
  // What Excel shows for 2024-09-02 09:00:00 is what it saves.
  for (const row of rows.slice(1)) for (let i = 0; i < row.length; i++) row[i] = row[i]!.replace(/^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}):\d{2}$/, '$1');
  return iconv.encode(stringify(rows, { record_delimiter: '\r\n' }), 'cp949');
}

const seoul = { TZ: 'Asia/Seoul' };

describe('the Excel round trip: export --header ko, edit in Excel (CP949), import --update', () => {
  it('edited titles and views land on their posts, new rows are added, nothing else changes', async () => {
    const board = sampleCopy();
    const exported = await runCli(['export', '--db', board, '--header', 'ko'], { env: seoul });
    const before = loadBoard(board);
    const saved = excelSave(exported.stdout, (rows) => {
      const header = rows[0]!;
      expect(header.slice(0, 8)).toEqual(['번호', '제목', '부제', '글쓴이', '담당부서', '날짜', '조회수', '상태']);
      const row2912 = rows.find((row) => row[0] === '2912')!;
      row2912[1] = '세계 최고 디지털플랫폼정부, 10개국에 전파';
      row2912[6] = '300';
      rows.find((row) => row[0] === '2913')![7] = '비노출';
      // A new row typed at the bottom, without a number.
      rows.push(['', '엑셀에서 쓴 새 글', '', '한국생산성본부', '환경부', '2024-09-10', '', '노출', '본문', '', '', '', '', '']);
    });
    const file = join(tempDir(), '게시판.csv');
    writeFileSync(file, saved);

    // The plan first: per post, each field old → new, then the counts.
    const plan = await runCli(['import', file, '--db', board, '--update', '--dry-run'], { env: seoul });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toBe(
      [
        '~ post 2913: 2024년 「건설근로자 종합생활 실태조사 결과」발표',
        '    Status: published → hidden',
        '~ post 2912: 세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다',
        '    Title: 세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다 → 세계 최고 디지털플랫폼정부, 10개국에 전파',
        '    Views: 216 → 300',
        '+ post 2933: 엑셀에서 쓴 새 글',
        'Would import: 1 added, 2 updated, 19 unchanged',
        '',
      ].join('\n'),
    );
    expect(loadBoard(board)).toEqual(before);

    const result = await runCli(['import', file, '--db', board, '--update'], { env: seoul });
    expect(result).toMatchObject({ code: 0, stdout: 'Imported: 1 added, 2 updated, 19 unchanged\n', stderr: '' });
    const after = loadBoard(board);
    expect(after.posts).toHaveLength(22);
    const post2912 = after.posts.find((post) => post.id === 2912)!;
    const old2912 = before.posts.find((post) => post.id === 2912)!;
    expect(post2912).toEqual({ ...old2912, title: '세계 최고 디지털플랫폼정부, 10개국에 전파', views: 300, updatedAt: post2912.updatedAt });
    expect(post2912.updatedAt).not.toBe(old2912.updatedAt);
    expect(after.posts.find((post) => post.id === 2913)?.status).toBe('hidden');
    expect(after.posts.find((post) => post.id === 2933)).toMatchObject({ title: '엑셀에서 쓴 새 글', department: '환경부', status: 'published', views: 0 });
    // Every post nobody touched is exactly as it was (timestamps included, though Excel dropped their seconds).
    for (const post of before.posts.filter((p) => p.id !== 2912 && p.id !== 2913)) expect(after.posts.find((p) => p.id === post.id)).toEqual(post);

    // The same file again: nothing left to do.
    const again = await runCli(['import', file, '--db', board, '--update'], { env: seoul });
    expect(again.stdout).toBe('Imported: 0 added, 0 updated, 21 unchanged, 1 skipped\n');
    // The new row of the sheet is the post it became, not a second one.
    expect(again.stderr).toBe(`${file} row 23: skipped: the same post is already on the board as post 2933 (imported before)\n`);
    expect(loadBoard(board).posts).toHaveLength(22);
  });

  it('a plain import of an export of the same board adds nothing, and says why', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    for (const args of [[], ['--header', 'ko'], ['--format', 'json'], ['--format', 'tsv']]) {
      const exported = join(tempDir(), `export.${args.includes('json') ? 'json' : args.includes('tsv') ? 'tsv' : 'csv'}`);
      expect((await runCli(['export', '--db', board, '-o', exported, ...args])).code).toBe(0);
      const result = await runCli(['import', exported, '--db', board]);
      expect(result).toMatchObject({ code: 0, stdout: 'Imported: 0 added, 0 updated, 21 unchanged\n', stderr: '' });
    }
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('CSV and TSV for people (--header ko|en) into a new board keep every field, times to the millisecond, wherever they are imported', async () => {
    const posts = [
      makePost({ id: 1, title: '밀리초까지', createdAt: '2024-09-05T00:00:00.123Z', updatedAt: '2024-09-05T01:02:03.987Z' }),
      makePost({ id: 2, title: '자정 직전', status: 'hidden', createdAt: '2024-12-31T14:59:59.999Z', updatedAt: '2024-12-31T15:00:00.001Z' }),
      makePost({ id: 3, title: '시각 없음' }),
    ];
    const board = writeBoard(makeBoard(posts));
    for (const args of [['--header', 'ko'], ['--header', 'en'], ['--header', 'ko', '--format', 'tsv'], ['--header', 'ko', '--encoding', 'cp949']]) {
      const file = join(tempDir(), `people.${args.includes('tsv') ? 'tsv' : 'csv'}`);
      expect((await runCli(['export', '--db', board, '-o', file, ...args], { env: seoul })).code).toBe(0);
      // Made in Seoul, brought in where it is another day: the offset says which moment it was.
      const copy = join(tempDir(), 'copy.json');
      const result = await runCli(['import', file, '--db', copy], { env: { TZ: 'America/Los_Angeles' } });
      expect(result).toMatchObject({ code: 0, stdout: 'Imported: 3 added, 0 updated, 0 unchanged\n' });
      expect(loadBoard(copy).posts.sort((a, b) => a.id - b.id)).toEqual(posts);
    }
  });

  it('with --update, a number that is not on the board is an error naming the row; nothing is written', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const file = join(tempDir(), 'edit.csv');
    writeFileSync(file, '번호,제목\r\n2912,새 제목\r\n4040,없는 글\r\n');
    const result = await runCli(['import', file, '--db', board, '--update']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${file} row 3: post 4040 is not on the board (--update changes posts that are; leave the number out to add it)\n`);
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('only the columns a file has are changed: a sheet of 번호 and 제목 changes titles and nothing else', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: '옛 제목', department: '환경부', views: 7, body: '본문' })]));
    const file = join(tempDir(), 'titles.csv');
    writeFileSync(file, 'No.,Title\r\n1,새 제목\r\n');
    expect((await runCli(['import', file, '--db', board, '--update'])).code).toBe(0);
    expect(loadBoard(board).posts[0]).toMatchObject({ id: 1, title: '새 제목', department: '환경부', views: 7, body: '본문' });
  });

  it('columns are known by a fixed table of names, in any language an export ever wrote, or a person would', async () => {
    const board = join(tempDir(), 'board.json');
    const file = join(tempDir(), 'mine.csv');
    writeFileSync(file, '글번호,Subject,작성자,부서,등록일,조회 수,노출여부,본문,원문 URL\r\n7,제목,홍길동,환경부,2024-09-02,"1,234",비노출,내용,https://example.go.kr/7\r\n');
    const result = await runCli(['import', file, '--db', board]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(loadBoard(board).posts[0]).toMatchObject({
      id: 7,
      title: '제목',
      author: '홍길동',
      department: '환경부',
      date: '2024-09-02',
      views: 1234,
      status: 'hidden',
      body: '내용',
      source: { url: 'https://example.go.kr/7' },
    });
  });

  it('in Korean, every message is Korean: places, fields, reasons', async () => {
    const board = join(tempDir(), 'board.json');
    const file = join(tempDir(), 'bad.csv');
    writeFileSync(file, '제목,글쓴이,날짜\r\n,작가,2024-02-30\r\n');
    const result = await runCli(['import', file, '--db', board, '--lang', 'ko']);
    expect(result.stderr).toBe(`오류: ${file} 2행: 제목: 비어 있으면 안 됩니다\n오류: ${file} 2행: 날짜 "2024-02-30": 실제 날짜(YYYY-MM-DD)가 아닙니다\n`);
  });

  it('a file made before a post was changed does not undo that change: refused by row, unless --force', async () => {
    const board = sampleCopy();
    const file = join(tempDir(), 'old.csv');
    expect((await runCli(['export', '--db', board, '--header', 'ko', '-o', file], { env: seoul })).code).toBe(0);
    // Someone changes 2912 after the export...
    expect((await runCli(['edit', '2912', '--views', '1234', '--db', board])).code).toBe(0);
    // ...and the old file, with another edit of 2912, comes back.
    const rows = parseCsv(readFileSync(file), { bom: true }) as string[][];
    rows.find((row) => row[0] === '2912')![1] = '엑셀에서 고친 제목';
    writeFileSync(file, stringify(rows, { record_delimiter: '\r\n' }));
    const refused = await runCli(['import', file, '--db', board, '--update'], { env: seoul });
    expect(refused.code).toBe(2);
    // The sample post had no time when the file was made; the board's change is said to the millisecond.
    expect(refused.stderr).toMatch(/row \d+: post 2912 was changed on the board \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\) after this file's version of it, and this row changes it too; export it again and redo the row's edit, --skip-invalid to import the other rows, or --force to overwrite that change/);
    expect(loadBoard(board).posts.find((post) => post.id === 2912)?.views).toBe(1234);
    const forced = await runCli(['import', file, '--db', board, '--update', '--force'], { env: seoul });
    expect(forced.code).toBe(0);
    expect(loadBoard(board).posts.find((post) => post.id === 2912)).toMatchObject({ title: '엑셀에서 고친 제목', views: 216 });
  });

  it('new posts from a sheet without time columns are stamped now, as add stamps them', async () => {
    const board = join(tempDir(), 'board.json');
    const file = join(tempDir(), 'plain.csv');
    writeFileSync(file, '제목,글쓴이\r\n새 글,작가\r\n');
    await runCli(['import', file, '--db', board]);
    const [post] = loadBoard(board).posts;
    expect(post?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(post?.updatedAt).toBe(post?.createdAt);
  });
});
