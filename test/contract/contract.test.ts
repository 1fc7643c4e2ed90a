import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { makePost } from '../support/posts.js';
import { boardOf, emptyBoardOf, KINDS, listed, on, postsOf, type Kind } from './boards.js';

/**
 * One behaviour, every backend: every test here runs against a JSON board, a SQLite board and a
 * PostgreSQL board, through the real command line, and against a board in memory, the same
 * commands run in-process (see boards.ts); each must give the same answers.
 */

/** A board with something for every filter, order and search to tell apart. */
const FIXTURE = [
  makePost({ id: 1, title: '원전 안전 점검 결과', author: '산업통상자원부 대변인', department: '산업통상자원부', date: '2024-08-01', views: 120, body: '원자력 발전소 안전 점검을 마쳤다.' }),
  makePost({ id: 2, title: 'ESG 정책 설명회', author: '환경부', department: '환경부', date: '2024-08-15', views: 300, body: 'esg 공시 제도를 설명한다.\n\n문의: 환경부' }),
  makePost({ id: 3, title: '10대 과제 발표', author: '기획재정부', department: '기획재정부', date: '2024-08-15', views: 300, status: 'hidden', body: '물 관리 10대 과제' }),
  makePost({ id: 4, title: '2대 전략', author: '환경부 대변인', department: '환경부', date: '2024-09-01', views: 5, body: '100% 재생에너지_전환 계획' }),
  makePost({ id: 5, title: 'abc 기술 협력', author: 'Kim', department: '', date: '2024-09-02', views: 50, body: 'ABC Technology partnership' }),
  // Decomposed Hangul, as some systems store it: found by what it looks like.
  makePost({ id: 6, title: '수소 경제'.normalize('NFD'), author: '산업통상자원부', department: '산업통상자원부', date: '2024-09-03', views: 7, body: '청정수소 인증제' }),
  makePost({ id: 7, title: '가나다 순서', subtitle: '부제도 옮겨진다', author: '행정안전부', department: '행정\u200b안전부', date: '2024-09-04', views: 0, body: '', source: { agency: '행정안전부', date: '2024-09-03', url: 'https://www.korea.kr/news/7' } }),
];

