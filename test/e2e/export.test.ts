import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { HtmlRenderer, Parser } from 'commonmark';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';
import type { Post } from '../../src/board/post.js';

/** A board with everything that breaks naive exporters. */
const tricky: Post[] = [
  makePost({
    id: 1,
    title: '"청정수소", 글로벌 협력; 기술 공유',
    author: '한국생산성본부',
    department: '산업|통상 <자원>부 & 기획',
    body: '첫 줄\r\n둘째 줄\n\n셋째 문단\t탭 있음',
    views: 1234,
    source: { agency: '행정안전부', date: '2024-08-26', url: 'https://www.korea.kr/briefing/pressReleaseView.do?newsId=1&pageIndex=19' },
  }),
  makePost({ id: 2, title: '=SUM(A1:A9)', author: '-1', department: '@handle', body: '+82 10 1234 5678', date: '2024-09-03' }),
  makePost({ id: 3, title: '이모지 👩‍💻🇰🇷 제목', author: 'Emoji 작가', body: 'CDATA ]]> 두 번 ]]> 끝 <b>굵게</b> & 앰퍼샌드', status: 'hidden', date: '2024-09-04' }),
  makePost({ id: 4, title: '제어 문자 \x1b[31m빨강\x07 그리고 \u202e', author: 'a', body: '탭\t과 \\ 백슬래시', date: '2024-09-05', createdAt: '2024-09-05T00:00:00.000Z', updatedAt: '2024-09-05T01:00:00.000Z' }),
  makePost({ id: 5, title: '\ttab first', author: '\rcr first', department: '\nlf first', date: '2024-09-06' }),
];
const board = writeBoard(makeBoard(tricky));
const exported = async (...args: string[]) => {
  const result = await runCli(['export', '--db', board, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};
const asJson = async (...args: string[]) => JSON.parse(await exported('--format', 'json', ...args)) as Post[];
const flat = (post: Post): Record<string, string> => ({
  id: String(post.id),
  title: post.title,
  subtitle: post.subtitle ?? '',
  author: post.author,
  department: post.department,
  date: post.date,
  views: String(post.views),
  status: post.status,
  body: post.body,
  source_agency: post.source?.agency ?? '',
  source_date: post.source?.date ?? '',
  source_url: post.source?.url ?? '',
  createdAt: post.createdAt ?? '',
  updatedAt: post.updatedAt ?? '',
});
const unguard = (record: Record<string, string>) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, /^'[=+\-@\t\r\n]/.test(value) ? value.slice(1) : value]));

describe('export --format json and jsonl', () => {
  it('json is the posts exactly as stored, highest number first', async () => {
    expect(await asJson()).toEqual([...tricky].reverse());
  });

  it('jsonl is one post per line, the same posts', async () => {
    const lines = (await exported('--format', 'jsonl')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual([...tricky].reverse());
  });

  it('filters and sort of list apply', async () => {
    expect((await asJson('--status', 'hidden')).map((post) => post.id)).toEqual([3]);
    expect((await asJson('--sort', 'date', '--asc', '--limit', '2')).map((post) => post.id)).toEqual([1, 2]);
    expect((await asJson('--search', '앰퍼샌드')).map((post) => post.id)).toEqual([3]);
  });
});

describe('export to CSV (the default)', () => {
  it('is RFC 4180: header of field keys, CRLF between records, quoting a real parser reads back', async () => {
    const csv = await exported('--no-bom');
    expect(csv.startsWith('id,title,subtitle,author,department,date,views,status,body,source_agency,source_date,source_url,createdAt,updatedAt\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(csv, { columns: true }) as Record<string, string>[];
    const json = await asJson();
    expect(records).toHaveLength(json.length);
    // Field for field the same as the JSON export, apart from the formula guard's apostrophe.
    expect(records.map(unguard)).toEqual(json.map(flat));
  });

  it('guards formulas: a cell starting with = + - @ tab CR LF gets a leading apostrophe', async () => {
    const records = parseCsv(await exported(), { columns: true, bom: true }) as Record<string, string>[];
    const two = records.find((record) => record.id === '2');
    expect(two).toMatchObject({ title: "'=SUM(A1:A9)", author: "'-1", department: "'@handle", body: "'+82 10 1234 5678" });
    const five = records.find((record) => record.id === '5');
    expect(five).toMatchObject({ title: "'\ttab first", author: "'\rcr first", department: "'\nlf first" });
  });

  it('--no-formula-guard writes cells as they are', async () => {
    const records = parseCsv(await exported('--no-formula-guard'), { columns: true, bom: true }) as Record<string, string>[];
    expect(records.find((record) => record.id === '2')?.title).toBe('=SUM(A1:A9)');
  });

  it('--header ko and --header en name the columns', async () => {
    expect((await exported('--header', 'ko', '--no-bom')).split('\r\n')[0]).toBe('번호,제목,부제,글쓴이,담당부서,날짜,조회수,상태,내용,출처 기관,출처 날짜,출처 URL,작성 시각,수정 시각');
    expect((await exported('--header', 'en', '--fields', 'id,title', '--no-bom')).split('\r\n')[0]).toBe('No.,Title');
  });

  it('--header ko is for people: 노출/비노출, and timestamps in local time, to the millisecond, with the offset', async () => {
    const result = await runCli(['export', '--db', board, '--header', 'ko', '--fields', 'id,status,createdAt,updatedAt'], { env: { TZ: 'Asia/Seoul' } });
    const rows = parseCsv(result.stdout, { bom: true }) as string[][];
    expect(rows.find((row) => row[0] === '3')?.[1]).toBe('비노출');
    expect(rows.find((row) => row[0] === '4')).toEqual(['4', '노출', '2024-09-05 09:00:00.000 +09:00', '2024-09-05 10:00:00.000 +09:00']);
    // The stored form everywhere else.
    expect((await exported('--format', 'json')).includes('"updatedAt": "2024-09-05T01:00:00.000Z"')).toBe(true);
    expect(parseCsv(await exported('--fields', 'id,status,createdAt'), { bom: true })).toContainEqual(['4', 'published', '2024-09-05T00:00:00.000Z']);
  });

  it('starts with a UTF-8 byte-order mark, to a file and to stdout, so Korean Excel reads it; --no-bom for tools', async () => {
    const out = join(tempDir(), '11월.csv');
    expect((await runCli(['export', '--db', board, '-o', out])).code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(await exported('--no-bom'));
    expect((await exported()).startsWith('\uFEFFid,title')).toBe(true);
    expect((await exported('--format', 'tsv')).startsWith('\uFEFFid\ttitle')).toBe(true);
    // --excel, from before it was the default, still works and says the same.
    expect(await exported('--excel')).toBe(await exported());
    expect((await runCli(['export', '--db', board, '--excel', '--no-bom'])).code).toBe(2);
    // JSON never has one.
    expect((await exported('--format', 'json')).startsWith('[')).toBe(true);
  });
});

describe('export --encoding cp949', () => {
  const korean = writeBoard(
    makeBoard([
      makePost({ id: 1, title: '똠방각하, "뷁" 보도자료', author: '한국생산성본부', body: '첫 줄\r\n둘째 줄 ㈜ ①', department: '행정안전부' }),
      makePost({ id: 2, title: '=수식 같은 제목', author: '-작가' }),
    ]),
  );

  it('writes CP949 bytes, no BOM, that a CP949 decoder (Python\'s) reads back to the same CSV', async () => {
    const out = join(tempDir(), 'board.csv');
    const result = await runCli(['export', '--db', korean, '--encoding', 'cp949', '-o', out]);
    expect(result.code).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes[0]).not.toBe(0xef);
    const decoded = spawnSync('python3', ['-c', "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('cp949').encode('utf-8'))"], { input: bytes });
    expect(decoded.status).toBe(0);
    const utf8 = (await runCli(['export', '--db', korean, '--no-bom'])).stdout;
    expect(decoded.stdout.toString('utf8')).toBe(utf8);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(utf8));
  });

  it('a character CP949 cannot hold is an error naming the post and field, and no file is left', async () => {
    const dir = tempDir();
    const out = join(dir, 'board.csv');
    const result = await runCli(['export', '--db', board, '--encoding', 'cp949', '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: post 4: title holds "<U\+202E>" \(U\+202E\), which CP949 cannot encode/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--excel with cp949 is a usage error (no BOM in CP949)', async () => {
    const result = await runCli(['export', '--db', korean, '--encoding', 'cp949', '--excel']);
    expect(result.code).toBe(2);
  });
});

describe('export --format tsv', () => {
  it('tabs, newlines and backslashes are escaped visibly; every record is one line', async () => {
    const tsv = await exported('--format', 'tsv', '--no-bom');
    expect(tsv.endsWith('\n')).toBe(true);
    const lines = tsv.slice(0, -1).split('\n');
    expect(lines).toHaveLength(tricky.length + 1);
    const header = lines[0]!.split('\t');
    const unescape = (cell: string) => cell.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c] ?? c);
    // A cell opening with a quote is quoted as CSV quotes it: "" inside.
    const unquote = (cell: string) => (/^"(?:[^"]|"")*"$/.test(cell) ? cell.slice(1, -1).replace(/""/g, '"') : cell);
    const records = lines.slice(1).map((line) => Object.fromEntries(line.split('\t').map((cell, i) => [header[i], unescape(unquote(cell))])));
    expect(records.map(unguard)).toEqual((await asJson()).map(flat));
    expect(tsv).toContain('첫 줄\\r\\n둘째 줄\\n\\n셋째 문단\\t탭 있음');
  });

  it("a cell opening with a quote is read right by Python's csv (and spreadsheets), and comes back whole from a sheet that saved it again", async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: '"따옴표" 제목', author: '"저자"', body: '줄 하나\n줄 둘' })]));
    const file = join(tempDir(), 'board.tsv');
    expect((await runCli(['export', '--db', board, '--format', 'tsv', '--no-bom', '-o', file])).code).toBe(0);
    const script = "import csv, json, sys; rows = list(csv.reader(open(sys.argv[1], encoding='utf-8'), delimiter='\\t')); print(json.dumps([rows[1][rows[0].index(k)] for k in ('id', 'title', 'author')], ensure_ascii=False))";
    const read = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
    expect(JSON.parse(read.stdout)).toEqual(['1', '"따옴표" 제목', '"저자"']);
    // As LibreOffice saves a TSV again: cells quoted, and a long one broken over lines inside its quotes.
    const sheet = join(tempDir(), 'sheet.tsv');
    writeFileSync(sheet, 'id\ttitle\tauthor\tbody\r\n1\t"""따옴표"" 제목 고침"\t"""저자"""\t"줄 하나\\n줄 둘\r\n"\r\n');
    const updated = await runCli(['import', sheet, '--update', '--db', board]);
    expect(updated).toMatchObject({ code: 0, stdout: expect.stringContaining('1 updated') });
    expect(JSON.parse((await runCli(['export', '--db', board, '--format', 'json'])).stdout)[0]).toMatchObject({ title: '"따옴표" 제목 고침', author: '"저자"', body: '줄 하나\n줄 둘' });
  });
});

