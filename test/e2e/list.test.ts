import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/board/dates.js';
import { runCli, SAMPLE_BOARD, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

const sample = JSON.parse(readFileSync(SAMPLE_BOARD, 'utf8')) as { posts: { id: number }[] };
const numbersIn = (stdout: string) => [...stdout.matchAll(/^\s*(\d{4})\s/gm)].map((match) => Number(match[1]));
const ANSI = /\x1b\[/;

describe('postboard list on the sample board', () => {
  it('shows 2932…2913, highest first, and says page 1 of 2', async () => {
    const result = await runCli(['list']);
    expect(result.code).toBe(0);
    expect(numbersIn(result.stdout)).toEqual(Array.from({ length: 20 }, (_, i) => 2932 - i));
    expect(result.stdout).toMatch(/No\.\s+Title\s+Author\s+Date\s+Views/);
    expect(result.stdout).toContain('청정수소, 글로벌 협력과 기술 공유의 장 열려');
    // The footer says which board this is, too: into a pipe, on stderr (the rows alone on stdout).
    expect(result.stderr).toBe('Page 1 of 2 · 21 posts · next: --page 2 · board ./data/posts.json\n');
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(22);
    expect(result.stdout).not.toContain('Page 1');
  });

  it('page 2 holds the press release 2912', async () => {
    const result = await runCli(['ls', '--page', '2']);
    expect(numbersIn(result.stdout)).toEqual([2912]);
    expect(result.stderr).toContain('Page 2 of 2 · 21 posts');
  });

  it('--limit, --sort and --asc', async () => {
    expect(numbersIn((await runCli(['list', '--limit', '3', '--sort', 'views'])).stdout)).toEqual([2920, 2913, 2918]);
    expect(numbersIn((await runCli(['list', '--limit', '2', '--asc'])).stdout)).toEqual([2912, 2913]);
  });

  it('--search looks in the body too', async () => {
    const result = await runCli(['list', '--search', '개발도상국 초청연수']);
    expect(numbersIn(result.stdout)).toEqual([2912]);
  });

  it('--format json gives the posts exactly as stored', async () => {
    const result = await runCli(['list', '--all', '--format', 'json']);
    expect(JSON.parse(result.stdout)).toEqual(sample.posts);
  });

  it('--format jsonl gives one post per line, and --fields picks keys', async () => {
    const result = await runCli(['list', '--limit', '3', '--format', 'jsonl', '--fields', 'id,views']);
    expect(result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      { id: 2932, views: 199 },
      { id: 2931, views: 204 },
      { id: 2930, views: 225 },
    ]);
  });

  it('speaks Korean with --lang ko, POSTBOARD_LANG or a Korean locale', async () => {
    for (const run of [
      runCli(['list', '--lang', 'ko']),
      runCli(['list'], { env: { POSTBOARD_LANG: 'ko' } }),
      runCli(['list'], { env: { LANG: 'ko_KR.UTF-8' } }),
      runCli(['list'], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'ko_KR.UTF-8' } }),
    ]) {
      const { stdout, stderr } = await run;
      expect(stdout).toMatch(/번호\s+제목\s+글쓴이\s+날짜\s+조회수/);
      expect(stderr).toContain('2쪽 중 1쪽 · 전체 21건');
    }
    expect((await runCli(['list', '--lang', 'en'], { env: { POSTBOARD_LANG: 'ko' } })).stdout).toContain('Title');
    expect((await runCli(['list'], { env: { POSTBOARD_LANG: 'en', LANG: 'ko_KR.UTF-8' } })).stdout).toContain('Title');
  });
});

