import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_BOARD, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

/**
 * `export --format site` through the real CLI, without a browser (browser.test.ts reads
 * the pages in Chromium): the folder it makes, and how it replaces one.
 */

/** Every file under a folder, by its path inside it, with its bytes. */
function filesOf(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(folder.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const site = (db: string, output: string, ...args: string[]) => runCli(['export', '--format', 'site', '--db', db, '-o', output, ...args]);

describe('export --format site: what it writes', () => {
  it('the list pages, a page per published post, search, feed.xml and the marker; the same board gives the same bytes', async () => {
    const [first, second] = [join(tempDir(), 'site'), join(tempDir(), 'site')];
    const made = await site(SAMPLE_BOARD, first);
    expect(made).toMatchObject({ code: 0, stdout: '' });
    expect(made.stderr).toBe(`Exported 21 posts to ${first}\n`);
    const files = filesOf(first);
    expect([...files.keys()].filter((path) => !path.startsWith('search/'))).toEqual([
      '.postboard-site',
      'feed.xml',
      'index.html',
      'page/2/index.html',
      ...Array.from({ length: 21 }, (_, i) => `posts/${2912 + i}/index.html`),
    ]);
    expect(files.has('search/index.html') && files.has('search/search.js')).toBe(true);
    expect(existsSync(join(first, 'sitemap.xml'))).toBe(false);
    // Again, elsewhere: byte for byte the same (no time of export, nothing random).
    expect((await site(SAMPLE_BOARD, second)).code).toBe(0);
    expect(filesOf(second)).toEqual(files);
  });

  it('a SQLite board with the same posts gives the same site', async () => {
    const sqlite = join(tempDir(), 'board.sqlite');
    expect((await runCli(['copy', '--db', SAMPLE_BOARD, '--to', sqlite])).code).toBe(0);
    const [fromJson, fromSqlite] = [join(tempDir(), 'site'), join(tempDir(), 'site')];
    expect((await site(SAMPLE_BOARD, fromJson)).code).toBe(0);
    expect((await site(sqlite, fromSqlite)).code).toBe(0);
    expect(filesOf(fromSqlite)).toEqual(filesOf(fromJson));
  });

  it('every page is in the language of its posts (Korean), or in --lang; it links the feed in its head', async () => {
    const korean = join(tempDir(), 'site');
    expect((await site(SAMPLE_BOARD, korean, '--title', 'ESG 정책뉴스')).code).toBe(0);
    for (const page of ['index.html', 'page/2/index.html', 'posts/2912/index.html', 'search/index.html']) {
      const text = readFileSync(join(korean, page), 'utf8');
      expect(text).toContain('<html lang="ko">');
      expect(text).toMatch(/<link rel="alternate" type="application\/rss\+xml" title="ESG 정책뉴스" href="(\.\.\/)*feed\.xml">/);
    }
    expect(readFileSync(join(korean, 'index.html'), 'utf8')).toContain('<th scope="col" class="title">제목</th>');
    const english = join(tempDir(), 'site');
    expect((await runCli(['export', '--format', 'site', '--db', SAMPLE_BOARD, '-o', english, '--lang', 'en'])).code).toBe(0);
    const page = readFileSync(join(english, 'posts/2912/index.html'), 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<dt>Department</dt><dd>행정안전부</dd>');
  });

  it('hidden posts appear nowhere: no page, no list row, no search entry, not in the feed', async () => {
    const board = writeBoard(
      makeBoard([
        makePost({ id: 1, title: '공개된 글', body: '수소 협력' }),
        makePost({ id: 2, title: '비공개비밀제목', body: '숨은본문낱말', status: 'hidden', date: '2024-09-03' }),
        makePost({ id: 3, title: '또 공개된 글', date: '2024-09-04' }),
      ]),
    );
    const output = join(tempDir(), 'site');
    const made = await site(board, output);
    expect(made.stderr).toBe(`Exported 2 posts to ${output}\n`);
    expect(existsSync(join(output, 'posts/2'))).toBe(false);
    for (const [path, bytes] of filesOf(output)) {
      const text = bytes.toString('utf8');
      for (const secret of ['비공개비밀제목', '숨은본문낱말', '비공', '밀제', 'posts/2/']) expect(text.includes(secret), `${path} holds ${secret}`).toBe(false);
    }
  });

  it('feed.xml is the RSS export of the site, each item linking to its page; sitemap.xml with --base-url', async () => {
    const output = join(tempDir(), 'site');
    expect((await site(SAMPLE_BOARD, output, '--base-url', 'https://example.go.kr/esg', '--title', 'ESG & <정책>')).code).toBe(0);
    const xml = readFileSync(join(output, 'feed.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = new XMLParser({ ignoreAttributes: false }).parse(xml).rss.channel;
    expect(channel.title).toBe('ESG & <정책>');
    expect(channel.link).toBe('https://example.go.kr/esg/');
    expect(channel.item).toHaveLength(20);
    expect(channel.item.map((item: { link: string }) => item.link)).toContain('https://example.go.kr/esg/posts/2932/index.html');
    const sitemap = readFileSync(join(output, 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(sitemap)).toBe(true);
    const urls = [new XMLParser().parse(sitemap).urlset.url].flat().map((url: { loc: string }) => url.loc);
    expect(urls).toHaveLength(2 + 21);
    expect(urls.slice(0, 3)).toEqual(['https://example.go.kr/esg/index.html', 'https://example.go.kr/esg/page/2/index.html', 'https://example.go.kr/esg/posts/2932/index.html']);
    // Without --base-url the feed's links are relative to where it is, and there is no sitemap.
    const relative = join(tempDir(), 'site');
    expect((await site(SAMPLE_BOARD, relative)).code).toBe(0);
    expect(new XMLParser().parse(readFileSync(join(relative, 'feed.xml'), 'utf8')).rss.channel.item[0].link).toBe('posts/2932/index.html');
    expect(existsSync(join(relative, 'sitemap.xml'))).toBe(false);
  });

  it('--per-page sets the posts on a list page, and the page links follow', async () => {
    const output = join(tempDir(), 'site');
    expect((await site(SAMPLE_BOARD, output, '--per-page', '5')).code).toBe(0);
    expect(readdirSync(join(output, 'page')).sort()).toEqual(['2', '3', '4', '5']);
    const first = readFileSync(join(output, 'index.html'), 'utf8');
    expect(first.match(/<tr><td class="num id">/g)).toHaveLength(5);
    expect(first).toContain('href="page/5/index.html">마지막</a>');
  });

  it('refuses what a site is not: no --output, stdout, other formats\' options, hidden posts, a bad address', async () => {
    for (const [args, message] of [
      [['--format', 'site'], '--format site needs --output FOLDER'],
      [['--format', 'site', '-o', '-'], '--format site needs --output FOLDER'],
      [['--format', 'site', '-o', 'x', '--status', 'hidden'], 'published posts only'],
      [['--format', 'site', '-o', 'x', '--fields', 'id'], '--fields cannot be used with --format site'],
      [['--format', 'site', '-o', 'x', '--per-page', '0'], '--per-page must be a whole number of 1 or more'],
      [['--format', 'site', '-o', 'x', '--base-url', 'javascript:alert(1)'], '--base-url must be one of'],
      [['--format', 'site', '-o', 'x', '--feed-link', 'https://x.kr/'], '--feed-link is for --format rss'],
      [['--format', 'csv', '--title', 'x'], '--title is for --format site'],
      [['--format', 'rss', '--feed-link', 'https://x.kr/', '--base-url', 'https://x.kr/'], '--base-url is for --format site'],
    ] as const) {
      const result = await runCli(['export', '--db', SAMPLE_BOARD, ...args], { cwd: tempDir() });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });
});

describe('export --format site: the folder it replaces', () => {
  it('a second export replaces the folder whole (a post gone is gone), leaving nothing of its own beside it', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: '첫 글' }), makePost({ id: 2, title: '둘째 글' })]));
    const parent = tempDir();
    const output = join(parent, 'site');
    expect((await site(board, output)).code).toBe(0);
    expect(existsSync(join(output, 'posts/2/index.html'))).toBe(true);
    writeFileSync(board, `${JSON.stringify(makeBoard([makePost({ id: 1, title: '첫 글' })], 2), null, 2)}\n`);
    expect((await site(board, output)).code).toBe(0);
    expect(existsSync(join(output, 'posts/2'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it('an export that fails on the way leaves the site there exactly as it was, and nothing beside it', async () => {
    const parent = tempDir();
    const output = join(parent, 'site');
    expect((await site(SAMPLE_BOARD, output)).code).toBe(0);
    const before = filesOf(output);
    const board = writeBoard(makeBoard([makePost({ id: 7, title: '새 글' })]));
    // The disk takes 20 KB more, then is full: the new site cannot be written whole.
    const failed = await runCli(['export', '--format', 'site', '--db', board, '-o', output], { env: { POSTBOARD_TEST_DISK_FREE: '20000' } });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`cannot write ${output} (ENOSPC`);
    expect(filesOf(output)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it('refuses a folder postboard did not make unless --force; an empty one is taken', async () => {
    const parent = tempDir();
    const output = join(parent, 'photos');
    mkdirSync(output);
    writeFileSync(join(output, 'holiday.jpg'), 'not a site');
    const refused = await site(SAMPLE_BOARD, output);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${output} is a folder postboard did not make (it holds files, and no .postboard-site)`);
    expect(readdirSync(output)).toEqual(['holiday.jpg']);
    expect((await site(SAMPLE_BOARD, output, '--force')).code).toBe(0);
    expect(existsSync(join(output, 'holiday.jpg'))).toBe(false);
    expect(existsSync(join(output, 'index.html'))).toBe(true);
    const empty = join(parent, 'empty');
    mkdirSync(empty);
    expect((await site(SAMPLE_BOARD, empty)).code).toBe(0);
    expect(readdirSync(parent).sort()).toEqual(['empty', 'photos']);
  });

  it('is the same in every time zone: a laptop in Seoul and a server in UTC give the same bytes, feed dates included', async () => {
    const seoul = join(tempDir(), 'seoul');
    const utc = join(tempDir(), 'utc');
    expect((await runCli(['export', '--format', 'site', '--db', SAMPLE_BOARD, '-o', seoul], { env: { TZ: 'Asia/Seoul' } })).code).toBe(0);
    expect((await runCli(['export', '--format', 'site', '--db', SAMPLE_BOARD, '-o', utc], { env: { TZ: 'UTC' } })).code).toBe(0);
    expect(filesOf(seoul)).toEqual(filesOf(utc));
    expect(readFileSync(join(utc, 'feed.xml'), 'utf8')).toContain('<pubDate>Fri, 06 Sep 2024 00:00:00 GMT</pubDate>');
  });

  it('never replaces a folder holding what a static host keeps there (a GitHub Pages checkout: .git, CNAME), even with --force', async () => {
    const parent = tempDir();
    const output = join(parent, 'pages');
    mkdirSync(join(output, '.git'), { recursive: true });
    writeFileSync(join(output, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(output, 'CNAME'), 'esg.example.go.kr\n');
    writeFileSync(join(output, 'old.html'), 'an old page');
    for (const flags of [[], ['--force']]) {
      const refused = await site(SAMPLE_BOARD, output, ...flags);
      expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('export to another folder and copy it in') });
    }
    expect(readFileSync(join(output, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(readdirSync(output).sort()).toEqual(['.git', 'CNAME', 'old.html']);
    expect(readdirSync(parent)).toEqual(['pages']);
  });

  it('the new site keeps the folder’s mode and group (a web server reading it through its group still can)', async () => {
    const output = join(tempDir(), 'site');
    expect((await site(SAMPLE_BOARD, output)).code).toBe(0);
    chmodSync(output, 0o2750);
    if (process.getuid?.() === 0) chownSync(output, 0, 65534);
    const before = statSync(output);
    expect((await site(SAMPLE_BOARD, output)).code).toBe(0);
    const after = statSync(output);
    expect([after.mode & 0o7777, after.gid]).toEqual([before.mode & 0o7777, before.gid]);
  });

  it('a link inside the site folder is never followed: a link to / is one entry to remove, not the disk to walk', async () => {
    const output = join(tempDir(), 'site');
    expect((await site(SAMPLE_BOARD, output)).code).toBe(0);
    symlinkSync('/', join(output, 'everything'));
    const started = Date.now();
    expect((await site(SAMPLE_BOARD, output)).code).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(existsSync(join(output, 'everything'))).toBe(false);
    expect(existsSync('/etc/hostname') || existsSync('/etc/passwd')).toBe(true);
  });

  it('never replaces a folder holding the board, or the folder it runs in, even with --force; nor a file', async () => {
    const folder = tempDir();
    const board = join(folder, 'data', 'posts.json');
    mkdirSync(dirname(board));
    writeFileSync(board, readFileSync(SAMPLE_BOARD));
    writeFileSync(join(folder, '.postboard-site'), 'a marker someone copied');
    const boardBefore = readFileSync(board);
    const refused = await site(board, folder, '--force');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`holds the board's own file ${board}`);
    expect(readFileSync(board)).toEqual(boardBefore);
    // Through a link to the board's folder, the same.
    const link = join(tempDir(), 'link');
    symlinkSync(folder, link);
    expect((await site(board, link, '--force')).code).toBe(1);
    expect(readFileSync(board)).toEqual(boardBefore);
    const here = tempDir();
    writeFileSync(join(here, '.postboard-site'), '');
    const inUse = await runCli(['export', '--format', 'site', '--db', SAMPLE_BOARD, '-o', '.'], { cwd: here });
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toContain('is the folder postboard runs in');
    const file = join(tempDir(), 'site.html');
    writeFileSync(file, 'x');
    const notFolder = await site(SAMPLE_BOARD, file);
    expect(notFolder.code).toBe(1);
    expect(notFolder.stderr).toContain('is not a folder');
    expect(statSync(file).size).toBe(1);
  });
});