describe.each(KINDS)('the %s board', (kind: Kind) => {
  it('filters: status, author and department (in any case, invisible characters ignored), dates, together', async () => {
    const board = await boardOf(kind, FIXTURE);
    expect(await listed(board)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(await listed(board, ['--status', 'hidden'])).toEqual([3]);
    expect(await listed(board, ['--status', '노출'])).toEqual([7, 6, 5, 4, 2, 1]);
    expect(await listed(board, ['--author', '대변인'])).toEqual([4, 1]);
    expect(await listed(board, ['--author', 'kim'])).toEqual([5]);
    expect(await listed(board, ['--department', '행정안전부'])).toEqual([7]);
    expect(await listed(board, ['--since', '2024-08-15', '--until', '2024-09-01'])).toEqual([4, 3, 2]);
    expect(await listed(board, ['--department', '환경부', '--since', '2024-09-01'])).toEqual([4]);
  });

  it('orders: by number, date and views with ties to the higher number, and titles in 가나다 order', async () => {
    const board = await boardOf(kind, FIXTURE);
    expect(await listed(board, ['--sort', 'id', '--asc'])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await listed(board, ['--sort', 'date'])).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(await listed(board, ['--sort', 'date', '--asc'])).toEqual([1, 3, 2, 4, 5, 6, 7]);
    expect(await listed(board, ['--sort', 'views'])).toEqual([3, 2, 1, 5, 6, 4, 7]);
    expect(await listed(board, ['--sort', 'views', '--asc'])).toEqual([7, 4, 6, 5, 1, 3, 2]);
    // Numbers by value (2 before 10), then Hangul 가나다, then Latin.
    expect(await listed(board, ['--sort', 'title'])).toEqual([4, 3, 7, 6, 1, 5, 2]);
    expect(await listed(board, ['--sort', 'title', '--desc'])).toEqual([2, 5, 1, 6, 7, 3, 4]);
  });

  it('search: Korean and English in any case, NFC, words of one and two letters, phrases, % and _ as text', async () => {
    const board = await boardOf(kind, FIXTURE);
    expect(await listed(board, ['--search', '안전 점검'])).toEqual([1]);
    expect(await listed(board, ['--search', '"안전 점검"'])).toEqual([1]);
    expect(await listed(board, ['--search', 'esg'])).toEqual([2]);
    expect(await listed(board, ['--search', 'ABC'])).toEqual([5]);
    expect(await listed(board, ['--search', 'technology'])).toEqual([5]);
    expect(await listed(board, ['--search', '수소'])).toEqual([6]);
    expect(await listed(board, ['--search', '원전'])).toEqual([1]);
    expect(await listed(board, ['--search', '물'])).toEqual([3]);
    expect(await listed(board, ['--search', '과제'])).toEqual([3]);
    expect(await listed(board, ['--search', '100%'])).toEqual([4]);
    expect(await listed(board, ['--search', '%'])).toEqual([4]);
    expect(await listed(board, ['--search', '_'])).toEqual([4]);
    expect(await listed(board, ['--search', '없는말'])).toEqual([]);
    // Title and body are apart: a word across their border is no word.
    expect(await listed(board, ['--search', '결과원자'])).toEqual([]);
    expect(await listed(board, ['--search', '환경부', '--status', 'published'])).toEqual([2]);
  });

  it('pages: the total is every match, pages add up to it, a page past the end is empty', async () => {
    const board = await boardOf(kind, FIXTURE);
    const first = await on(board, ['list', '--limit', '3', '--lang', 'en']);
    // Into a pipe the footer is said on stderr: the table alone is the output.
    expect(first.stderr).toContain('Page 1 of 3 · 7 posts');
    expect(first.stdout).not.toContain('posts');
    const pages: number[] = [];
    for (const page of [1, 2, 3]) {
      const result = await on(board, ['list', '--limit', '3', '--page', String(page), '--format', 'jsonl', '--fields', 'id']);
      pages.push(...result.stdout.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: number }).id));
    }
    expect(pages).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const filtered = await on(board, ['list', '--author', '환경부', '--limit', '1', '--lang', 'en']);
    expect(filtered.stderr).toContain('Page 1 of 2 · 2 posts');
    const searched = await on(board, ['list', '--search', '협력', '--lang', 'en']);
    expect(searched.stderr).toContain('1 post');
    expect((await on(board, ['list', '--page', '9'])).stderr).toContain('past the last page');
  });

  it('numbers are never given twice: not after a delete, not after an undo', async () => {
    const board = await emptyBoardOf(kind);
    for (const title of ['하나', '둘', '셋']) expect((await on(board, ['add', '--title', title, '--author', 'a'])).code).toBe(0);
    await on(board, ['delete', '3', '--yes']);
    expect((await on(board, ['add', '--title', '넷', '--author', 'a'])).stdout).toBe('Added post 4: 넷\n');
    await on(board, ['undo', '--yes']);
    expect((await on(board, ['add', '--title', '다섯', '--author', 'a'])).stdout).toBe('Added post 5: 다섯\n');
    expect((await postsOf(board)).map((post) => post.id)).toEqual([5, 2, 1]);
  });

  it('a source URL already on the board is refused, written any way that names the same address', async () => {
    const board = await boardOf(kind, FIXTURE);
    const result = await on(board, ['add', '--title', 't', '--author', 'a', '--source-url', 'https://WWW.KOREA.KR:443/news/7']);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('already on the board as post 7') });
    expect((await on(board, ['add', '--title', 't', '--author', 'a', '--source-url', 'https://www.korea.kr/news/7', '--allow-duplicate'])).code).toBe(0);
  });

  it('import is all or nothing; --update changes only the fields given', async () => {
    const board = await boardOf(kind, FIXTURE);
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, 'title,author,date\r\n좋은 글,가,2024-09-05\r\n나쁜 글,나,2024-02-30\r\n');
    expect((await on(board, ['import', bad])).code).toBe(2);
    expect((await postsOf(board)).length).toBe(7);
    // Half of a UTF-16 pair is no character (a database could only keep U+FFFD): refused on every kind.
    const broken = join(tempDir(), 'broken.json');
    writeFileSync(broken, '[{"title":"a\\ud800b","author":"x","date":"2024-01-01"}]');
    expect(await on(board, ['import', broken])).toMatchObject({ code: 2, stderr: expect.stringContaining('contains a broken character') });
    expect((await postsOf(board)).length).toBe(7);
    const sheet = join(tempDir(), 'sheet.csv');
    writeFileSync(sheet, '번호,제목,조회수\r\n2,ESG 정책 설명회 (수정),301\r\n3,10대 과제 발표,300\r\n');
    const imported = await on(board, ['import', sheet, '--update', '--yes']);
    expect(imported.stdout).toBe('Imported: 0 added, 1 updated, 1 unchanged\n');
    const posts = await postsOf(board);
    expect(posts.find((post) => post.id === 2)).toMatchObject({ title: 'ESG 정책 설명회 (수정)', views: 301, author: '환경부' });
  });

  it('undo and redo, and the change log that says who did what', async () => {
    const board = await boardOf(kind, FIXTURE);
    const as = (who: string) => ({ env: { POSTBOARD_AUTHOR: who } });
    await on(board, ['hide', '1'], as('홍길동'));
    await on(board, ['edit', '2', '--title', '새 제목'], as('김철수'));
    await on(board, ['delete', '5', '--yes'], as('홍길동'));
    const log = JSON.parse((await on(board, ['log', '--format', 'json'])).stdout) as { seq: number; who: string; command: string; changes: { kind: string; id: number; before?: object; after?: object }[] }[];
    expect(log.map((entry) => [entry.command, entry.who])).toEqual([
      ['delete', '홍길동'],
      ['edit', '김철수'],
      ['hide', '홍길동'],
    ]);
    expect(log[1]?.changes[0]).toMatchObject({ kind: 'edit', id: 2, before: { title: 'ESG 정책 설명회' }, after: { title: '새 제목' } });
    const before = await postsOf(board);

    // Undo walks back: the delete, then the edit; redo comes forward again.
    await on(board, ['undo', '--yes']);
    await on(board, ['undo', '--yes']);
    expect((await postsOf(board)).find((post) => post.id === 2)?.title).toBe('ESG 정책 설명회');
    expect((await postsOf(board)).some((post) => post.id === 5)).toBe(true);
    await on(board, ['redo', '--yes']);
    await on(board, ['redo', '--yes']);
    expect(await postsOf(board)).toEqual(before);
    expect((await on(board, ['redo', '--yes'])).code).toBe(1);

    // One change exactly, by its number: refused when its post changed since.
    await on(board, ['edit', '7', '--views', '9'], as('김철수'));
    const refused = await on(board, ['undo', '1', '--yes']);
    expect(refused.stdout).toContain('~ post 1');
    expect((await postsOf(board)).find((post) => post.id === 1)?.status).toBe('published');
    await on(board, ['edit', '4', '--views', '1']);
    await on(board, ['edit', '4', '--views', '2']);
    const seq = (JSON.parse((await on(board, ['log', '--format', 'json', '--limit', '2'])).stdout) as { seq: number }[])[1]?.seq;
    expect((await on(board, ['undo', String(seq), '--yes'])).stderr).toContain('post 4 was changed after it');
  });

  it('a change that changes nothing writes nothing, not even to the log', async () => {
    const board = await boardOf(kind, FIXTURE);
    await on(board, ['hide', '3']);
    await on(board, ['edit', '2', '--title', 'ESG 정책 설명회']);
    expect(JSON.parse((await on(board, ['log', '--format', 'json'])).stdout)).toEqual([]);
  });

  it('stats count the same everywhere', async () => {
    const board = await boardOf(kind, FIXTURE);
    const stats = JSON.parse((await on(board, ['stats', '--format', 'json', '--status', 'published'])).stdout);
    expect(stats.total).toEqual({ posts: 6, views: 482 });
    expect(stats.department[0]).toEqual({ department: '환경부', posts: 2, views: 305 });
    expect(stats.month).toEqual([
      { month: '2024-09', posts: 4, views: 62 },
      { month: '2024-08', posts: 2, views: 420 },
    ]);
  });

  it('twenty writers at once: twenty posts, twenty numbers, none lost', async () => {
    const board = await emptyBoardOf(kind);
    // Twenty processes at once (on a board in memory, twenty commands at once in this process).
    const runs = Array.from({ length: 20 }, async (_, i) => {
      const result = await on(board, ['add', '--title', `동시 ${i}`, '--author', 'a', '--quiet'], { env: { HOME: tempDir() }, timeoutMs: 55_000 });
      return result.code === 0 ? Number(result.stdout.trim()) : -1;
    });
    const numbers = await Promise.all(runs);
    expect(numbers.filter((id) => id > 0).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await postsOf(board)).length).toBe(20);
  }, 60_000);

  it('undo --yes and redo --yes run at once: each takes back (or makes again) one change, none fails', async () => {
    const board = await emptyBoardOf(kind);
    for (let i = 1; i <= 6; i++) expect((await on(board, ['add', '--title', `글 ${i}`, '--author', 'a', '--quiet'])).code).toBe(0);
    const atOnce = (command: string, times: number) =>
      Promise.all(
        Array.from({ length: times }, async () => {
          const { code, stderr } = await on(board, [command, '--yes'], { env: { HOME: tempDir(), LANG: 'en_US.UTF-8' }, timeoutMs: 55_000 });
          return { code, stderr };
        }),
      );
    // Nobody was shown anything to agree to: each one reverts the last change left when its turn comes.
    expect(await atOnce('undo', 4)).toEqual(Array.from({ length: 4 }, () => ({ code: 0, stderr: '' })));
    expect((await postsOf(board)).map((post) => post.id)).toEqual([2, 1]);
    expect(await atOnce('redo', 4)).toEqual(Array.from({ length: 4 }, () => ({ code: 0, stderr: '' })));
    expect((await postsOf(board)).map((post) => post.id)).toEqual([6, 5, 4, 3, 2, 1]);
    // Only when there is nothing left to revert does one fail, and says so.
    const results = await atOnce('undo', 7);
    expect(results.filter((result) => result.code === 0)).toHaveLength(6);
    expect(results.filter((result) => result.code === 1).map((result) => result.stderr)).toEqual([expect.stringContaining('nothing to undo')]);
  }, 60_000);

  it('the subtitle (부제): given, shown, listed, exported under its Korean name, imported by any of its names, edited away, kept by undo', async () => {
    const board = await emptyBoardOf(kind);
    const added = await on(board, ['add', '--title', '청정수소 협력 확대', '--subtitle', '- 수소 생산부터 활용까지 전 주기 협력 -', '--author', '산업통상자원부']);
    expect(added).toMatchObject({ code: 0, stdout: 'Added post 1: 청정수소 협력 확대\n' });
    const shown = await on(board, ['show', '1', '--lang', 'en']);
    expect(shown.stdout.split('\n').slice(0, 2)).toEqual(['청정수소 협력 확대', '- 수소 생산부터 활용까지 전 주기 협력 -']);
    expect((await on(board, ['list', '--format', 'jsonl', '--fields', 'id,subtitle'])).stdout).toBe('{"id":1,"subtitle":"- 수소 생산부터 활용까지 전 주기 협력 -"}\n');
    // In a narrow table the subtitle gives way first: the title stays whole.
    expect((await on(board, ['list', '--fields', 'id,title,subtitle', '--width', '50'])).stdout.split('\n')[2]).toMatch(/^ +1 {2}청정수소 협력 확대 {2}- 수소 생산부터.*…$/);
    // A feed's item leads with it: the first paragraph of its description.
    expect((await on(board, ['export', '--format', 'rss', '--feed-link', 'https://news.example.kr/board'])).stdout).toContain('<description><![CDATA[<p>- 수소 생산부터 활용까지 전 주기 협력 -</p>]]></description>');
    const csv = (await on(board, ['export', '--header', 'ko', '--fields', 'id,title,subtitle', '--no-bom'])).stdout;
    // Press releases write the subtitle "- … -": a spreadsheet would take it for a formula, so it is guarded.
    expect(csv).toBe("번호,제목,부제\r\n1,청정수소 협력 확대,'- 수소 생산부터 활용까지 전 주기 협력 -\r\n");
    // A file of the 정책브리핑 API's names (SubTitle1) and one of a person's sheet (부제목).
    const api = join(tempDir(), 'api.csv');
    writeFileSync(api, 'Title,SubTitle1,author,date\r\n탄소중립 이행 점검,2030 감축목표 점검 결과,환경부,2024-09-05\r\n');
    expect((await on(board, ['import', api])).code).toBe(0);
    const sheet = join(tempDir(), 'sheet.csv');
    writeFileSync(sheet, '제목,부제목,글쓴이\r\n물 관리 대책,,환경부\r\n');
    expect((await on(board, ['import', sheet])).code).toBe(0);
    const posts = await postsOf(board);
    expect(posts.map((post) => [post.id, post.subtitle])).toEqual([[3, undefined], [2, '2030 감축목표 점검 결과'], [1, '- 수소 생산부터 활용까지 전 주기 협력 -']]);
    // Emptied, a subtitle is gone (not kept as empty text); undo brings it back.
    expect((await on(board, ['edit', '2', '--subtitle', ''])).stdout).toContain('(subtitle)');
    expect((await postsOf(board)).find((post) => post.id === 2)).not.toHaveProperty('subtitle');
    expect((await on(board, ['undo', '--yes'])).code).toBe(0);
    expect((await postsOf(board)).find((post) => post.id === 2)?.subtitle).toBe('2030 감축목표 점검 결과');
  });

  it('long Korean bodies come back whole from an export and a copy (the bytes arrive in pieces that split characters)', async () => {
    // 20 posts × 30,000 syllables: about 1.8 MB, read in many pieces, each ending anywhere.
    const long = Array.from({ length: 20 }, (_, i) =>
      makePost({ id: i + 1, title: `긴 보도자료 ${i + 1}`, body: Array.from({ length: 30_000 }, (_, j) => String.fromCharCode(0xac00 + ((i * 7 + j * 13) % 11_172))).join('') }),
    );
    const board = await boardOf(kind, long);
    const posts = await postsOf(board);
    expect(posts.map((post) => post.body)).toEqual(long.map((post) => post.body).reverse());
    const copy = join(tempDir(), 'copy.json');
    expect((await on(board, ['copy', '--to', copy])).code).toBe(0);
    expect((await postsOf(copy)).map((post) => post.body)).toEqual(long.map((post) => post.body).reverse());
  }, 60_000);
});