describe('colour', () => {
  it('is off into a pipe, on with FORCE_COLOR, and NO_COLOR or --no-color always win', async () => {
    expect((await runCli(['list'])).stdout).not.toMatch(ANSI);
    expect((await runCli(['list'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runCli(['list'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runCli(['list', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runCli(['list'], { env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ANSI);
  });
});

describe('width', () => {
  const board = writeBoard(
    makeBoard([
      makePost({ id: 1, title: '대한민국 녹색산업의 주역인 창업가를 응원한다… 환경창업대전 개최 그리고 아주 긴 제목이 이어진다' }),
      makePost({ id: 2, title: '🌱 탄소중립 👩‍💻 디지털 전환 🇰🇷 mixed English 제목 and 한글', author: 'Ministry of Environment 환경부' }),
      makePost({ id: 3, title: 'ｆｕｌｌｗｉｄｔｈ　ＡＢＣ　「괄호」 and e\u0301 combining', status: 'hidden', views: 1234567 }),
    ]),
  );
  // Into a pipe the output is the table alone (the footer is on stderr).
  const tableLines = (stdout: string) => stdout.trimEnd().split('\n');

  it.each([20, 32, 40, 60, 80, 120])('at %i columns every table line is exactly as wide, and nothing is wider', async (width) => {
    for (const run of [runCli(['list', '--db', board, '--width', String(width)]), runCli(['list', '--db', board], { env: { COLUMNS: String(width) } })]) {
      const { stdout, stderr, code } = await run;
      expect(code).toBe(0);
      // The footer, on stderr, is fitted to the width too.
      expect(stringWidth(stderr.trimEnd())).toBeLessThanOrEqual(width);
      const widths = new Set(tableLines(stdout).map((line) => stringWidth(line)));
      expect(widths.size).toBe(1);
      const [tableWidth = 0] = widths;
      expect(tableWidth).toBeLessThanOrEqual(width);
      for (const line of stdout.trimEnd().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it('with room to spare nothing is cut; into a pipe there is no limit', async () => {
    const { stdout } = await runCli(['list', '--db', board]);
    expect(stdout).toContain('그리고 아주 긴 제목이 이어진다');
    expect(stdout).not.toContain('…  ');
    expect(new Set(tableLines(stdout).map((line) => stringWidth(line))).size).toBe(1);
  });

  it('a cut title ends in … and the hidden post is marked', async () => {
    const { stdout } = await runCli(['list', '--db', board, '--width', '60']);
    expect(stdout).toMatch(/^ {2}1 {2}대한민국… {2}/m);
    expect(stdout).toContain('[hidden]');
  });
});

describe('filters end to end', () => {
  it('--period counts back from today', async () => {
    const today = localDate(new Date());
    const eightDaysAgo = localDate(new Date(Date.now() - 8 * 86_400_000));
    const board = writeBoard(
      makeBoard([makePost({ id: 1001, date: today }), makePost({ id: 1002, date: eightDaysAgo }), makePost({ id: 1003, date: '2001-01-01' })]),
    );
    const ids = async (period: string) =>
      (JSON.parse((await runCli(['list', '--db', board, '--period', period, '--format', 'json'])).stdout) as { id: number }[]).map((post) => post.id);
    expect(await ids('day')).toEqual([1001]);
    expect(await ids('week')).toEqual([1001]);
    expect(await ids('month')).toEqual([1002, 1001]);
    // And in the table, by number.
    expect(numbersIn((await runCli(['list', '--db', board, '--period', 'day'])).stdout)).toEqual([1001]);
  });

  it('--search given twice: both must be there (never only the last one)', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: '원전 협력' }), makePost({ id: 2, title: '원전 점검' }), makePost({ id: 3, title: '기술 협력' })]));
    const ids = async (...args: string[]) => JSON.parse((await runCli(['list', '--db', board, '--format', 'json', ...args])).stdout).map((post: { id: number }) => post.id);
    expect(await ids('-s', '원전', '-s', '협력')).toEqual([1]);
    expect(await ids('--search', '협력', '--search', '기술')).toEqual([3]);
  });

  it('--status, --author and --department', async () => {
    const board = writeBoard(
      makeBoard([
        makePost({ id: 1, status: 'hidden', department: '환경부' }),
        makePost({ id: 2, author: '행정안전부 대변인', department: '행정안전부' }),
        makePost({ id: 3, department: '환경부' }),
      ]),
    );
    const ids = async (...args: string[]) =>
      JSON.parse((await runCli(['list', '--db', board, '--format', 'json', ...args])).stdout).map((post: { id: number }) => post.id);
    expect(await ids('--status', 'hidden')).toEqual([1]);
    expect(await ids('--status', 'published', '--department', '환경부')).toEqual([3]);
    expect(await ids('--author', '대변인')).toEqual([2]);
  });

  it('nothing matching is said on stderr, exit 0', async () => {
    const result = await runCli(['list', '--search', '없는낱말']);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'No posts match.\n' });
  });

  it('a page past the end says how many pages there are', async () => {
    const result = await runCli(['list', '--page', '9']);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'Page 9 is past the last page (2).\n' });
  });
});

describe('which board', () => {
  it('--db, else POSTBOARD_DB, else ./data/posts.json in the current folder', async () => {
    const dir = tempDir();
    const one = writeBoard(makeBoard([makePost({ id: 1 })]));
    const two = writeBoard(makeBoard([makePost({ id: 2 })]));
    const ids = async (args: string[], env: Record<string, string> = {}) =>
      JSON.parse((await runCli(['list', '--format', 'json', ...args], { env, cwd: dir })).stdout).map((post: { id: number }) => post.id);
    expect(await ids(['--db', one], { POSTBOARD_DB: two })).toEqual([1]);
    expect(await ids([], { POSTBOARD_DB: two })).toEqual([2]);
    copyFileSync(SAMPLE_BOARD, join(dir, 'data.json'));
    expect(await ids([])).toEqual([]);
  });

  it('a missing board is empty: says how to start on stderr, exit 0', async () => {
    const missing = join(tempDir(), 'none.json');
    const table = await runCli(['list', '--db', missing]);
    expect(table).toMatchObject({ code: 0, stdout: '' });
    expect(table.stderr).toBe(`No board at ${missing} yet. Post the first one with: postboard add --db ${missing}\n`);
    const json = await runCli(['list', '--db', missing, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual([]);
    // The hint names the board it was given: run as printed, it posts there, not to the default board.
    const hint = /with: postboard (.*)$/m.exec(table.stderr)![1]!.split(' ');
    expect((await runCli([...hint, '--title', '첫 글', '--author', 'a'])).code).toBe(0);
    expect((await runCli(['list', '--db', missing, '--format', 'jsonl', '--fields', 'title'])).stdout).toBe('{"title":"첫 글"}\n');
    // Run through npx, the hint says npx too.
    expect((await runCli(['list', '--db', join(tempDir(), 'other.json')], { env: { npm_command: 'exec' } })).stderr).toContain('Post the first one with: npx postboard add --db');
  });

  it('an empty board says so', async () => {
    const board = writeBoard(makeBoard([]));
    const result = await runCli(['list', '--db', board, '--lang', 'ko']);
    expect(result.stderr).toContain('게시판에 아직 글이 없습니다');
    expect(result.code).toBe(0);
  });
});

describe('a closed pipe', () => {
  it('is not an error: `postboard list --all | head -1` prints no stack', async () => {
    const many = writeBoard(makeBoard(Array.from({ length: 3000 }, (_, i) => makePost({ id: i + 1, body: 'x'.repeat(200) }))));
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" bin/postboard.js list --all --format jsonl --db "${many}" | head -1`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    expect(result.stdout.split('\n')).toHaveLength(2);
    expect(result.stderr).toBe('');
  });
});
