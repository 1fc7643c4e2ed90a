import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { XMLParser } from 'fast-xml-parser';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBoard, runCli, SAMPLE_BOARD, sampleCopy, tempDir, writeBoard } from '../support/cli.js';
import { KEYS, onTerminal } from '../support/io.js';
import { makeBoard, makePost } from '../support/posts.js';
import { Terminal } from '../support/terminal.js';

describe('the default board works from any folder', () => {
  it('outside the repository, the board is your own one in the data folder; list and --help say which', async () => {
    const home = tempDir('postboard-home-');
    const folder = tempDir('postboard-elsewhere-');
    const listed = await runCli(['list'], { cwd: folder, env: { HOME: home } });
    expect(listed).toMatchObject({ code: 0, stderr: 'No board at ~/.local/share/postboard/posts.json yet. Post the first one with: postboard add\n' });
    expect((await runCli(['--help'], { cwd: folder, env: { HOME: home } })).stdout.replace(/\s+/g, ' ')).toContain('now: ~/.local/share/postboard/posts.json');
    // The first change makes the board, folders and all.
    expect((await runCli(['add', '--title', '첫 글', '--author', 'a'], { cwd: folder, env: { HOME: home } })).code).toBe(0);
    expect(loadBoard(join(home, '.local/share/postboard/posts.json')).posts[0]?.title).toBe('첫 글');
    // $XDG_DATA_HOME is where data goes when it is set; --db and POSTBOARD_DB still win.
    const xdg = tempDir('postboard-xdg-');
    await runCli(['add', '--title', 'XDG', '--author', 'a'], { cwd: folder, env: { HOME: home, XDG_DATA_HOME: xdg } });
    expect(existsSync(join(xdg, 'postboard/posts.json'))).toBe(true);
    const named = join(tempDir(), 'named.json');
    await runCli(['add', '--title', 'named', '--author', 'a'], { cwd: folder, env: { HOME: home, POSTBOARD_DB: named } });
    expect(loadBoard(named).posts[0]?.title).toBe('named');
  });

  it('in a folder with data/posts.json (this repository), that board', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'data'));
    writeFileSync(join(folder, 'data/posts.json'), readFileSync(SAMPLE_BOARD));
    const listed = await runCli(['list', '--limit', '1'], { cwd: folder });
    expect(listed.stderr).toContain('board ./data/posts.json');
  });
});

describe('a body file from a Korean Windows editor', () => {
  it('in CP949 is read as Korean text, not mojibake', async () => {
    const board = sampleCopy();
    const file = join(tempDir(), 'release.txt');
    writeFileSync(file, iconv.encode('행정안전부는 26일 보도자료를 냈다.\r\n\r\n둘째 문단.', 'cp949'));
    expect((await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--body-file', file])).code).toBe(0);
    expect(loadBoard(board).posts[0]?.body).toBe('행정안전부는 26일 보도자료를 냈다.\n\n둘째 문단.');
  });

  it('mixing encodings is refused, naming the line', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const file = join(tempDir(), 'mixed.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('첫 줄은 UTF-8\n'), iconv.encode('둘째 줄은 CP949\n', 'cp949')]));
    const result = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--body-file', file]);
    expect(result).toMatchObject({ code: 1, stderr: `error: --body-file: ${file}: line 2 is not UTF-8 (it looks like CP949, Korean Windows), but the rest of the file is UTF-8; save the whole file in one encoding\n` });
    expect(readFileSync(board).equals(before)).toBe(true);
  });
});

describe('the board\'s own words', () => {
  it('statuses as 노출/비노출 in any case, wherever a status is taken; field names in Korean for --fields', async () => {
    const board = sampleCopy();
    expect((await runCli(['edit', '2912', '--status', '비노출', '--db', board])).code).toBe(0);
    expect(loadBoard(board).posts.find((post) => post.id === 2912)?.status).toBe('hidden');
    expect((await runCli(['add', '--title', 't', '--author', 'a', '--status', 'HIDDEN', '--db', board])).code).toBe(0);
    const listed = await runCli(['list', '--status', '비노출', '--fields', '번호,제목', '--db', board, '--lang', 'ko']);
    expect(listed.stdout.split('\n').slice(0, 4).map((line) => line.trimEnd())).toEqual([
      '번호  제목',
      '─────────────────────────────────────────────────────────────────────',
      '2933  [비노출] t',
      '2912  [비노출] 세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다',
    ]);
  });

  it('timestamps read in local time in tables, stored as ISO in JSON', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, createdAt: '2024-09-02T20:30:00.000Z', updatedAt: '2024-09-02T20:30:00.000Z' })]));
    const table = await runCli(['list', '--db', board, '--fields', 'id,createdAt'], { env: { TZ: 'Asia/Seoul' } });
    expect(table.stdout).toContain('2024-09-03 05:30:00');
    const json = await runCli(['list', '--db', board, '--format', 'json'], { env: { TZ: 'Asia/Seoul' } });
    expect(json.stdout).toContain('"createdAt": "2024-09-02T20:30:00.000Z"');
  });

  it('Korean counters read naturally, and no English is left in the messages', async () => {
    const board = sampleCopy();
    expect((await runCli(['hide', '2913', '--db', board, '--lang', 'ko'])).stdout).toBe('글 1개를 숨겼습니다: 2913\n');
    expect((await runCli(['delete', '2913', '2914', '--yes', '--db', board, '--lang', 'ko'])).stdout).toBe('글 2개를 지웠습니다: 2913, 2914\n');
    const invalid = await runCli(['add', '--title', '', '--author', 'a', '--db', board, '--lang', 'ko']);
    expect(invalid.stderr).toBe('오류: --title: 비어 있으면 안 됩니다\n');
  });
});

