import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_BOARD, tempDir, writeBoard, loadBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';
import type { Post } from '../../src/board/post.js';

const file = (name: string, content: string | Buffer) => {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
};
const emptyBoard = () => join(tempDir(), 'board.json');

/** A board with what a round trip must carry: commas, quotes, line breaks, tabs, emoji, formulas, hidden posts. */
const tricky: Post[] = [
  makePost({ id: 7, title: '"청정수소", 글로벌 협력', body: '첫 줄\n둘째 줄\n\n셋째\t탭', department: '산업|통상부', views: 1234, source: { agency: '행정안전부', date: '2024-08-26', url: 'https://www.korea.kr/a?x=1&y=2' }, createdAt: '2024-09-02T00:00:00.000Z', updatedAt: '2024-09-03T00:00:00.000Z' }),
  makePost({ id: 5, title: '=SUM(A1:A9)', author: '-작가', department: '@부서', body: '+82 10', status: 'hidden', date: '2024-09-01' }),
  makePost({ id: 3, title: '이모지 👩‍💻🇰🇷', author: 'Emoji 작가', body: '\\ 백슬래시 \\n 아님', date: '2024-08-30' }),
];

describe('export → import reproduces the board', () => {
  const source = writeBoard(makeBoard(tricky, 9));
  it.each([
    ['json', ['--format', 'json'], 'board.json'],
    ['jsonl', ['--format', 'jsonl'], 'board.jsonl'],
    ['csv', [], 'board.csv'],
    ['csv with a BOM', ['--excel'], 'board.csv'],
    ['tsv', ['--format', 'tsv'], 'board.tsv'],
  ])('%s', async (_, exportArgs, name) => {
    const exported = join(tempDir(), name);
    expect((await runCli(['export', '--db', source, '-o', exported, ...exportArgs])).code).toBe(0);
    const target = emptyBoard();
    const imported = await runCli(['import', exported, '--db', target]);
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported: 3 added, 0 updated, 0 unchanged\n' });
    // JSON and JSONL exactly; CSV and TSV field for field (the same posts, every field equal).
    expect(loadBoard(target).posts).toEqual(tricky);
  });

  it('csv in CP949 (Korean Excel), with Korean headers: detected, decoded, field for field', async () => {
    const korean = tricky.map((post) => (post.id === 3 ? { ...post, title: '똠방각하 ㈜ 뷁 제목', author: '작가' } : post));
    const exported = join(tempDir(), '게시판.csv');
    expect((await runCli(['export', '--db', writeBoard(makeBoard(korean)), '-o', exported, '--encoding', 'cp949', '--header', 'ko'])).code).toBe(0);
    expect(readFileSync(exported).includes(Buffer.from('번호', 'utf8'))).toBe(false);
    const target = emptyBoard();
    expect((await runCli(['import', exported, '--db', target])).code).toBe(0);
    expect(loadBoard(target).posts).toEqual(korean);
  });

  it('the sample board, through JSON, key for key and in order', async () => {
    const exported = join(tempDir(), 'all.json');
    await runCli(['export', '--format', 'json', '-o', exported]);
    const target = emptyBoard();
    await runCli(['import', exported, '--db', target]);
    expect(JSON.stringify(loadBoard(target).posts)).toBe(JSON.stringify(loadBoard(SAMPLE_BOARD).posts));
    expect(loadBoard(target).lastId).toBe(2932);
  });
});

