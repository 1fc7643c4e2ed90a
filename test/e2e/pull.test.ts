import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../src/board/post.js';
import { runCli, writeBoard, type RunResult } from '../support/cli.js';
import { feedFixture, startFeedServer, type FeedServer } from '../support/feed-server.js';
import { makeBoard, makePost } from '../support/posts.js';

/**
 * `postboard pull` against a real HTTP server on 127.0.0.1 (test/support/feed-server.ts) serving
 * feeds shaped like the ministries' own (test/fixtures/feeds/): RSS with the release as HTML in
 * CDATA, a department in <author>, `&middot;` in titles, `SUN, 21 JUL 2019 12:00:00 KST` dates,
 * an EUC-KR feed declared only in its prolog, Atom, and the 정책브리핑 press-release API in
 * 3-day windows; then every way a source can fail, one at a time and beside a good one.
 */

const KEY = 'TEST-KEY+with/slash=';
const ENV = { LANG: 'en_US.UTF-8', POSTBOARD_AUTHOR: '보도자료봇', POSTBOARD_BRIEFING_KEY: KEY };

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

const pull = (board: string, args: readonly string[] = [], env: Record<string, string | undefined> = {}): Promise<RunResult> => runCli(['pull', '--db', board, ...args], { env: { ...ENV, ...env } });
const cli = (board: string, args: readonly string[]): Promise<RunResult> => runCli([...args, '--db', board], { env: ENV });

async function postsOf(board: string): Promise<Post[]> {
  const result = await cli(board, ['export', '--format', 'json']);
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Post[];
}

/** A JSON board holding the seed's post 2912 (pasted by hand from korea.kr). */
const seedBoard = (): string =>
  writeBoard(
    makeBoard([
      makePost({
        id: 2912,
        title: '세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다',
        department: '행정안전부',
        date: '2024-09-02',
        source: { agency: '행정안전부', date: '2024-08-26', url: 'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156647084&pageIndex=19&repCodeType=&repCode=&startDate=2024-06-05&endDate=2024-09-05&srchWord=&period=year' },
      }),
    ]),
  );

let paths = 0;
/** A path of its own on the server for one test's feed. */
const route = (answer: Parameters<FeedServer['route']>[1]): string => {
  const path = `/feed-${++paths}.xml`;
  server.route(path, answer);
  return server.url(path);
};