describe('small things that must be right', () => {
  it('help for a command that does not exist is a one-line usage error', async () => {
    const result = await runCli(['help', 'nosuch']);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: "error: unknown command 'nosuch' (see 'postboard --help')\n" });
  });

  it('stats refuses --sort (its tables have their own order) and fits its width', async () => {
    expect((await runCli(['stats', '--sort', 'views'])).code).toBe(2);
    const narrow = await runCli(['stats', '--width', '40']);
    for (const line of narrow.stdout.trimEnd().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
  });

  it("the RSS feed's language is the posts', and a post without a source links to its own anchor, never another site", async () => {
    const board = writeBoard(
      makeBoard([
        makePost({ id: 1, title: '출처 없는 글' }),
        makePost({ id: 2, title: '출처 있는 글', source: { url: 'https://www.motie.go.kr/a/1' } }),
      ]),
    );
    const parse = (xml: string) => new XMLParser().parse(xml) as { rss: { channel: { language: string; item: { link?: string; guid: string }[] } } };
    const withLink = await runCli(['export', '--db', board, '--format', 'rss', '--feed-link', 'https://esg.example.kr/news', '--lang', 'en']);
    const feed = parse(withLink.stdout).rss.channel;
    expect(feed.language).toBe('ko');
    expect(feed.item.map((item) => item.link)).toEqual(['https://www.motie.go.kr/a/1', 'https://esg.example.kr/news#post-1']);
    expect(withLink.stderr).toBe('');
  });

  it('the department picker: what is typed picks the department that matches, not a new one', async () => {
    const board = sampleCopy();
    const session = onTerminal(['add', '--db', board, '--title', 't', '--subtitle', '', '--date', '2024-09-09', '--status', 'published', '--body', '', '--source-agency', '', '--source-date', '', '--source-url', '', '--yes', '--lang', 'ko']);
    await session.waitFor('글쓴이');
    session.type(`한국생산성본부${KEYS.enter}`);
    await session.waitFor('담당부서');
    session.type('행정');
    await session.waitFor('(새 부서)');
    session.type(KEYS.enter);
    expect(await session.exit).toBe(0);
    expect(loadBoard(board).posts[0]?.department).toBe('행정안전부');
  });
});

describe('long output on a terminal goes through a pager', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  it('$PAGER gets it when it does not fit the window; --no-pager and a pipe never page', async () => {
    const folder = tempDir();
    const paged = join(folder, 'paged.txt');
    terminal = Terminal.start('sh', { env: { PAGER: `cat > ${paged}`, PS1: '$ ' }, height: 15 });
    await terminal.waitFor('$ ');
    terminal.type(`postboard list --all --db ${SAMPLE_BOARD}\n`);
    await terminal.waitFor(/\$ $/m);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readFileSync(paged, 'utf8')).toContain('21 posts · board');
    terminal.type(`rm ${paged}; postboard list --all --no-pager --db ${SAMPLE_BOARD}\n`);
    await terminal.waitFor('21 posts');
    terminal.type(`postboard list --limit 3 --db ${SAMPLE_BOARD}\n`); // fits: no pager at all
    await terminal.waitFor('Page 1 of 7');
    terminal.type(`postboard list --all --db ${SAMPLE_BOARD} | cat > /dev/null\n`);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(existsSync(paged)).toBe(false);
  });
});
