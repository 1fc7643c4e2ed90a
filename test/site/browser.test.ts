import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE_BOARD, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';
import type { Post } from '../../src/board/post.js';

/**
 * The web board read as people read it: in Chromium (Debian's, which .ci/run installs, driven by
 * playwright-core), from file:// and from a web server under a sub-path. One browser for the
 * file, a fresh context (no cache, no history) per test.
 */

const CHROMIUM = process.env.POSTBOARD_TEST_CHROMIUM ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Where the screenshots go for a person to look at: kept after the run (the boards' folders are not). */
const SHOTS = join(tmpdir(), 'postboard-site-screenshots');

/** Text that must show as text: each one, taken for markup, would run script or change the page. */
const ATTACKS = [
  '<script>window.pwned = 1; alert(1)</script>',
  '<img src=x onerror="window.pwned = 2; alert(2)">',
  '</textarea><svg onload="window.pwned = 3; alert(3)">',
  '"><script>alert(4)</script><a href="',
  "javascript:alert(5)",
  '<a href="javascript:alert(6)">여기를 누르세요</a>',
  '<iframe src="javascript:alert(7)"></iframe><style>body{display:none}</style>',
];
const hostilePosts: Post[] = [
  makePost({
    id: 1,
    title: ATTACKS[0] as string,
    subtitle: ATTACKS[1] as string,
    author: ATTACKS[3] as string,
    department: ATTACKS[2] as string,
    body: `${ATTACKS.join('\n\n')}\n\nhttps://evil.example/"onmouseover="alert(8) 와 javascript:alert(9)\n\n${'가'.repeat(400)}\n\nhttps://www.korea.kr/${'a'.repeat(300)}`,
    source: { agency: ATTACKS[5] as string, date: '2024-09-01', url: 'https://example.go.kr/a?x="><script>alert(10)</script>' },
  }),
  makePost({ id: 2, title: ATTACKS[1] as string, body: ATTACKS[6] as string, date: '2024-09-03' }),
  makePost({ id: 3, title: `${ATTACKS[2]}\u202e 제어\x1b[31m문자`, author: 'javascript:alert(11)', date: '2024-09-04' }),
];

/** A board for search: 수소 inside longer words, a two-letter word, and hidden posts that hold them too. */
const searchPosts: Post[] = [
  makePost({ id: 1, title: '청정수소 생산 기술 공유', body: '민관이 함께한다.' }),
  makePost({ id: 2, title: '에너지 전환 회의', body: '수소 경제로 가는 길\n\n원전과 협력' }),
  makePost({ id: 3, title: '원전 수출 확대', body: '수출 계약' }),
  makePost({ id: 4, title: '수소 비밀 계획', body: '청정수소 숨김 원전', status: 'hidden' }),
  makePost({ id: 5, title: '탄소 중립', body: '청정 에너지와 수소차' }),
  makePost({ id: 6, title: '숨은 글', body: '비공개낱말', status: 'hidden' }),
];

let browser: Browser;
const sites: { sample: string; hostile: string; search: string; searchBoard: string } = { sample: '', hostile: '', search: '', searchBoard: '' };

async function exportSite(db: string, ...args: string[]): Promise<string> {
  const output = join(tempDir(), 'site');
  const result = await runCli(['export', '--format', 'site', '--db', db, '-o', output, ...args]);
  expect(result.stderr).toMatch(/^Exported \d+ posts? to /);
  expect(result.code).toBe(0);
  return output;
}

beforeAll(async () => {
  sites.searchBoard = writeBoard(makeBoard(searchPosts));
  const [sample, hostile, search, launched] = await Promise.all([
    exportSite(SAMPLE_BOARD, '--title', 'ESG 정책뉴스'),
    exportSite(writeBoard(makeBoard(hostilePosts))),
    exportSite(sites.searchBoard, '--per-page', '2'),
    chromium.launch({ executablePath: CHROMIUM }),
  ]);
  Object.assign(sites, { sample, hostile, search });
  browser = launched;
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const fileUrl = (site: string, path = 'index.html'): string => pathToFileURL(join(site, path)).href;

/** A fresh context and page; what the page says in dialogs and errors is kept to be looked at. */
async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; dialogs: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, dialogs, errors };
}

const cells = (page: Page, selector: string) => page.$$eval(selector, (found) => found.map((element) => (element.textContent ?? '').trim()));

/** Waits for the search page's answer (or its absence of one), and gives it with the results' links. */
async function searchResult(page: Page): Promise<{ status: string; ids: number[] }> {
  await page.waitForFunction(() => {
    const text = document.getElementById('search-status')?.textContent ?? '';
    return text !== '' && !text.includes('…');
  });
  const status = (await page.textContent('#search-status')) ?? '';
  const hrefs = await page.$$eval('#search-results a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
  return { status, ids: hrefs.map((href) => Number(/posts\/(\d+)\//.exec(href)?.[1])) };
}

describe('the sample board as a web board', () => {
  it('page 1 lists 2932…2913 newest first; the page links and a post link reach post 2912 and its source', async () => {
    const { context, page, errors } = await open();
    await page.goto(fileUrl(sites.sample));
    expect(await page.title()).toBe('ESG 정책뉴스');
    expect(await cells(page, 'table.board tbody td.id')).toEqual(Array.from({ length: 20 }, (_, i) => String(2932 - i)));
    expect(await cells(page, 'table.board thead th')).toEqual(['번호', '제목', '글쓴이', '날짜', '조회수']);
    // The page links of the seed board: 처음 and 이전 lead nowhere from page 1; 2 and 다음 lead to page 2.
    expect(await cells(page, 'nav.pages li')).toEqual(['처음', '이전', '1쪽1', '2쪽2', '다음', '마지막']);
    await Promise.all([page.waitForURL(/\/page\/2\/index\.html$/), page.click('nav.pages a[rel=next]')]);
    expect(await cells(page, 'table.board tbody td.id')).toEqual(['2912']);
    await Promise.all([page.waitForURL(/\/index\.html$/), page.click('nav.pages a:text-is("처음")')]);
    expect(new URL(page.url()).pathname).toBe(new URL(fileUrl(sites.sample)).pathname);
    await Promise.all([page.waitForURL(/\/page\/2\/index\.html$/), page.click('nav.pages a:text-is("마지막")')]);
    await Promise.all([page.waitForURL(/\/posts\/2912\/index\.html$/), page.click('text=세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다')]);
    expect(await page.textContent('h1')).toBe('세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다');
    expect(await cells(page, 'dl.meta > div')).toEqual(['번호2912', '글쓴이한국생산성본부', '담당부서행정안전부', '날짜2024-09-02', '조회수216']);
    expect(await page.$$eval('.body p', (paragraphs) => paragraphs.length)).toBe(11);
    const source = await page.$eval('p.source a', (link) => ({ href: link.getAttribute('href'), text: link.textContent }));
    expect(source).toEqual({
      href: 'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&pageIndex=19&repCodeType=%EC%A0%95%EB%B6%80%EB%B6%80%EC%B2%98&repCode=A00007,A00002,A00033,A00014,A00031,A00009,A00008,A00015,A00012,A00019,A00001,A00013,A00023,A00032&startDate=2023-09-02&endDate=2024-09-02&srchWord=&period=year',
      text: '원문 보기(www.korea.kr)',
    });
    expect(await page.textContent('p.source')).toBe('출처: 행정안전부, 2024-08-26, 원문 보기(www.korea.kr)');
    // The post before it on the board, and back to the page that lists it.
    await Promise.all([page.waitForURL(/\/posts\/2913\/index\.html$/), page.click('nav.posts a')]);
    await Promise.all([page.waitForURL(/\/index\.html$/), page.click('p.back a')]);
    expect(await cells(page, 'table.board tbody td.id')).toContain('2913');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('reads whole with JavaScript off; only the search page needs it, and says so', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    await page.goto(fileUrl(sites.sample));
    expect(await cells(page, 'table.board tbody td.id')).toHaveLength(20);
    await page.goto(fileUrl(sites.sample, 'posts/2912/index.html'));
    expect(await page.isVisible('.body p')).toBe(true);
    await page.goto(`${fileUrl(sites.sample, 'search/index.html')}?q=수소`);
    expect(await page.textContent('noscript')).toContain('JavaScript');
    // No page but the search page has a script at all.
    for (const path of ['index.html', 'page/2/index.html', 'posts/2912/index.html']) {
      expect(readFileSync(join(sites.sample, path), 'utf8')).not.toContain('<script');
    }
    await context.close();
  }, 60_000);

  it('at 375 px and 1280 px nothing is wider than the screen, axe finds nothing serious, and the screenshots are kept', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const shots: string[] = [];
    for (const width of [375, 1280]) {
      // axe is a script of its own, let in past the pages' policy (which lets no script in).
      const { context, page, errors } = await open({ viewport: { width, height: 800 }, bypassCSP: true });
      for (const [name, url] of [
        ['page-1', fileUrl(sites.sample)],
        ['post-2912', fileUrl(sites.sample, 'posts/2912/index.html')],
        ['search', `${fileUrl(sites.sample, 'search/index.html')}?q=협력`],
        ['hostile-post', fileUrl(sites.hostile, 'posts/1/index.html')],
      ] as const) {
        await page.goto(url);
        if (name === 'search') await searchResult(page);
        const { document: wide, viewport } = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, viewport: window.innerWidth }));
        expect(wide, `${name} at ${width} px`).toBeLessThanOrEqual(viewport);
        // (The hostile post is there for its width; its words are not the site's.)
        if (name === 'hostile-post') continue;
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
          const results = await axe.run(document, { resultTypes: ['violations'] });
          return results.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length }));
        });
        expect(
          violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
          `${name} at ${width} px`,
        ).toEqual([]);
        if (name === 'page-1' || name === 'post-2912') {
          const path = join(SHOTS, `${name}-${width}.png`);
          await page.screenshot({ path, fullPage: true });
          shots.push(path);
        }
      }
      // On a phone the table is a list: each post a title over its line of details, no header row showing.
      if (width === 375) {
        await page.goto(fileUrl(sites.sample));
        expect((await page.$eval('table.board thead', (head) => head.getBoundingClientRect().height)) <= 1).toBe(true);
        const [title, details] = await page.$$eval('table.board tbody tr:first-child td.title, table.board tbody tr:first-child td.author', (found) => found.map((cell) => cell.getBoundingClientRect().top));
        expect(details as number).toBeGreaterThan(title as number);
      } else {
        await page.goto(fileUrl(sites.sample));
        expect((await page.$eval('table.board thead', (head) => head.getBoundingClientRect().height)) > 20).toBe(true);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
    console.log(`Screenshots of the web board:\n${shots.map((path) => `  ${path}`).join('\n')}`);
  }, 60_000);

  it('from a web server, under a sub-path: the links, the feed and the search all stay inside it', async () => {
    const server = await serve(sites.sample, '/boards/esg/');
    const { context, page, errors } = await open();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/boards/esg/`;
    await page.goto(`${base}index.html`);
    await Promise.all([page.waitForURL(`${base}page/2/index.html`), page.click('nav.pages a[rel=next]')]);
    await Promise.all([page.waitForURL(`${base}posts/2912/index.html`), page.click('td.title a')]);
    expect(await page.getAttribute('link[rel=alternate]', 'href')).toBe('../../feed.xml');
    expect((await page.request.get(new URL('../../feed.xml', page.url()).href)).status()).toBe(200);
    await page.fill('#q', '디지털플랫폼정부');
    await Promise.all([page.waitForURL(/\/boards\/esg\/search\/index\.html\?q=/), page.click('form.search button')]);
    expect((await searchResult(page)).ids).toEqual([2912]);
    await Promise.all([page.waitForURL(`${base}posts/2912/index.html`), page.click('#search-results a')]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
    await new Promise((resolve) => server.close(resolve));
  }, 60_000);
});

describe('a hostile board as a web board', () => {
  it('no dialog, no script, no markup of its own: every title, name, body and address shows as the text it is', async () => {
    // The pages' own policy would stop an injected script; it is set aside here, so that only the escaping stands between.
    const { context, page, dialogs, errors } = await open({ bypassCSP: true });
    const check = async (url: string) => {
      await page.goto(url);
      await page.waitForTimeout(50);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      // (The search page's own scripts, and only those, load from the site.)
      const own = /^(search\.js|[gp]\/\d+\.js)$/;
      const foreign = await page.$$eval('script, img, svg, iframe, textarea, style:not(head style), object, embed', (found) => found.map((element) => [element.outerHTML, element.getAttribute('src') ?? '']));
      expect(foreign.filter(([html, src]) => !(html?.startsWith('<script src=') && own.test(src ?? ''))).map(([html]) => html)).toEqual([]);
      const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => (link as HTMLAnchorElement).protocol));
      expect(hrefs.every((protocol) => protocol === 'file:' || protocol === 'http:' || protocol === 'https:')).toBe(true);
    };
    await check(fileUrl(sites.hostile));
    expect(await cells(page, 'table.board tbody td.title')).toEqual([`${ATTACKS[2]}<U+202E> 제어␛[31m문자`, ATTACKS[1], ATTACKS[0]]);
    expect(await cells(page, 'table.board tbody td.author')).toContain(ATTACKS[3]);
    await check(fileUrl(sites.hostile, 'posts/1/index.html'));
    expect(await page.textContent('h1')).toBe(ATTACKS[0]);
    expect(await page.textContent('article .subtitle')).toBe(ATTACKS[1]);
    const paragraphs = await cells(page, '.body p');
    for (const attack of ATTACKS) expect(paragraphs).toContain(attack);
    // Only the http(s) addresses became links, cut where the text around them starts.
    expect(await page.$$eval('.body a', (links) => links.map((link) => link.getAttribute('href')))).toEqual(['https://evil.example/', `https://www.korea.kr/${'a'.repeat(300)}`]);
    expect(await page.getAttribute('p.source a', 'href')).toBe('https://example.go.kr/a?x=%22%3E%3Cscript%3Ealert(10)%3C/script%3E');
    expect(await page.textContent('p.source')).toContain(ATTACKS[5]);
    await check(fileUrl(sites.hostile, 'posts/2/index.html'));
    await check(fileUrl(sites.hostile, 'posts/3/index.html'));
    expect(await page.textContent('h1')).toBe(`${ATTACKS[2]}<U+202E> 제어␛[31m문자`);
    // Found by search, shown by the search page as text too.
    await page.goto(`${fileUrl(sites.hostile, 'search/index.html')}?q=${encodeURIComponent('<script>')}`);
    expect((await searchResult(page)).ids).toEqual([1]);
    expect(await cells(page, '#search-results a')).toEqual([ATTACKS[0]]);
    await check(`${fileUrl(sites.hostile, 'search/index.html')}?q=onerror`);
    expect((await searchResult(page)).ids).toEqual([2, 1]);
    expect(await cells(page, '#search-results a')).toEqual([ATTACKS[1], ATTACKS[0]]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('searching the web board (no server: from file://)', () => {
  /** The posts `list --search` finds among the published ones, highest number first. */
  async function listed(query: string): Promise<number[]> {
    const result = await runCli(['list', '--db', sites.searchBoard, '--status', 'published', '--search', query, '--all', '--format', 'json']);
    return (JSON.parse(result.stdout) as Post[]).map((post) => post.id);
  }

  it('finds what list --search finds: 수소 inside 청정수소 and 수소차, a two-letter word, one letter; never a hidden post', async () => {
    const { context, page, errors } = await open();
    await page.goto(fileUrl(sites.search));
    // As a person does: the box on the board's page.
    await page.fill('#q', '수소');
    await Promise.all([page.waitForURL(/\/search\/index\.html\?q=/), page.click('form.search button')]);
    expect(await page.inputValue('#q')).toBe('수소');
    const hydrogen = await searchResult(page);
    expect(hydrogen.status).toBe('제목이나 본문에 이 낱말이 든 글 3건: 수소');
    expect(await listed('수소')).toEqual([5, 2, 1]);
    // Two to a page (--per-page 2): the first two, then the next page of results.
    expect(hydrogen.ids).toEqual([5, 2]);
    await Promise.all([page.waitForURL(/page=2/), page.click('#search-pages a[rel=next]')]);
    expect((await searchResult(page)).ids).toEqual([1]);
    const queries = ['청정수소', '원전', '소', '수출 계약', '"청정 에너지"', '청정', '비밀', '비공개낱말', '숨김', '없는낱말'];
    const answers = await Promise.all(queries.map(listed));
    for (const [i, query] of queries.entries()) {
      await page.goto(`${fileUrl(sites.search, 'search/index.html')}?q=${encodeURIComponent(query)}`);
      const expected = answers[i] as number[];
      const found = await searchResult(page);
      // (Two to a page: the first page of what list finds.)
      expect(found.ids, query).toEqual(expected.slice(0, 2));
      expect(found.status, query).toContain(expected.length === 0 ? '없습니다' : `${expected.length}건`);
    }
    expect(await listed('비밀')).toEqual([]);
    await page.goto(`${fileUrl(sites.search, 'search/index.html')}?q=${encodeURIComponent('청정수소')}`);
    await searchResult(page);
    await Promise.all([page.waitForURL(/\/posts\/1\/index\.html$/), page.click('#search-results a')]);
    expect(await page.textContent('h1')).toBe('청정수소 생산 기술 공유');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

/** A web server for a site's folder under `prefix`, as a static host serves one under a sub-path. */
async function serve(folder: string, prefix: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.xml': 'application/xml' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end();
      return;
    }
    const file = normalize(join(folder, path.slice(prefix.length)));
    try {
      const bytes = readFileSync(file.endsWith('/') || !extname(file) ? join(file, 'index.html') : file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(bytes);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