describe('pull from a ministry’s RSS feed', () => {
  it('makes each item a post: title decoded, body as paragraphs of text, department, dates and source; numbered oldest first', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 7 })]));
    const url = route({ body: feedFixture('mois-rss.xml'), headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, etag: '"v1"' });
    expect((await cli(board, ['source', 'add', 'mois', url, '--department', '행정안전부'])).code).toBe(0);
    const pulled = await pull(board);
    expect(pulled.stderr).toBe('');
    expect(pulled).toMatchObject({ code: 0, stdout: expect.stringContaining('mois: 3 new · 0 already there · 0 refused') });
    const posts = (await postsOf(board)).filter((post) => post.id > 7);
    // Oldest first: the 2019 release gets the first number.
    expect(posts.map((post) => [post.id, post.date])).toEqual([
      [10, '2024-08-28'],
      [9, '2024-08-26'],
      [8, '2019-07-21'],
    ]);
    const summer = posts.find((post) => post.id === 8) as Post;
    expect(summer).toMatchObject({ title: '여름철 물놀이 안전사고 예방·대응 강화', author: '보도자료봇', department: '안전개선과', status: 'published', views: 0 });
    expect(summer.source).toMatchObject({ agency: '행정안전부', date: '2019-07-21', url: expect.stringContaining('nttId=71450') });
    const digital = posts.find((post) => post.id === 9) as Post;
    expect(digital.department).toBe('디지털정부정책과');
    expect(digital.body).toContain('디지털정부 정책관리자 초청연수를 실시하여');
    expect(digital.body.split('\n\n').length).toBeGreaterThan(3);
    for (const gone of ['<', 'getImage', '인쇄', '공유하기</', '스크립트가 쓴 글', 'margin', '&nbsp;', '&ldquo;']) expect(digital.body, gone).not.toContain(gone);
    expect(digital.body).toContain('“디지털정부 정책관리자 과정은');
    expect(posts.find((post) => post.id === 10)?.title).toBe('"지방소멸 대응" 현장 간담회 개최… \'고향사랑기부제\' 활성화 논의');
    // The new posts as a table after the counts.
    expect(pulled.stdout).toMatch(/10 +"지방소멸 대응"/);
  });

  it('pulled again: an unchanged feed costs one 304 and adds nothing; fetched whole (--refresh), its items are all there already', async () => {
    const board = writeBoard(makeBoard([]));
    const url = route({ body: feedFixture('mois-rss.xml'), etag: '"v7"', lastModified: 'Wed, 28 Aug 2024 06:00:00 GMT' });
    await cli(board, ['source', 'add', 'mois', url]);
    expect((await pull(board)).stdout).toContain('3 new');
    const before = await postsOf(board);
    const again = await pull(board);
    expect(again).toMatchObject({ code: 0, stdout: 'mois: unchanged since the last pull (--refresh fetches it whole)\n' });
    const requests = server.requestsTo(new URL(url).pathname);
    expect(requests.at(-1)?.headers['if-none-match']).toBe('"v7"');
    expect(requests.at(-1)?.headers['if-modified-since']).toBe('Wed, 28 Aug 2024 06:00:00 GMT');
    expect(await postsOf(board)).toEqual(before);
    const refreshed = await pull(board, ['--refresh']);
    expect(refreshed.stdout).toContain('mois: 0 new · 3 already there · 0 refused');
    expect(server.requestsTo(new URL(url).pathname).at(-1)?.headers['if-none-match']).toBeUndefined();
    expect(await postsOf(board)).toEqual(before);
    // What the server said is kept with the source.
    const [source] = JSON.parse((await cli(board, ['source', 'list', '--format', 'json'])).stdout) as { etag?: string; pulledAt?: string }[];
    expect(source).toMatchObject({ etag: '"v7"', pulledAt: expect.any(String) });
  });

  it('reads an EUC-KR feed declared only in its XML prolog, as the same text as its UTF-8 twin', async () => {
    const utf8 = writeBoard(makeBoard([]));
    const euckr = writeBoard(makeBoard([]));
    expect((await pull(utf8, [route({ body: feedFixture('mois-rss.xml') })])).code).toBe(0);
    const bytes = readFileSync(new URL('../fixtures/feeds/mois-rss-euckr.xml', import.meta.url));
    expect(iconv.decode(bytes, 'cp949')).toContain('encoding="EUC-KR"');
    expect((await pull(euckr, [route({ body: bytes, headers: { 'content-type': 'text/xml' } })])).code).toBe(0);
    const titles = async (board: string) => (await postsOf(board)).map((post) => [post.title, post.department, post.date]);
    expect(await titles(euckr)).toEqual(await titles(utf8));
    expect((await titles(euckr)).flat()).toContain('여름철 물놀이 안전사고 예방·대응 강화');
  });

  it('a source’s own author; a feed served as UTF-8 that is EUC-KR by its prolog; plain-text descriptions keep their paragraphs', async () => {
    const board = writeBoard(makeBoard([]));
    const euckr = readFileSync(new URL('../fixtures/feeds/mois-rss-euckr.xml', import.meta.url));
    await cli(board, ['source', 'add', 'mois', route({ body: euckr, headers: { 'content-type': 'text/xml; charset=UTF-8' } }), '--author', '행안부 보도자료']);
    expect((await pull(board)).stdout).toContain('mois: 3 new');
    const posts = await postsOf(board);
    expect(posts.map((post) => post.author)).toEqual(['행안부 보도자료', '행안부 보도자료', '행안부 보도자료']);
    expect(posts.map((post) => post.title)).toContain('여름철 물놀이 안전사고 예방·대응 강화');
    const plain = '<rss version="2.0"><channel><title>해양수산부 보도자료</title><item><title>연안 여객선 안전점검</title><description>해양수산부는 안전점검을 실시한다.\n\n점검은 12월 한 달간 진행된다.\n- 구명장비\n- 소방설비</description></item></channel></rss>';
    expect((await pull(board, [route({ body: plain })])).code).toBe(0);
    expect((await postsOf(board))[0]).toMatchObject({ title: '연안 여객선 안전점검', department: '해양수산부', body: '해양수산부는 안전점검을 실시한다.\n\n점검은 12월 한 달간 진행된다.\n- 구명장비\n- 소방설비' });
  });

  it('an item the board would refuse is said with its reason; the others are added', async () => {
    const board = writeBoard(makeBoard([]));
    const pulled = await pull(board, [route({ body: feedFixture('invalid-items.xml') })]);
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toMatch(/1 new · 0 already there · \d+ refused/);
    expect(pulled.stdout).toMatch(/refused: 지방자치단체 디지털 행정서비스 혁신 추진계획 발표.*: title .*200/);
    expect((await postsOf(board)).map((post) => post.title)).toEqual(['주민등록증 모바일 확인 서비스 전국 확대']);
  });

  it('--dry-run shows what would be added and writes nothing; --format json says the same for a script', async () => {
    const board = seedBoard();
    const before = readFileSync(board);
    const url = route({ body: feedFixture('mois-rss.xml') });
    const dry = await pull(board, [url, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stdout: expect.stringContaining('3 would be new') });
    expect(dry.stdout).toContain('Would add (--dry-run: nothing was added):');
    expect(readFileSync(board)).toEqual(before);
    const json = JSON.parse((await pull(board, [url, '--format', 'json'])).stdout) as { sources: { source: string; added: Post[]; already: number; refused: unknown[] }[] };
    expect(json.sources).toHaveLength(1);
    expect(json.sources[0]?.added.map((post) => post.id)).toEqual([2913, 2914, 2915]);
    expect(json.sources[0]).toMatchObject({ already: 0, refused: [] });
  });

  it('undo takes a whole pull back; a release deleted from the board is not brought back by the next pull', async () => {
    const board = writeBoard(makeBoard([]));
    const url = route({ body: feedFixture('mois-rss.xml') });
    await cli(board, ['source', 'add', 'mois', url]);
    await pull(board);
    expect((await cli(board, ['log'])).stdout).toMatch(/pull mois +3 added/);
    expect((await cli(board, ['delete', '2', '--yes'])).code).toBe(0);
    const again = await pull(board, ['--refresh']);
    expect(again.stdout).toContain('mois: 0 new · 2 already there · 1 deleted here before, left out · 0 refused');
    expect((await postsOf(board)).map((post) => post.id)).toEqual([3, 1]);
    // The delete undone, then the pull: the board is as before the pull.
    await cli(board, ['undo', '--yes']);
    expect((await cli(board, ['undo', '--yes'])).stdout).toContain('(3 posts)');
    expect(await postsOf(board)).toEqual([]);
  });
});

