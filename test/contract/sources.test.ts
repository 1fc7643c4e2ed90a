import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { feedFixture, startFeedServer, type FeedServer } from '../support/feed-server.js';
import { makePost } from '../support/posts.js';
import { boardOf, emptyBoardOf, KINDS, on, postsOf, type Kind } from './boards.js';

/**
 * The sources `pull` reads are kept with the board, on every kind of board: added, listed and
 * removed by `source`, each a change in the log that undo takes back and redo makes again, and
 * carried by `copy` to every other kind.
 */

const EN = { env: { LANG: 'en_US.UTF-8', POSTBOARD_AUTHOR: 'press' } };
const MOIS = 'https://www.mois.go.kr/gpms/view/jsp/rss/rss.jsp?ctxCd=1012';
const API = 'https://apis.data.go.kr/1371000/pressReleaseService/pressReleaseList';

interface ListedSource {
  name: string;
  kind: string;
  url: string;
  department?: string;
  status?: string;
}

async function sourcesOf(board: string): Promise<ListedSource[]> {
  const result = await on(board, ['source', 'list', '--format', 'json']);
  if (result.code !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout) as ListedSource[]).map(({ name, kind, url, department, status }) => ({ name, kind, url, ...(department ? { department } : {}), ...(status ? { status } : {}) }));
}

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
let feeds = 0;

describe.each(KINDS)('sources on the %s board', (kind: Kind) => {
  it('pull: each release once, a 304 writes no change, a failing source leaves the board as it was while the other is pulled', async () => {
    const board = await boardOf(kind, [makePost({ id: 1, title: '첫 글' })]);
    const good = `/good-${++feeds}.xml`;
    const bad = `/bad-${feeds}.xml`;
    server.route(good, { body: feedFixture('mois-rss.xml'), etag: '"e1"' });
    server.route(bad, { body: feedFixture('billion-laughs.xml') });
    await on(board, ['source', 'add', 'mois', server.url(good)], EN);
    expect(await on(board, ['pull', 'mois'], EN)).toMatchObject({ code: 0, stdout: expect.stringContaining('mois: 3 new · 0 already there · 0 refused') });
    const pulled = await postsOf(board);
    expect(pulled.map((post) => post.id)).toEqual([4, 3, 2, 1]);
    const log = (await on(board, ['log', '--format', 'json'])).stdout;
    // Unchanged: one 304, no post, no log entry — but the source remembers when it was read.
    expect((await on(board, ['pull'], EN)).stdout).toBe('mois: unchanged since the last pull (--refresh fetches it whole)\n');
    expect((await on(board, ['log', '--format', 'json'])).stdout).toBe(log);
    expect(await postsOf(board)).toEqual(pulled);
    await on(board, ['source', 'add', 'broken', server.url(bad)], EN);
    const both = await on(board, ['pull', '--refresh'], EN);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/^error: broken: the feed declares a DOCTYPE/);
    expect(both.stdout).toContain('mois: 0 new · 3 already there · 0 refused');
    expect(await postsOf(board)).toEqual(pulled);
    // Undo takes the pull back whole.
    await on(board, ['source', 'remove', 'broken'], EN);
    await on(board, ['undo', '--yes'], EN);
    await on(board, ['undo', '--yes'], EN);
    expect((await on(board, ['undo', '--yes'], EN)).stdout).toContain('(3 posts)');
    expect((await postsOf(board)).map((post) => post.id)).toEqual([1]);
  });

  it('are added, listed by name, and removed; each is a change that undo takes back and redo makes again', async () => {
    const board = await boardOf(kind, [makePost({ id: 1, title: '첫 글' })]);
    const added = await on(board, ['source', 'add', 'mois', MOIS, '--department', '안전개선과'], EN);
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('Added source mois (feed)') });
    expect((await on(board, ['source', 'add', 'briefing', API, '--status', '비노출'], EN)).code).toBe(0);
    expect(await sourcesOf(board)).toEqual([
      { name: 'briefing', kind: 'briefing', url: API, status: 'hidden' },
      { name: 'mois', kind: 'rss', url: MOIS, department: '안전개선과' },
    ]);
    const table = await on(board, ['source', 'list', '--width', '200'], EN);
    expect(table.stdout).toMatch(/Name +Kind +Department +Status +Last pull +Address/);
    expect(table.stdout).toMatch(/mois +rss +안전개선과 +published +never +https:\/\/www\.mois/);

    // A second source of the same name is refused, and nothing changes.
    const twice = await on(board, ['source', 'add', 'mois', 'https://example.org/feed'], EN);
    expect(twice).toMatchObject({ code: 1, stderr: expect.stringContaining('there is a source named mois already') });
    expect((await sourcesOf(board)).map((source) => source.url)).toEqual([API, MOIS]);

    expect((await on(board, ['source', 'remove', 'mois'], EN)).stdout).toContain('Removed source mois');
    expect((await sourcesOf(board)).map((source) => source.name)).toEqual(['briefing']);
    const log = await on(board, ['log'], EN);
    expect(log.stdout).toMatch(/source remove mois +-source mois/);
    expect(log.stdout).toMatch(/source add mois +\+source mois/);

    const undone = await on(board, ['undo', '--yes'], EN);
    expect(undone.stdout).toContain('+ bring back source mois');
    expect(undone.stdout).toContain('(1 source)');
    expect(await sourcesOf(board)).toContainEqual({ name: 'mois', kind: 'rss', url: MOIS, department: '안전개선과' });
    expect((await on(board, ['redo', '--yes'], EN)).stdout).toContain('- remove source mois');
    expect((await sourcesOf(board)).map((source) => source.name)).toEqual(['briefing']);
    // Undo twice more: the redo's removal, then the briefing source's add.
    await on(board, ['undo', '--yes'], EN);
    expect((await on(board, ['undo', '--yes', '2'], EN)).code).toBe(0);
    expect((await sourcesOf(board)).map((source) => source.name)).toEqual(['mois']);
  });

  it('one korea.kr release is one address, whichever form names it (www. or m., any path, extra parameters, the API’s link)', async () => {
    const board = await boardOf(kind, [makePost({ id: 1, source: { agency: '행정안전부', date: '2024-09-02', url: 'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&pageIndex=19&srchWord=' } })]);
    for (const url of ['https://m.korea.kr/briefing/pressReleaseView.do?call_from=rsslink&newsId=156647084', 'http://korea.kr/news/pressReleaseView.do?newsId=156647084&call_from=openData']) {
      expect(await on(board, ['add', '--title', '같은 보도자료', '--author', '김', '--source-url', url], EN)).toMatchObject({ code: 1, stderr: expect.stringContaining('already on the board as post 1') });
    }
    // Another release, and another site's page with a newsId, are other pages.
    for (const url of ['https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647085', 'https://example.go.kr/view.do?newsId=156647084']) {
      expect((await on(board, ['add', '--title', `다른 글 ${url.length}`, '--author', '김', '--source-url', url], EN)).code).toBe(0);
    }
  });

  it('refuse a name that is not a word, an address that is not http(s), and a name the board does not have', async () => {
    const board = await boardOf(kind, [makePost({ id: 1 })]);
    expect(await on(board, ['source', 'add', '-x', MOIS], EN)).toMatchObject({ code: 2 });
    expect(await on(board, ['source', 'add', 'a b', MOIS], EN)).toMatchObject({ code: 2, stderr: expect.stringContaining('not a source name') });
    expect(await on(board, ['source', 'add', 'local', 'file:///etc/passwd'], EN)).toMatchObject({ code: 2, stderr: expect.stringContaining('not an http or https address') });
    expect(await on(board, ['source', 'remove', 'nope'], EN)).toMatchObject({ code: 1, stderr: expect.stringContaining('no source named "nope"') });
    expect(await sourcesOf(board)).toEqual([]);
    expect((await on(board, ['source', 'list'], EN)).stderr).toContain('No sources yet');
  });
});