describe('export --format md', () => {
  it('a Markdown table: number, title, author, date, views; pipes and tags escaped', async () => {
    const md = await exported('--format', 'md', '--lang', 'ko');
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('| 번호 | 제목 | 글쓴이 | 날짜 | 조회수 |');
    expect(lines[1]).toBe('| --: | --- | --- | --- | --: |');
    // For publishing: the published posts only (the hidden one is left out), unless --status says otherwise.
    expect(lines).toHaveLength(tricky.filter((post) => post.status === 'published').length + 2);
    expect(md).not.toContain('이모지');
    expect((await exported('--format', 'md', '--status', 'all')).trimEnd().split('\n')).toHaveLength(tricky.length + 2);
    for (const line of lines) expect(line.split(/(?<!\\)\|/)).toHaveLength(7);
    const withDepartment = (await exported('--format', 'md', '--fields', 'id,department')).split('\n');
    expect(withDepartment).toContain('| 1 | 산업&#124;통상 &#60;자원&#62;부 &#38; 기획 |');
    expect(md).not.toMatch(/\x1b/);
  });

  /** Titles that make markup, entities, links or emoji in one Markdown reader or another. */
  const hostileTitles = [
    '<script>alert(1)</script> 보도자료',
    'AT&amp;T &lt;b&gt; &copy; &#124; 그대로',
    '산업|통상 <자원>부 & 기획',
    '자세히: https://www.korea.kr/news?id=1&b=2 참고',
    'www.korea.kr 와 WWW.ME.GO.KR 와 http://a.b',
    '문의 press@korea.kr, mailto:x@y.kr, xmpp:a@b.cd',
    '*강조* _밑줄_ **굵게** __굵게__ ~~취소~~ ~물결~',
    '`코드` [링크](http://x.y) ![그림](x.png) [^1] <http://a.b>',
    'back\\slash \\* \\| end\\',
    ':smile: :+1: 10:30 시각 ESG:2024 발표: 결과',
    '[ ] 할 일 [x] 끝 $x^2$ <!-- 주석 --> &nbsp;',
  ];
  const hostileBoard = writeBoard(makeBoard(hostileTitles.map((title, index) => makePost({ id: index + 1, title }))));
  /** What a browser shows of an HTML text: references read once, spaces as one. */
  const shownText = (html: string) =>
    html
      .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|amp|quot));/gi, (_, dec: string, hex: string, name: string) =>
        dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : { lt: '<', gt: '>', amp: '&', quot: '"' }[name]!,
      )
      .replace(/\s+/g, ' ')
      .trim();

  it('titles show literally through a GFM parser (micromark + its GFM extensions): no tag, no link, no emphasis, no entity read twice', async () => {
    const md = await (async () => {
      const result = await runCli(['export', '--db', hostileBoard, '--format', 'md', '--fields', 'id,title', '--sort', 'id', '--asc']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      return result.stdout;
    })();
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    // A table of the titles, and nothing made of their text: only the table's own tags.
    expect([...new Set(html.match(/<\/?[a-z]+/g))].sort()).toEqual(['</table', '</tbody', '</td', '</th', '</thead', '</tr', '<table', '<tbody', '<td', '<th', '<thead', '<tr']);
    const cells = [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((match) => shownText(match[1]!));
    expect(cells.filter((_, index) => index % 2 === 1)).toEqual(hostileTitles.map((title) => title.replace(/\s+/g, ' ')));
  });

  it('and through the CommonMark reference parser (which has no tables: the rows are text), just as literally', async () => {
    const md = (await runCli(['export', '--db', hostileBoard, '--format', 'md', '--fields', 'id,title', '--sort', 'id', '--asc', '--lang', 'en'])).stdout;
    const html = new HtmlRenderer().render(new Parser().parse(md));
    expect([...new Set(html.match(/<\/?[a-z]+/g))].sort()).toEqual(['</p', '<p']);
    const rows = ['| No. | Title |', '| --: | --- |', ...hostileTitles.map((title, index) => `| ${index + 1} | ${title} |`)];
    expect(shownText(html.replace(/<\/?p>/g, ''))).toBe(rows.join(' ').replace(/\s+/g, ' '));
  });
});

