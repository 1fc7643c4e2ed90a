import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, sampleCopy, writeBoard, loadBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

const post = (board: string, id: number) => loadBoard(board).posts.find((candidate) => candidate.id === id);
/** A command that must fail leaves the board byte for byte as it was. */
async function refused(board: string, args: string[], code: number, stderr: string | RegExp) {
  const before = readFileSync(board);
  const result = await runCli([...args, '--db', board]);
  expect(result.code).toBe(code);
  if (typeof stderr === 'string') expect(result.stderr).toBe(stderr);
  else expect(result.stderr).toMatch(stderr);
  expect(readFileSync(board).equals(before)).toBe(true);
}

describe('postboard edit', () => {
  it('changes only the fields given; the number and createdAt never change; updatedAt moves', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 5, title: '옛 제목', createdAt: '2024-09-02T00:00:00.000Z', updatedAt: '2024-09-02T00:00:00.000Z', source: { agency: '행정안전부', url: 'https://a.example/1' } })]));
    const result = await runCli(['edit', '5', '--db', board, '--title', '  새 제목 ', '--views', '300', '--source-url', '']);
    expect(result).toMatchObject({ code: 0, stdout: 'Edited post 5: 새 제목 (title, views, source.url)\n' });
    const edited = post(board, 5);
    expect(edited).toMatchObject({ id: 5, title: '새 제목', views: 300, author: '한국생산성본부', source: { agency: '행정안전부' }, createdAt: '2024-09-02T00:00:00.000Z' });
    expect(edited?.source).not.toHaveProperty('url');
    expect(edited?.updatedAt).not.toBe('2024-09-02T00:00:00.000Z');
  });

  it('the same value again changes nothing and writes nothing', async () => {
    const board = sampleCopy();
    await refused(board, ['edit', '2912', '--views', '216'], 0, 'Post 2912 already says that; nothing changed.\n');
  });

  it('refuses bad values (every one, exit 2), a post that is not there (exit 1), a source another post has', async () => {
    const board = sampleCopy();
    await refused(board, ['edit', '2912', '--title', '', '--date', '2024-02-30', '--views', '-1'], 2, /^error: --views must be a whole number of 0 or more/);
    await refused(board, ['edit', '2912', '--title', '', '--date', '2024-02-30'], 2, 'error: --title must not be empty\nerror: --date "2024-02-30" is not a real calendar date (YYYY-MM-DD)\n');
    await refused(board, ['edit', '9999', '--title', 'x'], 1, `error: no post 9999 on ${board}\n`);
    const url = post(board, 2912)?.source?.url ?? '';
    await refused(board, ['edit', '2913', '--source-url', url], 1, /already on the board as post 2912/);
    expect((await runCli(['edit', '2913', '--source-url', url, '--allow-duplicate', '--db', board])).code).toBe(0);
  });

  it('with no fields and no terminal: exit 2 at once', async () => {
    await refused(sampleCopy(), ['edit', '2912'], 2, /^error: nothing to change: give the fields to change as flags/);
  });

  it('--format json prints the post as stored', async () => {
    const board = sampleCopy();
    const result = await runCli(['edit', '2912', '--db', board, '--status', 'hidden', '--format', 'json']);
    expect(JSON.parse(result.stdout)).toEqual(post(board, 2912));
  });
});

describe('postboard hide and publish', () => {
  it('change the status of several posts as one change', async () => {
    const board = sampleCopy();
    expect((await runCli(['hide', '2913', '2914', '--db', board])).stdout).toBe('Hid 2 posts: 2913, 2914\n');
    expect([post(board, 2913)?.status, post(board, 2914)?.status]).toEqual(['hidden', 'hidden']);
    expect((await runCli(['publish', '2914', '--db', board, '--lang', 'ko'])).stdout).toBe('글 1개를 노출했습니다: 2914\n');
    expect(post(board, 2914)?.status).toBe('published');
  });

  it('one unknown number and nothing changes', async () => {
    await refused(sampleCopy(), ['hide', '2913', '9999'], 1, /no post 9999/);
  });
});