describe('moving a board', () => {
  it('JSON → memory → SQLite → PostgreSQL → JSON gives the same board back, byte for byte, log and numbers included', async () => {
    const start = await boardOf('json', FIXTURE, 12);
    await on(start, ['hide', '2']);
    await on(start, ['delete', '6', '--yes']);
    const memory = await emptyBoardOf('memory');
    const sqlite = await emptyBoardOf('sqlite');
    const postgres = await emptyBoardOf('postgres');
    const end = join(tempDir(), 'back.json');
    expect((await on(start, ['copy', '--to', memory])).code).toBe(0);
    expect((await on(memory, ['copy', '--to', sqlite])).code).toBe(0);
    expect((await on(sqlite, ['copy', '--to', postgres])).code).toBe(0);
    expect((await on(postgres, ['copy', '--to', end])).code).toBe(0);
    const exported = async (board: string) => (await on(board, ['export', '--format', 'json'])).stdout;
    expect(await exported(end)).toBe(await exported(start));
    expect(await exported(postgres)).toBe(await exported(start));
    expect(await exported(memory)).toBe(await exported(start));
    expect((await on(memory, ['log', '--format', 'json'])).stdout).toBe((await on(start, ['log', '--format', 'json'])).stdout);
    expect((await on(end, ['log', '--format', 'json'])).stdout).toBe((await on(start, ['log', '--format', 'json'])).stdout);
    // The numbers given stay given: the next post is 13, on the copy too.
    expect((await on(end, ['add', '--title', 't', '--author', 'a'])).stdout).toBe('Added post 13: t\n');
    // The log came along: undo on the copy takes back the delete made before the copy.
    expect((await on(end, ['undo', '--yes', '--lang', 'en'])).stdout).toContain('- remove post 13');
    expect((await on(end, ['undo', '--yes', '--lang', 'en'])).stdout).toContain('+ bring back post 6');
  });

  it('a board is copied only to a new or empty one', async () => {
    const from = await boardOf('json', FIXTURE);
    const to = await boardOf('sqlite', FIXTURE.slice(0, 1));
    const result = await on(from, ['copy', '--to', to]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('already holds 1 post') });
  });
});
