import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBoard, runCli, SAMPLE_BOARD, sampleCopy, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';
import { Terminal } from '../support/terminal.js';

/** What people trying postboard from outside ran into, each kept from coming back. */

describe('encodings', () => {
  it('a CP949 file whose Korean bytes happen to be valid UTF-8 too (표 is C7 A5) is read as CP949', async () => {
    const board = writeBoard(makeBoard([]));
    const csv = join(tempDir(), 'table.csv');
    // Row 2 is all such bytes: alone, it reads as UTF-8 (ǥ 1,ǥ); in this file it is CP949 like the rest.
    writeFileSync(csv, iconv.encode('제목,글쓴이\r\n표 1,표\r\n표,나\r\n', 'cp949'));
    expect(iconv.encode('표 1,표', 'cp949').toString('utf8')).toBe('ǥ 1,ǥ');
    const result = await runCli(['import', csv, '--db', board]);
    expect(result).toMatchObject({ code: 0, stdout: 'Imported: 2 added, 0 updated, 0 unchanged\n' });
    expect(loadBoard(board).posts.map((post) => [post.title, post.author])).toEqual([
      ['표', '나'],
      ['표 1', '표'],
    ]);
  });

  it('a board file that is not UTF-8 (re-saved as CP949) is refused, naming the line; nothing is written', async () => {
    const path = join(tempDir(), 'board.json');
    writeFileSync(path, iconv.encode(JSON.stringify(makeBoard([makePost({ id: 1, title: '한글 제목' })]), null, 2), 'cp949'));
    const before = readFileSync(path);
    const listed = await runCli(['list', '--db', path]);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toMatch(/line \d+ is not UTF-8 \(text saved in another encoding, such as CP949\?\); a board file is UTF-8/);
    const added = await runCli(['add', '--db', path, '--title', 't', '--author', 'a']);
    expect(added.code).toBe(1);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('the lock and the backup', () => {
  it("a named pipe where the board's lock goes is refused at once, not waited on", async () => {
    const board = sampleCopy();
    expect(spawnSync('mkfifo', [`${board}.lock`]).status).toBe(0);
    const started = Date.now();
    const result = await runCli(['add', '--db', board, '--title', 't', '--author', 'a'], { timeoutMs: 5000 });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${board}.lock is in the way of the board's lock and is not one postboard made`);
    expect(readFileSync(board).equals(readFileSync(SAMPLE_BOARD))).toBe(true);
  });

  it('undo after check --fix takes back the fix (it is not a redo)', async () => {
    const sample = loadBoard(SAMPLE_BOARD);
    const decomposed = sample.posts[0]!.title.normalize('NFD');
    sample.posts[0]!.title = decomposed;
    const path = writeBoard(sample);
    expect((await runCli(['check', '--db', path, '--fix'])).stdout).toContain('title composed to NFC');
    const undone = await runCli(['undo', '--db', path, '--yes']);
    expect(undone.code).toBe(0);
    expect(undone.stdout).toMatch(/^Undo the last change:/);
    expect(undone.stdout).not.toMatch(/redo/i);
    expect(loadBoard(path).posts[0]!.title).toBe(decomposed);
  });
});

describe('the pager', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  it('a pager that fails (PAGER=false) does not swallow the list: it is printed directly', async () => {
    terminal = Terminal.start(`postboard list --all --db '${SAMPLE_BOARD}'`, { env: { PAGER: 'false', LANG: 'en_US.UTF-8' }, height: 15 });
    await terminal.waitFor('21 posts');
    expect(await terminal.exited()).toBe(0);
  });
});

describe('what a change shows', () => {
  it('a body diff counts its blank lines, so the counts and the lines agree', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, body: '가\n\n나\n\n\n다' })]));
    expect((await runCli(['edit', '1', '--db', board, '--body', '새 본문'])).code).toBe(0);
    const undone = await runCli(['undo', '--db', board, '--yes']);
    expect(undone.stdout).toContain('Body: 1 line → 6 lines');
    expect(undone.stdout).toContain('+ (3 blank lines)');
  });
});

describe('an RSS feed never links to a made-up address', () => {
  it('without --feed-link there is no feed (RSS 2.0 requires the channel\'s link): a usage error says what to give, nothing is written', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: '출처 있는 글', source: { agency: '환경부', date: '2024-09-01', url: 'https://www.me.go.kr/home/web/board/read.do?id=1' } })]));
    const out = join(tempDir(), 'feed.xml');
    const result = await runCli(['export', '--db', board, '--format', 'rss', '--feed-title', 'ESG 정책뉴스', '-o', out]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain("error: --format rss needs --feed-link URL: the board's own web address (https://…)");
    expect(existsSync(out)).toBe(false);
    const ko = await runCli(['export', '--db', board, '--format', 'rss', '--lang', 'ko']);
    expect(ko.code).toBe(2);
    expect(ko.stderr).toContain('--format rss에는 --feed-link URL이 필요합니다');
  });

  it('with it, the channel links to the board and says what it is', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: '출처 있는 글', source: { agency: '환경부', date: '2024-09-01', url: 'https://www.me.go.kr/home/web/board/read.do?id=1' } })]));
    const result = await runCli(['export', '--db', board, '--format', 'rss', '--feed-title', 'ESG 정책뉴스', '--feed-link', 'https://esg.example.kr/news']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('<link>https://esg.example.kr/news</link>');
    expect(result.stdout).toContain('<description>ESG 정책뉴스</description>');
  });
});