describe('postboard delete', () => {
  it('--yes deletes; numbers are never given again', async () => {
    const board = sampleCopy();
    expect((await runCli(['delete', '2932', '2931', '--yes', '--db', board])).stdout).toBe('Deleted 2 posts: 2932, 2931\n');
    expect(loadBoard(board).posts.map((candidate) => candidate.id)).not.toContain(2932);
    expect(loadBoard(board).lastId).toBe(2932);
    expect((await runCli(['add', '--title', 't', '--author', 'a', '--quiet', '--db', board])).stdout).toBe('2933\n');
  });

  it('not a terminal and no --yes: exit 2, nothing deleted', async () => {
    await refused(sampleCopy(), ['delete', '2932'], 2, /^error: stdin is not a terminal, so postboard cannot ask: add --yes to delete/);
  });

  it('a number that is not there: exit 1, nothing deleted', async () => {
    await refused(sampleCopy(), ['rm', '2932', '9999', '--yes'], 1, /no post 9999/);
  });
});

describe('postboard undo and redo', () => {
  const as = { env: { POSTBOARD_AUTHOR: '홍길동' } };
  const run = (board: string, ...args: string[]) => runCli([...args, '--db', board], as);

  it('undo takes back the last change, then the one before it; redo makes them again, newest undone first', async () => {
    const board = sampleCopy();
    await run(board, 'add', '--title', '실수로 올린 글', '--author', 'a');
    await run(board, 'delete', '2912', '--yes');
    const first = await run(board, 'undo', '--yes');
    expect(first.stdout).toMatch(/^Undo the last change: #2 delete, by 홍길동, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n\+ bring back post 2912: 세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다\nUndone: #2 delete \(1 post\)\.\n$/);
    expect(post(board, 2912)?.title).toBe('세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다');
    const second = await run(board, 'undo', '--yes');
    expect(second.stdout).toContain('- remove post 2933: 실수로 올린 글');
    expect(post(board, 2933)).toBeUndefined();
    expect(loadBoard(board).lastId).toBe(2933); // the number stays given

    // Redo: the change undone last comes back first.
    expect((await run(board, 'redo', '--yes')).stdout).toContain('+ bring back post 2933: 실수로 올린 글');
    expect(post(board, 2933)?.title).toBe('실수로 올린 글');
    expect((await run(board, 'redo', '--yes')).stdout).toContain('- remove post 2912:');
    expect(post(board, 2912)).toBeUndefined();
    await refused(board, ['redo', '--yes'], 1, /nothing to redo/);
  });

  it('a new change ends what can be redone', async () => {
    const board = sampleCopy();
    await run(board, 'hide', '2913');
    await run(board, 'undo', '--yes');
    await run(board, 'edit', '2912', '--views', '1');
    await refused(board, ['redo', '--yes'], 1, /nothing to redo: no change was undone since the last change/);
  });

  it('undo reverts that change only: a change made by someone else to another post stays', async () => {
    const board = sampleCopy();
    await run(board, 'edit', '2912', '--views', '999');
    await runCli(['edit', '2913', '--title', '다른 사람이 고친 제목', '--db', board], { env: { POSTBOARD_AUTHOR: '김철수' } });
    // The last change (김철수's) first; then 홍길동's, leaving 김철수's in place.
    await run(board, 'undo', '--yes');
    await run(board, 'edit', '2913', '--title', '다시 고친 제목');
    const log = JSON.parse((await run(board, 'log', '--format', 'json')).stdout);
    expect(log.map((entry: { command: string; who: string }) => [entry.command, entry.who])).toEqual([
      ['edit', '홍길동'],
      ['undo', '홍길동'],
      ['edit', '김철수'],
      ['edit', '홍길동'],
    ]);
  });

  it('undo N takes back one change (yours, in a team) and leaves later ones on other posts; one whose post was changed since is refused', async () => {
    const board = sampleCopy();
    await run(board, 'edit', '2912', '--views', '999'); // #1, 홍길동
    await runCli(['edit', '2913', '--title', '다른 사람이 고친 제목', '--db', board], { env: { POSTBOARD_AUTHOR: '김철수' } }); // #2
    const mine = await run(board, 'undo', '1', '--yes');
    expect(mine.stdout).toMatch(/^Undo change #1 edit, by 홍길동/);
    expect(post(board, 2912)?.views).toBe(216);
    expect(post(board, 2913)?.title).toBe('다른 사람이 고친 제목');

    await run(board, 'edit', '2914', '--views', '1'); // #4
    await runCli(['edit', '2914', '--views', '2', '--db', board], { env: { POSTBOARD_AUTHOR: '김철수' } }); // #5
    const before = readFileSync(board);
    const refused4 = await run(board, 'undo', '4', '--yes');
    expect(refused4).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot undo #4 edit, by 홍길동') });
    expect(refused4.stderr).toContain('post 2914 was changed after it');
    expect(readFileSync(board).equals(before)).toBe(true);
    await refused(board, ['undo', '3', '--yes'], 1, /there is no change #3 to undo/);
  });

  it('shows a changed post by its fields', async () => {
    const board = sampleCopy();
    await run(board, 'edit', '2912', '--views', '999');
    const result = await run(board, 'undo', '--yes');
    expect(result.stdout).toMatch(/^Undo the last change: #1 edit.*\n~ post 2912: 세계 최고 .*\n {4}Views: 999 → 216\n {4}Updated: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d → \(empty\)\n/);
    expect(post(board, 2912)?.views).toBe(216);
  });

  it('leaves out a time stamp whose shown value does not change (two changes within one second)', async () => {
    const edited = makePost({ id: 1, views: 2, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.900Z' });
    const change = { kind: 'edit', id: 1, title: edited.title, before: { views: 1, updatedAt: '2026-01-01T00:00:00.100Z' }, after: { views: 2, updatedAt: '2026-01-01T00:00:00.900Z' } };
    const board = writeBoard({ ...makeBoard([edited]), changes: [{ seq: 1, at: '2026-01-01T00:00:00.900Z', who: 'a', command: 'edit', changes: [change] }] });
    const result = await run(board, 'undo', '--yes');
    // Shown to the second, the time stamp is the same on both sides: a line saying nothing is not said.
    expect(result.stdout).toMatch(/\n {4}Views: 2 → 1\nUndone: #1 edit/);
    expect(post(board, 1)).toMatchObject({ views: 1, updatedAt: '2026-01-01T00:00:00.100Z' });
  });

  it('nothing to undo on a board without changes; no --yes off a terminal is exit 2', async () => {
    const board = sampleCopy();
    await refused(board, ['undo', '--yes'], 1, /nothing to undo: the change log has no change left to take back/);
    await runCli(['hide', '2913', '--db', board]);
    await refused(board, ['undo'], 2, /add --yes to undo/);
  });
});

describe('postboard stats', () => {
  const board = writeBoard(
    makeBoard([
      makePost({ id: 1, department: '환경부', date: '2024-08-01', views: 100 }),
      makePost({ id: 2, department: '환경부', date: '2024-09-02', views: 50 }),
      makePost({ id: 3, department: '행정안전부', date: '2024-09-03', views: 10, author: '대변인' }),
      makePost({ id: 4, department: '', date: '2024-09-04', views: 5, status: 'hidden' }),
    ]),
  );

  it('counts posts and views by department, month and author', async () => {
    const json = JSON.parse((await runCli(['stats', '--db', board, '--format', 'json'])).stdout);
    expect(json.total).toEqual({ posts: 4, views: 165 });
    expect(json.department).toEqual([
      { department: '환경부', posts: 2, views: 150 },
      { department: '행정안전부', posts: 1, views: 10 },
      { department: '', posts: 1, views: 5 },
    ]);
    expect(json.month).toEqual([
      { month: '2024-09', posts: 3, views: 65 },
      { month: '2024-08', posts: 1, views: 100 },
    ]);
    expect(json.author).toEqual([
      { author: '한국생산성본부', posts: 3, views: 155 },
      { author: '대변인', posts: 1, views: 10 },
    ]);
  });

  it('takes list\'s filters, and draws tables', async () => {
    const json = JSON.parse((await runCli(['stats', '--db', board, '--format', 'json', '--status', 'published', '--by', 'department'])).stdout);
    expect(json).toEqual({ total: { posts: 3, views: 160 }, department: [{ department: '환경부', posts: 2, views: 150 }, { department: '행정안전부', posts: 1, views: 10 }] });
    const table = await runCli(['stats', '--db', board, '--by', 'month', '--lang', 'ko']);
    expect(table.stdout).toMatch(/^글 4개 · 조회수 165\n\n월\s+글 수\s+조회수\s+평균 조회수/);
    expect(table.stdout).toMatch(/2024-09\s+3\s+65\s+22\s+█+/);
  });
});