describe('export --format rss', () => {
  const rss = (...args: string[]) => exported('--format', 'rss', '--feed-title', 'ESG 정책뉴스 & <보도자료>', '--feed-link', 'https://example.go.kr/esg?a=1&b=2', ...args);

  it('is well-formed XML whatever the text: &, <, ]]> twice, control characters', async () => {
    const xml = await rss();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).rss.channel;
    expect(feed.title).toBe('ESG 정책뉴스 & <보도자료>');
    expect(feed.link).toBe('https://example.go.kr/esg?a=1&b=2');
    const items = [feed.item].flat();
    // Published posts only, newest first.
    expect(items.map((item: { title: string }) => String(item.title))).toEqual([
      expect.stringContaining('tab first'),
      expect.stringContaining('제어 문자'),
      '=SUM(A1:A9)',
      '"청정수소", 글로벌 협력; 기술 공유',
    ]);
  });

  it('each item links to its source, has a stable guid and the post date', async () => {
    const first = new XMLParser({ ignoreAttributes: false }).parse(await rss()).rss.channel.item;
    const again = new XMLParser({ ignoreAttributes: false }).parse(await rss()).rss.channel.item;
    const one = first.find((item: { guid: { '#text': string } }) => item.guid['#text'].endsWith('#post-1'));
    expect(one.link).toBe('https://www.korea.kr/briefing/pressReleaseView.do?newsId=1&pageIndex=19');
    expect(one.guid['@_isPermaLink']).toBe('false');
    expect(new Date(one.pubDate).getDate()).toBe(2);
    expect(first.map((item: { guid: { '#text': string } }) => item.guid['#text'])).toEqual(again.map((item: { guid: { '#text': string } }) => item.guid['#text']));
  });

  it("a literal &amp; stays &amp; for a reader in every element (category, channel title, guid); | in a link is percent-encoded; the file ends with a line's end", async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: 't', department: '과학&amp;기술부', source: { url: 'https://e.kr/c?p=a|b' } })]));
    const result = await runCli(['export', '--db', board, '--format', 'rss', '--feed-title', 'A&amp;B <x>', '--feed-link', 'https://e.kr/esg?a=1&amp;b=2']);
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('</rss>\n')).toBe(true);
    const channel = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(result.stdout).rss.channel;
    expect(channel.title).toBe('A&amp;B <x>');
    expect(channel.item.category).toBe('과학&amp;기술부');
    expect(channel.item.guid['#text']).toBe('https://e.kr/esg?a=1&amp;b=2#post-1');
    expect(channel.item.link).toBe('https://e.kr/c?p=a%7Cb');
  });

  it('hostile text in a published post still makes valid XML', async () => {
    const hostile = writeBoard(makeBoard([makePost({ id: 9, title: 'a ]]> b ]]> c \x00\x1b\x07 \ud800', body: '<![CDATA[ x ]]> ]]>' })]));
    const result = await runCli(['export', '--db', hostile, '--format', 'rss', '--feed-link', 'https://example.go.kr/']);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
  });

  it('links are URIs: what a URI may not hold is percent-encoded, and xmllint and feedparser read the feed without a fault', async () => {
    const odd = writeBoard(
      makeBoard([
        makePost({ id: 1, title: '출처 있는 글', date: '2024-09-01', source: { url: 'https://www.korea.kr/briefing/view.do?a=1&b=<2>&c="인용" 끝' } }),
        makePost({ id: 2, title: '출처 없는 글', date: '2024-09-02' }),
      ]),
    );
    const result = await runCli(['export', '--db', odd, '--format', 'rss', '--feed-link', 'https://example.go.kr/보도 자료?x=<1>']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const xml = result.stdout;
    // As the WHATWG URL writes it (what a browser sends): never b=&lt;2&gt;, which is no URI.
    expect(xml).toContain('<link>https://www.korea.kr/briefing/view.do?a=1&amp;b=%3C2%3E&amp;c=%22%EC%9D%B8%EC%9A%A9%22%20%EB%81%9D</link>');
    expect(xml).not.toContain('&lt;2&gt;');
    const board = 'https://example.go.kr/%EB%B3%B4%EB%8F%84%20%EC%9E%90%EB%A3%8C?x=%3C1%3E';
    expect(xml).toContain(`<link>${board}</link>`);
    expect(xml).toContain(`<link>${board}#post-2</link>`);
    const feed = join(tempDir(), 'feed.xml');
    writeFileSync(feed, xml);
    const lint = spawnSync('xmllint', ['--noout', feed], { encoding: 'utf8' });
    expect(lint).toMatchObject({ status: 0, stderr: '' });
    // Debian's Python, where python3-feedparser is installed. bozo is feedparser's word for "not well-formed".
    const read = spawnSync('/usr/bin/python3', ['-c', 'import feedparser, json, sys; d = feedparser.parse(sys.argv[1]); print(json.dumps([d.bozo, d.version, d.feed.link, [e.link for e in d.entries]]))', feed], { encoding: 'utf8' });
    expect(read.stderr).toBe('');
    expect(JSON.parse(read.stdout)).toEqual([false, 'rss20', board, [`${board}#post-2`, 'https://www.korea.kr/briefing/view.do?a=1&b=%3C2%3E&c=%22%EC%9D%B8%EC%9A%A9%22%20%EB%81%9D']]);
  });

  it('--limit picks the newest; default 20', async () => {
    const many = writeBoard(makeBoard(Array.from({ length: 30 }, (_, i) => makePost({ id: i + 1, date: `2024-09-${String(i + 1).padStart(2, '0')}`.replace('-31', '-30') }))));
    const items = (args: string[]) =>
      [new XMLParser().parse(spawnRss(many, args)).rss.channel.item].flat().length;
    expect(items([])).toBe(20);
    expect(items(['--limit', '5'])).toBe(5);
  });
});