describe('pull from the 정책브리핑 press-release API', () => {
  const api = () => {
    const path = `/api-${++paths}/1371000/pressReleaseService/pressReleaseList`;
    server.route(path, (request) => ({ body: feedFixture(request.query.get('startDate') === '20240829' ? 'briefing-20240829.xml' : request.query.get('startDate') === '20240826' ? 'briefing-20240826.xml' : 'briefing-empty.xml') }));
    return { url: server.url(path), path };
  };

  it('asks 3 days at a time with the key from the environment, never printed; SubTitle1 is the subtitle; a release pasted by hand from korea.kr is there already', async () => {
    const board = seedBoard();
    const { url, path } = api();
    expect((await cli(board, ['source', 'add', 'briefing', url, '--status', 'hidden'])).stdout).toContain('(press-release API)');
    const pulled = await pull(board, ['--since', '2024-08-26', '--until', '2024-08-31']);
    expect(pulled.code).toBe(0);
    const windows = server.requestsTo(path).map((request) => [request.query.get('startDate'), request.query.get('endDate'), request.query.get('serviceKey')]);
    expect(windows).toEqual([
      ['20240826', '20240828', KEY],
      ['20240829', '20240831', KEY],
    ]);
    for (const text of [pulled.stdout, pulled.stderr, readFileSync(board, 'utf8')]) expect(text).not.toContain('TEST-KEY');
    expect(pulled.stdout).toMatch(/briefing: \d+ new · 1 already there · 0 refused/);
    const posts = (await postsOf(board)).filter((post) => post.id > 2912);
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.every((post) => post.status === 'hidden' && post.author === '보도자료봇' && post.source?.url?.includes('korea.kr/briefing/pressReleaseView.do?newsId='))).toBe(true);
    // The ministry (MinisterCode) is the source agency, and the department when the API names none.
    const income = posts.find((post) => post.title.startsWith('2025년 기준 중위소득')) as Post;
    expect(income).toMatchObject({ department: '보건복지부', subtitle: '- 생계급여 선정기준 4인 가구 월 195만 원으로 올라', source: { agency: '보건복지부', date: '2024-08-29' } });
    expect(income.body.split('\n\n')).toHaveLength(2);
    const meeting = posts.find((post) => post.title === '"민생 회복" 지방재정 신속집행 점검회의 개최') as Post;
    expect(meeting).toMatchObject({ date: '2024-08-27', department: '행정안전부' });
    expect(meeting.body).toContain('지방자치단체 | 60% | 58.2%');
    expect(meeting.subtitle).toBeUndefined();
    expect(meeting.body).toContain('지방자치단체');
    // Pulled again: nothing new, the API's releases found by their korea.kr number.
    expect((await pull(board, ['--since', '2024-08-26', '--until', '2024-08-31'])).stdout).toMatch(/briefing: 0 new · \d+ already there · 0 refused/);
  });

  it('without POSTBOARD_BRIEFING_KEY, the source fails in one line that says where the key goes; an API error code is said as the API said it', async () => {
    const board = writeBoard(makeBoard([]));
    const { url } = api();
    await cli(board, ['source', 'add', 'briefing', url]);
    const keyless = await pull(board, [], { POSTBOARD_BRIEFING_KEY: undefined });
    expect(keyless).toMatchObject({ code: 1, stdout: '' });
    expect(keyless.stderr).toBe('error: briefing: the press-release API needs its service key in the environment variable POSTBOARD_BRIEFING_KEY (from data.go.kr)\n');
    const refusing = `/api-${++paths}/1371000/pressReleaseService/pressReleaseList`;
    server.route(refusing, { body: feedFixture('briefing-error-key.xml') });
    const refused = await pull(board, [server.url(refusing), '--kind', 'briefing']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('SERVICE_KEY_IS_NOT_REGISTERED_ERROR');
    expect(refused.stderr).not.toContain('TEST-KEY');
  });
});

