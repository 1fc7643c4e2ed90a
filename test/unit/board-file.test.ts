import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoardFileError } from '../../src/errors.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { checkBoard } from '../../src/store/json/board-file.js';
import { JsonBoardStore } from '../../src/store/json/json-board.js';
import { tempDir } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

/** The one line the user reads for a board error. */
const said = (error: BoardFileError) => `${error.file}: ${MESSAGES.en.problem(error.problem)}`;

async function readError(text: string): Promise<BoardFileError> {
  const path = join(tempDir(), 'board.json');
  writeFileSync(path, text);
  const error = await new JsonBoardStore({ path, lockTimeoutMs: 1000, lockStaleMs: 10_000 }).info().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BoardFileError);
  return error as BoardFileError;
}

describe('reading a board file', () => {
  it('gives the posts, with defaults for optional fields', async () => {
    const path = join(tempDir(), 'board.json');
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, lastId: 5, posts: [{ id: 5, title: 't', author: 'a', date: '2024-09-02', views: 0, status: 'published' }] }));
    const posts = await new JsonBoardStore({ path, lockTimeoutMs: 1000, lockStaleMs: 10_000 }).get([5]);
    expect(posts.get(5)).toMatchObject({ id: 5, department: '', body: '' });
  });

  it('a missing file is no board, not an error', async () => {
    const store = new JsonBoardStore({ path: join(tempDir(), 'none.json'), lockTimeoutMs: 1000, lockStaleMs: 10_000 });
    expect(await store.info()).toEqual({ exists: false, posts: 0, lastId: 0 });
  });

  it('a byte-order mark from a Windows editor is ignored', async () => {
    const path = join(tempDir(), 'board.json');
    writeFileSync(path, `\uFEFF${JSON.stringify(makeBoard([makePost({ id: 1 })]))}`);
    const info = await new JsonBoardStore({ path, lockTimeoutMs: 1000, lockStaleMs: 10_000 }).info();
    expect(info.posts).toBe(1);
  });

  it('without lastId, the highest number is the last one given', () => {
    const { board } = checkBoard({ posts: [makePost({ id: 3 }), makePost({ id: 9 })] }, true);
    expect(board.lastId).toBe(9);
  });

  it('keeps keys it does not know, so a rewrite loses nothing', () => {
    const { board } = checkBoard({ schemaVersion: 1, posts: [{ ...makePost({ id: 1 }), pinned: true }], theme: 'dark' }, true);
    expect(board.posts[0]).toHaveProperty('pinned', true);
    expect(board).toHaveProperty('theme', 'dark');
  });
});

describe('a broken board file is named, with where it is wrong', () => {
  it.each([
    ['empty', '', /board\.json: the file is empty/],
    ['only spaces', '  \n', /the file is empty/],
    ['truncated', '{"schemaVersion": 1, "posts": [\n  {"id": 1,', /line 2, column 12: not valid JSON/],
    ['a bad token', '{\n  "posts": [tru]\n}', /line 2, column 13: not valid JSON/],
    ['trailing comma', '{"posts": [],}', /line 1, column 14: not valid JSON/],
    ['an array', '[]', /not a postboard board: expected an object with "posts", found an array/],
    ['no posts', '{"schemaVersion": 1}', /found an object without "posts"/],
    ['a string', '"hello"', /found a string/],
    ['a newer version', '{"schemaVersion": 2, "posts": []}', /schemaVersion 2 is newer than this postboard reads \(1\)/],
    ['a bad version', '{"schemaVersion": "1", "posts": []}', /"schemaVersion" must be a whole number/],
  ])('%s', async (_, text, message) => {
    const error = await readError(text);
    expect(said(error)).toMatch(message);
    expect(said(error)).not.toContain('\n');
  });

  it('a post failing the schema: its number, field, value and line', async () => {
    const board = makeBoard([makePost({ id: 1 }), makePost({ id: 2, date: '2024-02-30' })]);
    const error = await readError(JSON.stringify(board, null, 2));
    expect(said(error)).toMatch(/post 2 \(line \d+\): date "2024-02-30" is not a real calendar date/);
    const line = Number(/line (\d+)/.exec(said(error))?.[1]);
    expect(JSON.stringify(board, null, 2).split('\n')[line - 1]).toContain('"date": "2024-02-30"');
  });

  it.each([
    ['a missing title', { title: undefined }, /post 1 \(line \d+\): title is missing/],
    ['an empty author', { author: '' }, /post 1 \(line \d+\): author must not be empty/],
    ['negative views', { views: -1 }, /views -1 must be 0 or more/],
    ['fractional views', { views: 1.5 }, /views 1.5 must be a whole number/],
    ['an unknown status', { status: '노출' }, /status "노출" must be published \(노출\) or hidden \(비노출\)/],
    ['a javascript: URL', { source: { url: 'javascript:alert(1)' } }, /source.url "javascript:alert\(1\)" must be an http or https URL/],
    ['a bad source date', { source: { date: '2024-13-01' } }, /source.date "2024-13-01" is not a real calendar date/],
    ['a bad timestamp', { createdAt: 'yesterday' }, /createdAt "yesterday" must be an ISO-8601 timestamp/],
  ])('%s', async (_, change, message) => {
    const error = await readError(JSON.stringify({ posts: [{ ...makePost({ id: 1 }), ...change }] }, null, 2));
    expect(said(error)).toMatch(message);
  });

  it('a post without a usable number is named by its place', async () => {
    const error = await readError(JSON.stringify({ posts: [makePost({ id: 1 }), { ...makePost({ id: 1 }), id: 'x' }] }));
    expect(said(error)).toMatch(/posts\[1\]/);
  });

  it('duplicate numbers', async () => {
    const error = await readError(JSON.stringify(makeBoard([makePost({ id: 7 }), makePost({ id: 8 }), makePost({ id: 7 })])));
    expect(said(error)).toMatch(/post number 7 appears twice \(posts\[0\] and posts\[2\]/);
  });

  it('a folder', async () => {
    const path = join(tempDir(), 'board.json');
    mkdirSync(path);
    const error = await new JsonBoardStore({ path, lockTimeoutMs: 1000, lockStaleMs: 10_000 }).info().catch((e: unknown) => e);
    expect(said(error as BoardFileError)).toMatch(/board\.json: is a folder/);
  });

  it('in Korean, too', () => {
    expect(MESSAGES.ko.problem({ kind: 'syntax', line: 3, column: 5, detail: 'x' })).toBe('3행 5열: 올바른 JSON이 아닙니다 (x)');
  });
});

describe('postboard check sees every problem at once', () => {
  it('lists all of them, and a lastId behind the posts', () => {
    const { problems } = checkBoard(
      { lastId: 1, posts: [makePost({ id: 1, views: -1 }), makePost({ id: 2 }), makePost({ id: 2 }), { ...makePost({ id: 4 }), date: 'x' }] },
      false,
    );
    expect(problems.map((problem) => problem.kind)).toEqual(['invalid-post', 'duplicate-id', 'invalid-post', 'last-id-behind']);
  });
});
