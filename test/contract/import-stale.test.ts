import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { ChangeLogEntry } from '../../src/board/log.js';
import type { Post } from '../../src/board/post.js';
import { tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';
import { emptyBoardOf, KINDS, on, postsOf, type Kind } from './boards.js';

/**
 * import --update never undoes a change the file did not see, on every kind of board: a row is
 * refused when the file's time for its post says the post changed since, compared exactly where
 * the file has exact times, and by the change log where the file has minutes only (a spreadsheet
 * that shows minutes saves minutes) and the post's last change falls in that same minute.
 */

/** A board of this kind holding these posts and this change log (copied in from a JSON file, log and all). */
async function boardWithLog(kind: Kind, posts: Post[], changes: ChangeLogEntry[]): Promise<string> {
  const json = writeBoard({ ...makeBoard(posts), changes });
  if (kind === 'json') return json;
  const location = await emptyBoardOf(kind);
  const copied = await on(json, ['copy', '--to', location]);
  if (copied.code !== 0) throw new Error(`copy failed: ${copied.stderr}`);
  return location;
}

/** Sets one cell of a post's row in an exported CSV, as a person editing it in a spreadsheet would. */
function editCell(file: string, id: number, column: number, value: string): void {
  const rows = parseCsv(readFileSync(file), { bom: true }) as string[][];
  const row = rows.find((cells) => cells[0] === String(id));
  if (!row) throw new Error(`no row for post ${id}`);
  row[column] = value;
  writeFileSync(file, `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`);
}

/** The times of a --header ko export as a spreadsheet that shows minutes saves them (an older export's `2024-09-02 10:00:40` became `2024-09-02 10:00`). */
function cutToMinutes(file: string): void {
  const text = readFileSync(file, 'utf8');
  const cut = text.replace(/(\d{4}-\d\d-\d\d \d\d:\d\d):\d\d(?:\.\d{3})?(?: [+-]\d\d:\d\d)?/g, '$1');
  expect(cut).not.toBe(text);
  writeFileSync(file, cut);
}

/** Waits for a new minute when this one is nearly over: the steps of a test then fall in one minute. */
async function freshMinute(): Promise<void> {
  const now = new Date();
  if (now.getSeconds() < 45) return;
  await new Promise((resolve) => setTimeout(resolve, (60 - now.getSeconds()) * 1000 - now.getMilliseconds() + 100));
}

const TITLE = 1;
const seoul = { TZ: 'Asia/Seoul' };

const at = (time: string) => `2024-09-02T${time}Z`;
/** Post 1 changed twice within one minute (10:00 in Seoul), post 2 once, half an hour later. */
const TWICE_IN_A_MINUTE: { posts: Post[]; changes: ChangeLogEntry[] } = {
  posts: [
    makePost({ id: 1, title: '원래 제목 1', views: 5, createdAt: at('01:00:05.000'), updatedAt: at('01:00:40.000') }),
    makePost({ id: 2, title: '원래 제목 2', createdAt: at('01:30:00.000'), updatedAt: at('01:30:00.000') }),
  ],
  changes: [
    { seq: 1, at: at('01:00:04.950'), who: 'kim', command: 'add', changes: [{ kind: 'add', id: 1, title: '원래 제목 1', hash: '0000000000000000' }] },
    {
      seq: 2,
      at: at('01:00:39.950'),
      who: 'lee',
      command: 'edit',
      changes: [{ kind: 'edit', id: 1, title: '원래 제목 1', before: { views: 0, updatedAt: at('01:00:05.000') }, after: { views: 5, updatedAt: at('01:00:40.000') } }],
    },
    { seq: 3, at: at('01:29:59.950'), who: 'kim', command: 'add', changes: [{ kind: 'add', id: 2, title: '원래 제목 2', hash: '0000000000000000' }] },
  ],
};

describe.each(KINDS)('import --update on the %s board: a row made before its post last changed is never applied', (kind: Kind) => {
  it('the issue: export (times to the millisecond), edit --views 777 in the same minute, a stale import --update is refused naming the row and post; 777 is kept; --force applies it', async () => {
    const board = await emptyBoardOf(kind);
    expect((await on(board, ['add', '--title', '첫 글', '--author', '기자', '--body', '본문'])).code).toBe(0);
    const file = join(tempDir(), 'board.csv');
    expect((await on(board, ['export', '-o', file])).code).toBe(0);
    expect((await on(board, ['edit', '1', '--views', '777'])).code).toBe(0);
    editCell(file, 1, TITLE, '엑셀에서 고친 제목');

    const refused = await on(board, ['import', file, '--update', '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      new RegExp(`^error: ${file} row 2: post 1 was changed on the board \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\) after this file's version of it \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\), and this row changes it too; export it again and redo the row's edit, --skip-invalid to import the other rows, or --force to overwrite that change\\n$`),
    );
    expect((await postsOf(board))[0]).toMatchObject({ title: '첫 글', views: 777 });

    const forced = await on(board, ['import', file, '--update', '--force']);
    expect(forced).toMatchObject({ code: 0, stdout: 'Imported: 0 added, 1 updated, 0 unchanged\n' });
    expect((await postsOf(board))[0]).toMatchObject({ title: '엑셀에서 고친 제목', views: 0 });
  });

  it("a row nobody edited, of a post a colleague changed since the export, is skipped with a note (no refusal, no --force needed); the rows edited are applied", async () => {
    const board = await emptyBoardOf(kind);
    for (const title of ['첫 글', '둘째 글']) expect((await on(board, ['add', '--title', title, '--author', '기자'])).code).toBe(0);
    const file = join(tempDir(), 'board.csv');
    expect((await on(board, ['export', '-o', file])).code).toBe(0);
    // A colleague changes post 1 on the board; the sheet's author edits only post 2's row.
    expect((await on(board, ['edit', '1', '--views', '55'])).code).toBe(0);
    editCell(file, 2, TITLE, '시트에서 고친 제목');
    const imported = await on(board, ['import', file, '--update', '--lang', 'en']);
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported: 0 added, 1 updated, 0 unchanged, 1 skipped\n' });
    expect(imported.stderr).toContain(`row 3: skipped: post 1 was changed on the board after this file was made, and this row changes nothing of it: the board's version stays`);
    expect((await postsOf(board)).map((post) => [post.id, post.title, post.views])).toEqual([
      [2, '시트에서 고친 제목', 0],
      [1, '첫 글', 55],
    ]);
  });

  it('a post added in the same millisecond as its log entry (a fast machine) is still known for the file\'s copy of it: its unedited row is skipped, not refused', async () => {
    // What a quick add writes: the post's first time and its log entry's time are one millisecond.
    const board = await boardWithLog(
      kind,
      [makePost({ id: 2, title: '둘째 글', createdAt: at('01:30:00.000'), updatedAt: at('01:30:00.000') }), makePost({ id: 1, title: '첫 글', createdAt: at('01:00:00.000'), updatedAt: at('01:00:00.000') })],
      [
        { seq: 1, at: at('01:00:00.000'), who: 'kim', command: 'add', changes: [{ kind: 'add', id: 1, title: '첫 글', hash: '0000000000000000' }] },
        { seq: 2, at: at('01:30:00.000'), who: 'kim', command: 'add', changes: [{ kind: 'add', id: 2, title: '둘째 글', hash: '0000000000000000' }] },
      ],
    );
    const file = join(tempDir(), 'board.csv');
    expect((await on(board, ['export', '-o', file])).code).toBe(0);
    expect((await on(board, ['edit', '1', '--views', '55'])).code).toBe(0);
    editCell(file, 2, TITLE, '시트에서 고친 제목');
    const imported = await on(board, ['import', file, '--update', '--lang', 'en']);
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported: 0 added, 1 updated, 0 unchanged, 1 skipped\n' });
    expect((await postsOf(board)).map((post) => [post.id, post.title, post.views])).toEqual([
      [2, '시트에서 고친 제목', 0],
      [1, '첫 글', 55],
    ]);
  });

  it('a file without times (--fields without them, a column deleted) cannot tell a change made since: the row is refused, the change kept, unless --force', async () => {
    const board = await emptyBoardOf(kind);
    expect((await on(board, ['add', '--title', '첫 편집', '--author', '기자'])).code).toBe(0);
    const file = join(tempDir(), 'few.csv');
    expect((await on(board, ['export', '--fields', 'id,title,views', '-o', file])).code).toBe(0);
    expect((await on(board, ['edit', '1', '--title', '동료의 편집'])).code).toBe(0);
    editCell(file, 1, 2, '999');
    const refused = await on(board, ['import', file, '--update', '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('this file has no updatedAt (수정 시각) column, so whether post 1 changed on the board since the file was made cannot be told');
    expect((await postsOf(board))[0]).toMatchObject({ title: '동료의 편집', views: 0 });
    expect((await on(board, ['import', file, '--update', '--force'])).code).toBe(0);
    expect((await postsOf(board))[0]).toMatchObject({ title: '첫 편집', views: 999 });
  });

  it('a plain import of an older file does not bring back a post deleted since', async () => {
    const board = await emptyBoardOf(kind);
    for (const title of ['첫 글', '둘째 글']) expect((await on(board, ['add', '--title', title, '--author', '기자'])).code).toBe(0);
    const file = join(tempDir(), 'old.csv');
    expect((await on(board, ['export', '-o', file])).code).toBe(0);
    expect((await on(board, ['delete', '1', '--yes'])).code).toBe(0);
    const again = await on(board, ['import', file, '--lang', 'en']);
    expect(again).toMatchObject({ code: 0, stdout: 'Imported: 0 added, 0 updated, 1 unchanged, 1 skipped\n' });
    expect(again.stderr).toMatch(/row 3: skipped: post 1 was deleted from the board \(by .+, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\); an older file does not bring it back/);
    expect((await postsOf(board)).map((post) => post.id)).toEqual([2]);
  });

  it('the same with the times cut to minutes (a --header ko export as Excel saves an older one): refused, the post having changed twice within that minute', { timeout: 60_000 }, async () => {
    await freshMinute();
    const board = await emptyBoardOf(kind);
    expect((await on(board, ['add', '--title', '첫 글', '--author', '기자', '--body', '본문'])).code).toBe(0);
    const file = join(tempDir(), '게시판.csv');
    expect((await on(board, ['export', '--header', 'ko', '-o', file])).code).toBe(0);
    expect((await on(board, ['edit', '1', '--views', '777'])).code).toBe(0);
    cutToMinutes(file);
    editCell(file, 1, TITLE, '엑셀에서 고친 제목');

    const refused = await on(board, ['import', file, '--update', '--lang', 'en']);
    expect(refused.code).toBe(2);
    const [post] = await postsOf(board);
    const minute = (iso: string | undefined) => Math.floor(Date.parse(iso ?? '') / 60_000);
    if (minute(post?.createdAt) === minute(post?.updatedAt)) {
      expect(refused.stderr).toMatch(
        new RegExp(`^error: ${file} row 2: post 1 was changed more than once within the minute this file's time gives \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d; the last change .*\\), so which version the row was made from cannot be told; export it again, or --force to apply it anyway\\n$`),
      );
    } else {
      // A machine so slow that the edit came in the next minute: then the minutes alone tell.
      expect(refused.stderr).toMatch(new RegExp(`^error: ${file} row 2: post 1 was changed on the board \\(.*\\) after this file's version of it \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\), and this row changes it too;`));
    }
    expect((await postsOf(board))[0]).toMatchObject({ title: '첫 글', views: 777 });
    // A fresh export, re-saved the same way, with nothing changed since: every row is unchanged.
    const fresh = join(tempDir(), '새로.csv');
    expect((await on(board, ['export', '--header', 'ko', '-o', fresh])).code).toBe(0);
    cutToMinutes(fresh);
    expect(await on(board, ['import', fresh, '--update'])).toMatchObject({ code: 0, stdout: 'Imported: 0 added, 0 updated, 1 unchanged\n' });
  });

  it('a minute-only file: a post that had one version in its minute since the file was made takes the edit; one that had two is refused', async () => {
    const board = await boardWithLog(kind, TWICE_IN_A_MINUTE.posts, TWICE_IN_A_MINUTE.changes);
    // The whole board: the file was made after 10:30, when post 2 was added; post 1's second
    // version (10:00:40) came half an hour before that, so the row is of that version.
    const whole = join(tempDir(), 'whole.csv');
    expect((await on(board, ['export', '--header', 'ko', '-o', whole], { env: seoul })).code).toBe(0);
    cutToMinutes(whole);
    expect(readFileSync(whole, 'utf8')).toContain(',2024-09-02 10:00,2024-09-02 10:00');
    editCell(whole, 1, TITLE, '고친 제목 1');
    editCell(whole, 2, TITLE, '고친 제목 2');
    expect(await on(board, ['import', whole, '--update'], { env: seoul })).toMatchObject({ code: 0, stdout: 'Imported: 0 added, 2 updated, 0 unchanged\n', stderr: '' });
    expect((await postsOf(board)).map((post) => [post.id, post.title, post.views])).toEqual([
      [2, '고친 제목 2', 0],
      [1, '고친 제목 1', 5],
    ]);

    // Post 1 alone: nothing says the file was made after 10:00:40, and at 10:00:05 it had another version.
    const again = await boardWithLog(kind, TWICE_IN_A_MINUTE.posts, TWICE_IN_A_MINUTE.changes);
    const alone = join(tempDir(), 'alone.csv');
    expect((await on(again, ['export', '--header', 'ko', '--sort', 'id', '--asc', '--limit', '1', '-o', alone], { env: seoul })).code).toBe(0);
    cutToMinutes(alone);
    editCell(alone, 1, TITLE, '고친 제목 1');
    const refused = await on(again, ['import', alone, '--update', '--lang', 'en'], { env: seoul });
    expect(refused).toMatchObject({
      code: 2,
      stderr: `error: ${alone} row 2: post 1 was changed more than once within the minute this file's time gives (2024-09-02 10:00; the last change 2024-09-02 10:00:40.000), so which version the row was made from cannot be told; export it again, or --force to apply it anyway\n`,
    });
    expect((await postsOf(again)).find((post) => post.id === 1)?.title).toBe('원래 제목 1');
  });

  it('a post back at an earlier version than the file\'s (undone since) is not overwritten either', async () => {
    const board = await emptyBoardOf(kind);
    expect((await on(board, ['add', '--title', '첫 글', '--author', '기자'])).code).toBe(0);
    expect((await on(board, ['edit', '1', '--views', '777'])).code).toBe(0);
    const file = join(tempDir(), 'board.json');
    expect((await on(board, ['export', '--format', 'json', '-o', file])).code).toBe(0);
    expect((await on(board, ['undo', '--yes'])).code).toBe(0);
    const posts = JSON.parse(readFileSync(file, 'utf8')) as Post[];
    writeFileSync(file, JSON.stringify(posts.map((post) => ({ ...post, title: '고친 제목' }))));
    const refused = await on(board, ['import', file, '--update', '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: .* item 1: post 1 on the board \(.*\) is an earlier version than this file's \(.*\), as an undo leaves it; export it again, --skip-invalid to import the other rows, or --force to apply the row anyway\n$/);
    expect((await postsOf(board))[0]).toMatchObject({ title: '첫 글', views: 0 });
  });

  it("a change log that no longer reaches back to the post's minute cannot tell: a JSON board keeps 100 entries, a database all of them", async () => {
    // Post 3 had one version, at 11:00; 100 later changes to post 4 fill a JSON board's log.
    const posts = [makePost({ id: 3, title: '원래 제목 3', createdAt: at('02:00:00.000'), updatedAt: at('02:00:00.000') }), makePost({ id: 4, views: 100, updatedAt: '2024-09-05T00:01:40.000Z' })];
    const stamp = (n: number) => new Date(Date.parse('2024-09-05T00:00:00.000Z') + n * 1000).toISOString();
    const changes: ChangeLogEntry[] = Array.from({ length: 100 }, (_, n) => ({
      seq: n + 1,
      at: stamp(n + 1),
      who: 'kim',
      command: 'edit',
      changes: [{ kind: 'edit', id: 4, title: '글 4', before: { views: n, updatedAt: stamp(n) }, after: { views: n + 1, updatedAt: stamp(n + 1) } }],
    }));
    const board = await boardWithLog(kind, posts, changes);
    const file = join(tempDir(), 'three.csv');
    expect((await on(board, ['export', '--header', 'ko', '--search', '원래 제목 3', '-o', file], { env: seoul })).code).toBe(0);
    cutToMinutes(file);
    editCell(file, 3, TITLE, '고친 제목 3');
    const result = await on(board, ['import', file, '--update', '--lang', 'en'], { env: seoul });
    // A board in memory keeps its log as a JSON board does: the last 100 changes.
    if (kind === 'json' || kind === 'memory') {
      expect(result).toMatchObject({
        code: 2,
        stderr: `error: ${file} row 2: this file's time for post 3 gives the minute only (2024-09-02 11:00), the post's last change falls in it (2024-09-02 11:00:00.000), and the board's change log does not reach back far enough to tell whether it changed more than once then; export it again, or --force to apply the row anyway\n`,
      });
      expect((await postsOf(board)).find((post) => post.id === 3)?.title).toBe('원래 제목 3');
    } else {
      expect(result).toMatchObject({ code: 0, stdout: 'Imported: 0 added, 1 updated, 0 unchanged\n' });
      expect((await postsOf(board)).find((post) => post.id === 3)?.title).toBe('고친 제목 3');
    }
  });
});