describe('postboard import', () => {
  it('reads a board file too, and stdin with the format sniffed', async () => {
    const target = emptyBoard();
    expect((await runCli(['import', SAMPLE_BOARD, '--db', target])).code).toBe(0);
    const jsonl = tricky.map((post) => JSON.stringify(post)).join('\n');
    const fromStdin = await runCli(['import', '-', '--db', emptyBoard()], { input: jsonl });
    expect(fromStdin.stdout).toBe('Imported: 3 added, 0 updated, 0 unchanged\n');
  });

  it('--format overrides the file name', async () => {
    const path = file('posts.txt', 'id,title,author,date\n1,제목,작가,2024-09-02\n');
    const target = emptyBoard();
    expect((await runCli(['import', path, '--db', target, '--format', 'csv'])).code).toBe(0);
    expect(loadBoard(target).posts[0]).toMatchObject({ id: 1, title: '제목', views: 0, status: 'published' });
  });

  it('all or nothing: one bad record, nothing written, every bad record named by row and field', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1 })]));
    const before = readFileSync(board);
    const csv = file('bad.csv', 'id,title,author,date,views,status,source_url\n2,좋은 글,작가,2024-09-02,0,published,\n3,,작가,2024-02-30,0,published,\n4,글,작가,2024-09-02,-5,draft,ftp://x\n');
    const result = await runCli(['import', csv, '--db', board]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `error: ${csv} row 3: title must not be empty`,
      `error: ${csv} row 3: date "2024-02-30" is not a real calendar date (YYYY-MM-DD)`,
      `error: ${csv} row 4: views "-5" must be 0 or more`,
      `error: ${csv} row 4: status "draft" must be published (노출) or hidden (비노출)`,
      `error: ${csv} row 4: source.url "ftp://x" must be an http or https URL`,
    ]);
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('--skip-invalid imports the rest and says what it skipped', async () => {
    const board = emptyBoard();
    const jsonl = file('posts.jsonl', `${JSON.stringify({ id: 1, title: 'a', author: 'b', date: '2024-09-02' })}\n{broken\n${JSON.stringify({ id: 2, title: '', author: 'b' })}\n`);
    const result = await runCli(['import', jsonl, '--db', board, '--skip-invalid']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Imported: 1 added, 0 updated, 0 unchanged, 2 invalid\n');
    // Each skipped record with its reasons, not only "invalid".
    expect(result.stderr).toBe(
      `${jsonl} line 2: skipped: not valid JSON (Expected property name or '}')\n${jsonl} line 3: skipped: title must not be empty\n`,
    );
    expect(loadBoard(board).posts.map((post) => post.id)).toEqual([1]);
  });

  it("keeps a record's number when free; a number already on the board is skipped and said why; --renumber gives new ones to all", async () => {
    const board = writeBoard(makeBoard([makePost({ id: 10 })], 12));
    const json = file('in.json', JSON.stringify([{ id: 10, title: 'taken', author: 'a' }, { id: 3, title: 'free', author: 'a' }, { title: 'no number', author: 'a' }]));
    const result = await runCli(['import', json, '--db', board]);
    expect(result.stdout).toBe('Imported: 2 added, 0 updated, 0 unchanged, 1 skipped\n');
    expect(result.stderr).toBe(`${json} item 1: skipped: post 10 is on the board with other content (--update applies the changes; --renumber adds it as a new post)\n`);
    const saved = loadBoard(board);
    expect(saved.posts.map((post) => [post.id, post.title])).toEqual([
      [13, 'no number'],
      [10, '글 10'],
      [3, 'free'],
    ]);
    expect(saved.lastId).toBe(13);
    // Under new numbers: the posts with a number; the one without is the post it became last time.
    const renumbered = await runCli(['import', json, '--db', board, '--renumber']);
    expect(renumbered.stderr).toBe(`${json} item 3: skipped: the same post is already on the board as post 13 (imported before)\n`);
    expect(loadBoard(board).posts.slice(0, 3).map((post) => [post.id, post.title])).toEqual([
      [15, 'free'],
      [14, 'taken'],
      [13, 'no number'],
    ]);
  });

  it('a source URL already on the board is skipped and reported; --allow-duplicate imports it', async () => {
    const board = emptyBoard();
    await runCli(['import', SAMPLE_BOARD, '--db', board]);
    const again = await runCli(['import', SAMPLE_BOARD, '--db', board, '--renumber']);
    expect(again.stdout).toBe('Imported: 20 added (20 under a new number), 0 updated, 0 unchanged, 1 skipped\n');
    expect(again.stderr).toBe(`${SAMPLE_BOARD} item 21: skipped: its source URL is already on the board as post 2912\n`);
    const allowed = await runCli(['import', SAMPLE_BOARD, '--db', board, '--allow-duplicate', '--renumber']);
    expect(allowed.stdout).toBe('Imported: 21 added (21 under a new number), 0 updated, 0 unchanged\n');
  });

  it('a sheet imported again tells the first ten skipped rows and counts the rest', async () => {
    const rows = Array.from({ length: 15 }, (_, i) => `보도자료 ${i + 1},기자,2024-09-0${(i % 9) + 1},https://www.korea.kr/news/${i + 1}`);
    const sheet = file('sheet.csv', `title,author,date,source_url\n${rows.join('\n')}\n`);
    const board = emptyBoard();
    await runCli(['import', sheet, '--db', board]);
    const again = await runCli(['import', sheet, '--db', board]);
    expect(again.stdout).toBe('Imported: 0 added, 0 updated, 0 unchanged, 15 skipped\n');
    const lines = again.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe(`${sheet} row 2: skipped: its source URL is already on the board as post 1`);
    expect(lines[10]).toBe('… and 5 more rows skipped as already on the board (counted below)');
  });

  it('takes off the formula guard\'s apostrophe, and only that', async () => {
    const csv = file('guarded.csv', "id,title,author,body\n1,'=SUM(A1),'-작가,'평범한 글\n");
    const board = emptyBoard();
    await runCli(['import', csv, '--db', board]);
    expect(loadBoard(board).posts[0]).toMatchObject({ title: '=SUM(A1)', author: '-작가', body: "'평범한 글" });
  });

  it('--dry-run says what would happen and writes nothing', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1 })]));
    const before = readFileSync(board);
    const result = await runCli(['import', SAMPLE_BOARD, '--db', board, '--dry-run']);
    expect(result.stdout.split('\n').at(-2)).toBe('Would import: 21 added, 0 updated, 0 unchanged');
    expect(result.stdout).toContain('+ post 2912: 세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다');
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('names columns it ignores, and refuses a file it cannot read', async () => {
    const csv = file('extra.csv', 'id,title,author,pinned\n1,t,a,yes\n');
    const result = await runCli(['import', csv, '--db', emptyBoard()]);
    expect(result.stderr).toBe('ignored columns no field answers to: pinned\n');
    const missing = await runCli(['import', '/nonexistent.csv', '--db', emptyBoard()]);
    expect(missing).toMatchObject({ code: 1, stderr: 'error: cannot read /nonexistent.csv (ENOENT: no such file or folder)\n' });
  });

  it('text is stored as add stores it: trimmed, NFC, line ends as LF', async () => {
    const json = file('in.json', JSON.stringify([{ title: `  ${'청정수소'.normalize('NFD')} `, author: 'a', body: '첫 줄\r\n둘째 줄' }]));
    const board = emptyBoard();
    await runCli(['import', json, '--db', board]);
    expect(loadBoard(board).posts[0]).toMatchObject({ title: '청정수소', body: '첫 줄\n둘째 줄' });
  });
});