function spawnRss(db: string, args: string[]): string {
  return spawnSync(process.execPath, ['bin/postboard.js', 'export', '--db', db, '--format', 'rss', '--feed-link', 'https://example.go.kr/', ...args], { encoding: 'utf8' }).stdout;
}

describe('export --output', () => {
  it('writes the file whole and says so on stderr', async () => {
    const out = join(tempDir(), 'board.csv');
    const result = await runCli(['export', '--db', board, '-o', out]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: `Exported 5 posts to ${out}\n` });
    expect(readFileSync(out, 'utf8')).toBe(await exported());
  });

  it('refuses an existing file unless --force', async () => {
    const out = join(tempDir(), 'board.csv');
    writeFileSync(out, 'keep me');
    const refused = await runCli(['export', '--db', board, '-o', out]);
    expect(refused).toMatchObject({ code: 1, stderr: `error: ${out} already exists; add --force to replace it\n` });
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await runCli(['export', '--db', board, '-o', out, '--force', '--format', 'json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(5);
    expect(readdirSync(join(out, '..'))).toEqual(['board.csv']);
  });

  it('options for another format are usage errors', async () => {
    for (const args of [['--format', 'json', '--excel'], ['--feed-title', 'x'], ['--format', 'rss', '--fields', 'id'], ['--force']]) {
      expect((await runCli(['export', '--db', board, ...args])).code).toBe(2);
    }
  });
});