describe('a source broken by a hand edit of the board file', () => {
  it('stops only what reads the sources, naming it; every other command and check go on', async () => {
    const board = writeBoard({ ...makeBoard([makePost({ id: 1, title: '첫 글' })]), sources: [{ name: 'mois', kind: 'atom', url: 'https://www.mois.go.kr/rss', addedAt: '2026-12-01T00:00:00.000Z' }] } as never);
    expect((await cli(board, ['list'])).code).toBe(0);
    expect((await cli(board, ['add', '--title', '둘째 글', '--author', '김'])).code).toBe(0);
    for (const args of [['source', 'list'], ['pull']]) {
      const refused = await cli(board, args);
      expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('a source in "sources" is not one postboard reads') });
      expect(refused.stderr).toContain('"kind":"atom"');
    }
    expect((await cli(board, ['check'])).stdout).toContain('"kind":"atom"');
    // The add kept the broken source as it was, for a person to fix.
    expect(JSON.parse(readFileSync(board, 'utf8')).sources).toEqual([{ name: 'mois', kind: 'atom', url: 'https://www.mois.go.kr/rss', addedAt: '2026-12-01T00:00:00.000Z' }]);
  });
});

describe('the press-release API’s key', () => {
  it('goes only to data.go.kr over https or to this machine; a server that echoes it back never gets it said', async () => {
    const board = writeBoard(makeBoard([]));
    await cli(board, ['source', 'add', 'elsewhere', 'http://127.0.0.2:9/1371000/pressReleaseService/pressReleaseList']);
    const refused = await pull(board);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('is sent only to https://apis.data.go.kr') });
    const echo = `/echo-${++paths}/1371000/pressReleaseService/pressReleaseList`;
    server.route(echo, (request) => ({ body: `<response><header><resultCode>30</resultCode><resultMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR for ${request.query.get('serviceKey')}</resultMsg></header></response>` }));
    const echoed = await pull(board, [server.url(echo)]);
    expect(echoed.code).toBe(1);
    expect(echoed.stderr).toContain('SERVICE_KEY_IS_NOT_REGISTERED_ERROR for …');
    expect(echoed.stderr).not.toContain('TEST-KEY');
  });

  it('is never part of a source’s address, nor is a password; a period longer than a year is pulled a year at a time', async () => {
    const board = writeBoard(makeBoard([]));
    for (const url of ['https://apis.data.go.kr/1371000/pressReleaseService/pressReleaseList?serviceKey=abc', 'https://admin:s3cret@www.mois.go.kr/rss.jsp']) {
      const added = await cli(board, ['source', 'add', 'x', url]);
      expect(added).toMatchObject({ code: 2, stderr: expect.stringContaining('would be kept with the board and shown') });
      expect(added.stderr).not.toMatch(/abc|s3cret/);
    }
    expect(await pull(board, ['--since', '2020-01-01', '--until', '2024-01-01'])).toMatchObject({ code: 2, stderr: expect.stringContaining('a year at a time') });
    expect(await pull(board, ['--timeout', '999999'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--timeout is at most 3,600') });
  });
});

describe('a source that fails', () => {
  const failing: [string, () => string, RegExp, string[]?][] = [
    ['a server that answers 500 every time (3 tries)', () => route({ status: 500 }), /HTTP 500|500/],
    ['a server that never finishes (--timeout 1)', () => route({ trickle: { everyMs: 100 } }), /1 s|second/, ['--timeout', '1']],
    ['a 50 MB response (--max-size 5)', () => route({ stream: { bytes: 50 * 1024 * 1024 } }), /5 MB|larger/, ['--max-size', '5']],
    ['a redirect loop', () => {
      const a = `/loop-a-${++paths}`;
      const b = `/loop-b-${paths}`;
      server.redirect(a, b);
      server.redirect(b, a);
      return server.url(a);
    }, /redirect/],
    ['malformed XML', () => route({ body: feedFixture('malformed.xml') }), /XML|line/],
    ['a billion-laughs DOCTYPE', () => route({ body: feedFixture('billion-laughs.xml') }), /DOCTYPE/],
    ['an external entity', () => route({ body: feedFixture('external-entity.xml') }), /DOCTYPE/],
  ];

  it.each(failing)('%s: one line naming it, exit 1; the other source is still pulled; nothing of the failing one is written', async (_, make, reason, flags = []) => {
    const board = writeBoard(makeBoard([]));
    await cli(board, ['source', 'add', 'bad', make()]);
    await cli(board, ['source', 'add', 'good', route({ body: feedFixture('prefixed-rss.xml') })]);
    const started = Date.now();
    const pulled = await pull(board, flags);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(pulled.code).toBe(1);
    const lines = pulled.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: bad: /);
    expect(lines[0]).toMatch(reason);
    expect(pulled.stdout).toMatch(/good: \d+ new/);
    const posts = await postsOf(board);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((post) => !post.body.includes('lol'))).toBe(true);
  });

  it('500, 500, then the feed: read on the third try', async () => {
    const board = writeBoard(makeBoard([]));
    const url = route([{ status: 500 }, { status: 503 }, { body: feedFixture('mois-rss.xml') }]);
    const pulled = await pull(board, [url]);
    expect(pulled).toMatchObject({ code: 0, stdout: expect.stringContaining('3 new') });
    expect(server.requestsTo(new URL(url).pathname)).toHaveLength(3);
  });

  it('a board with no sources says how to add one', async () => {
    const board = writeBoard(makeBoard([]));
    expect(await pull(board)).toMatchObject({ code: 1, stderr: expect.stringContaining('postboard source add NAME URL') });
  });
});
