import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_BOARD, tempDir, writeBoard, sampleCopy, loadBoard } from '../support/cli.js';

const SAMPLE_URL = (loadBoard(SAMPLE_BOARD).posts.find((post) => post.id === 2912)?.source as { url: string }).url;

const release = [
  '--title', '청정수소 협력 확대',
  '--author', '한국생산성본부',
  '--department', '산업통상자원부',
  '--date', '2024-09-10',
  '--body', '첫 문단.\n\n둘째 문단.',
  '--source-agency', '산업통상자원부',
  '--source-date', '2024-09-09',
  '--source-url', 'https://www.motie.go.kr/view/1',
];

describe('postboard add from a script', () => {
  it('adds post lastId + 1, newest first, and says so', async () => {
    const board = sampleCopy();
    const result = await runCli(['add', '--db', board, ...release, '--yes']);
    expect(result).toMatchObject({ code: 0, stdout: 'Added post 2933: 청정수소 협력 확대\n', stderr: '' });
    const saved = loadBoard(board);
    expect(saved.lastId).toBe(2933);
    expect(saved.posts).toHaveLength(22);
    expect(saved.posts[0]).toEqual({
      id: 2933,
      title: '청정수소 협력 확대',
      author: '한국생산성본부',
      department: '산업통상자원부',
      date: '2024-09-10',
      views: 0,
      status: 'published',
      body: '첫 문단.\n\n둘째 문단.',
      source: { agency: '산업통상자원부', date: '2024-09-09', url: 'https://www.motie.go.kr/view/1' },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const listed = await runCli(['list', '--db', board, '--limit', '1', '--format', 'json']);
    expect(JSON.parse(listed.stdout)[0].id).toBe(2933);
  });

  it('numbers are never reused: lastId counts, not the highest post left', async () => {
    const board = writeBoard({ schemaVersion: 1, lastId: 50, posts: [{ id: 3, title: 't', author: 'a', date: '2024-09-02', views: 0, status: 'published' }] });
    const result = await runCli(['add', '--db', board, '--title', 'x', '--author', 'y', '--quiet']);
    expect(result.stdout).toBe('51\n');
  });

  it('defaults: today (local), published, no department, no body', async () => {
    const board = sampleCopy();
    await runCli(['add', '--db', board, '--title', 't', '--author', 'a']);
    const post = loadBoard(board).posts[0] ?? {};
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(post).toMatchObject({ date: today, status: 'published', department: '', body: '' });
    expect(post).not.toHaveProperty('source');
  });

  it('--quiet prints only the number; --format json the post as stored', async () => {
    const board = sampleCopy();
    expect((await runCli(['add', '--db', board, ...release, '--quiet'])).stdout).toBe('2933\n');
    const json = await runCli(['add', '--db', board, ...release.slice(0, 4), '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(loadBoard(board).posts[0]);
  });

  it('the author comes from POSTBOARD_AUTHOR when not given', async () => {
    const board = sampleCopy();
    const result = await runCli(['add', '--db', board, '--title', 't'], { env: { POSTBOARD_AUTHOR: '환경부 대변인' } });
    expect(result.code).toBe(0);
    expect(loadBoard(board).posts[0]?.author).toBe('환경부 대변인');
  });

  it('Korean output with --lang ko', async () => {
    const board = sampleCopy();
    expect((await runCli(['add', '--db', board, ...release, '--lang', 'ko'])).stdout).toBe('2933번 글을 올렸습니다: 청정수소 협력 확대\n');
  });

  it('the first post of a new board creates the file', async () => {
    const board = join(tempDir(), 'new', 'board.json');
    const dir = join(board, '..');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    const result = await runCli(['add', '--db', board, '--title', '첫 글', '--author', 'a']);
    expect(result.code).toBe(0);
    expect(loadBoard(board)).toMatchObject({ schemaVersion: 1, lastId: 1, posts: [{ id: 1, title: '첫 글' }] });
  });
});

describe('the body from a file or stdin', () => {
  it('--body-file reads a file; CRLF becomes LF, a BOM is dropped', async () => {
    const board = sampleCopy();
    const file = join(tempDir(), 'release.txt');
    writeFileSync(file, '\uFEFF첫 문단\r\n\r\n둘째 문단\r\n');
    await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--body-file', file]);
    expect(loadBoard(board).posts[0]?.body).toBe('첫 문단\n\n둘째 문단');
  });

  it('--body-file - reads stdin', async () => {
    const board = sampleCopy();
    const result = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--body-file', '-'], { input: '표준 입력의 내용\n' });
    expect(result.code).toBe(0);
    expect(loadBoard(board).posts[0]?.body).toBe('표준 입력의 내용');
  });

  it('a missing body file: exit 1, nothing written', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const result = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--body-file', '/nonexistent/x.txt']);
    expect(result).toMatchObject({ code: 1, stderr: 'error: --body-file: cannot read /nonexistent/x.txt (ENOENT: no such file or folder)\n' });
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('--body and --body-file together is a usage error', async () => {
    const result = await runCli(['add', '--title', 't', '--author', 'a', '--body', 'x', '--body-file', 'y']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--body cannot be used with --body-file');
  });
});

describe('--dry-run', () => {
  it('checks and prints the post, writes nothing', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const result = await runCli(['add', '--db', board, ...release, '--dry-run']);
    expect(result.code).toBe(0);
    // No number is promised: it is given when the post is saved.
    expect(result.stdout).toMatch(/^청정수소 협력 확대\nNo\. \(given when posted\) · Author 한국생산성본부 · Department 산업통상자원부/);
    expect(result.stderr).toBe('Dry run: the post was checked, nothing added (its number is given when it is posted).\n');
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('--dry-run --format json shows the post as it would be stored, without the number only saving gives', async () => {
    const result = await runCli(['add', '--db', sampleCopy(), ...release, '--dry-run', '--format', 'json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ views: 0, source: { url: 'https://www.motie.go.kr/view/1' } });
    expect(JSON.parse(result.stdout)).not.toHaveProperty('id');
  });

  it('--dry-run still refuses what a real add would', async () => {
    const result = await runCli(['add', '--db', sampleCopy(), '--title', 't', '--author', 'a', '--date', 'tomorrow', '--dry-run']);
    expect(result.code).toBe(2);
  });
});

describe('a source URL already on the board', () => {
  it('is refused, naming the post that has it; --allow-duplicate adds it anyway', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const refused = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--source-url', SAMPLE_URL]);
    expect(refused).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'error: this source URL is already on the board as post 2912; add --allow-duplicate to post it anyway\n',
    });
    expect(readFileSync(board).equals(before)).toBe(true);
    const allowed = await runCli(['add', '--db', board, '--title', 't', '--author', 'a', '--source-url', SAMPLE_URL, '--allow-duplicate']);
    expect(allowed.code).toBe(0);
    expect(loadBoard(board).posts.filter((post) => (post.source as { url?: string } | undefined)?.url === SAMPLE_URL)).toHaveLength(2);
  });

  it('the same address written differently is the same page', async () => {
    const result = await runCli(['add', '--db', sampleCopy(), '--title', 't', '--author', 'a', '--source-url', SAMPLE_URL.replace('https://www.korea.kr/', 'https://WWW.KOREA.KR:443/')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('post 2912');
  });
});

describe('validation: every rule, every bad field at once, nothing written', () => {
  it.each([
    ['--title', '--title must not be empty', ['--title', '   ']],
    ['--title', '--title is too long (201 characters; at most 200)', ['--title', '가'.repeat(201)]],
    ['--title', '--title "bad \\u001b[31m title" contains control characters', ['--title', 'bad \x1b[31m title']],
    ['--title', '--title "line\\nbreak" contains control characters', ['--title', 'line\nbreak']],
    ['--author', '--author is too long (101 characters; at most 100)', ['--author', 'x'.repeat(101)]],
    ['--author', '--author must not be empty', ['--author', '']],
    ['--department', '--department is too long (101 characters; at most 100)', ['--department', '부'.repeat(101)]],
    ['--body', '--body is too long (100,001 characters; at most 100,000)', ['--body', 'x'.repeat(100_001)]],
    ['--body', '--body "ok\\u0007bell" contains control characters', ['--body', 'ok\x07bell']],
    ['--date', '--date "2024-02-30" is not a real calendar date (YYYY-MM-DD)', ['--date', '2024-02-30']],
    ['--date', '--date "09/02/2024" is not a real calendar date (YYYY-MM-DD)', ['--date', '09/02/2024']],
    ['--status', '--status "draft" must be published (노출) or hidden (비노출)', ['--status', 'draft']],
    ['--source-url', '--source-url "ftp://example.com/x" must be an http or https URL', ['--source-url', 'ftp://example.com/x']],
    ['--source-url', '--source-url "javascript:alert(1)" must be an http or https URL', ['--source-url', 'javascript:alert(1)']],
    ['--source-url', '--source-url "not a url" must be an http or https URL', ['--source-url', 'not a url']],
    ['--source-date', '--source-date "2024-13-01" is not a real calendar date (YYYY-MM-DD)', ['--source-date', '2024-13-01']],
    ['--source-agency', '--source-agency is too long (101 characters; at most 100)', ['--source-agency', 'a'.repeat(101)]],
  ])('%s: %s', async (_flag, message, flags) => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const args = ['add', '--db', board, '--title', 't', '--author', 'a', ...flags];
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${message}\n`);
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('every invalid field is reported at once, one line each', async () => {
    const result = await runCli(['add', '--db', sampleCopy(), '--title', '', '--author', 'a', '--date', '2024-13-01', '--status', 'x', '--source-url', 'ftp://x']);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'error: --title must not be empty',
      'error: --date "2024-13-01" is not a real calendar date (YYYY-MM-DD)',
      'error: --status "x" must be published (노출) or hidden (비노출)',
      'error: --source-url "ftp://x" must be an http or https URL',
    ]);
  });

  it('text is stored trimmed and in NFC, whatever form it arrives in', async () => {
    const board = sampleCopy();
    await runCli(['add', '--db', board, '--title', `  ${'청정수소 협력'.normalize('NFD')}  `, '--author', '한국생산성본부'.normalize('NFD'), '--body', '내용\r\n둘째 줄'.normalize('NFD')]);
    expect(loadBoard(board).posts[0]).toMatchObject({ title: '청정수소 협력', author: '한국생산성본부', body: '내용\n둘째 줄' });
  });
});

describe('not a terminal and a required field missing', () => {
  it.each([
    [[], 'missing --title and --author'],
    [['--title', 't'], 'missing --author'],
    [['--author', 'a'], 'missing --title'],
  ])('%j: exit 2 at once, naming the flags', async (flags, message) => {
    const started = Date.now();
    const result = await runCli(['add', '--db', sampleCopy(), ...flags], { timeoutMs: 5000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${message}: stdin is not a terminal, so postboard cannot ask for ${flags.length === 0 ? 'them' : 'it'} (see 'postboard add --help')\n`);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('a board that cannot be used', () => {
  it('is left exactly as it was', async () => {
    const board = writeBoard('{"schemaVersion": 1, "posts": [');
    const result = await runCli(['add', '--db', board, '--title', 't', '--author', 'a']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/board\.json: line 1, column \d+: not valid JSON/);
    expect(readFileSync(board, 'utf8')).toBe('{"schemaVersion": 1, "posts": [');
  });
});