describe('sources move with the board', () => {
  it('copy carries them, JSON → memory → SQLite → PostgreSQL → JSON, and their log entries with them', async () => {
    const start = await boardOf('json', [makePost({ id: 1 })]);
    await on(start, ['source', 'add', 'mois', MOIS, '--department', '안전개선과'], EN);
    await on(start, ['source', 'add', 'briefing', API, '--status', 'hidden'], EN);
    const memory = await emptyBoardOf('memory');
    const sqlite = await emptyBoardOf('sqlite');
    const postgres = await emptyBoardOf('postgres');
    const end = join(tempDir(), 'back.json');
    expect((await on(start, ['copy', '--to', memory])).code).toBe(0);
    expect((await on(memory, ['copy', '--to', sqlite])).code).toBe(0);
    expect((await on(sqlite, ['copy', '--to', postgres])).code).toBe(0);
    expect((await on(postgres, ['copy', '--to', end])).code).toBe(0);
    const listedSources = async (board: string) => (await on(board, ['source', 'list', '--format', 'json'])).stdout;
    for (const board of [memory, sqlite, postgres, end]) expect(await listedSources(board)).toBe(await listedSources(start));
    // The log came along: undo on the copy removes the source added last.
    expect((await on(end, ['undo', '--yes'], EN)).stdout).toContain('- remove source briefing');
    expect(await sourcesOf(end)).toEqual([{ name: 'mois', kind: 'rss', url: MOIS, department: '안전개선과' }]);
  });
});
