import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../src/board/post.js';
import { loadBoard, runCli, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

/**
 * A sheet opened and saved again changes cells on its own: numbers in their own form, leading
 * zeros gone, line breaks in long texts, texts cut at Excel's 32,767 characters. import --update
 * shows such changes marked and leaves them out (the row's real edits are made), unless
 * --accept-spreadsheet-changes.
 */

const seoul = { TZ: 'Asia/Seoul' };
const stamp = '2024-09-02T01:00:00.000Z';
const SAMPLE = '가나다라마바사 abc. ';
/** A long body (ending in a letter: import trims a cell, as add does). */
const text = (length: number) => Array.from({ length }, (_, i) => SAMPLE[i % SAMPLE.length]).join('').trimEnd().padEnd(length, '끝');
const long = text(17_000);
const longer = text(40_000);

const posts: Post[] = [
  makePost({ id: 1, title: '1e5', createdAt: stamp, updatedAt: stamp }),
  makePost({ id: 2, title: '0012345', createdAt: stamp, updatedAt: stamp }),
  makePost({ id: 3, title: '1.50', department: '환경부', createdAt: stamp, updatedAt: stamp }),
  makePost({ id: 4, title: '긴 글', body: long, createdAt: stamp, updatedAt: stamp }),
  makePost({ id: 5, title: '아주 긴 글', body: longer, createdAt: stamp, updatedAt: stamp }),
  makePost({ id: 6, title: '보통 제목', createdAt: stamp, updatedAt: stamp }),
];

/** Rows of a CSV by post number, and the file written back as a spreadsheet writes it. */
function editRows(file: string, edit: (row: (id: number) => string[]) => void): void {
  const rows = parseCsv(readFileSync(file), { bom: true }) as string[][];
  edit((id) => rows.find((row) => row[0] === String(id))!);
  writeFileSync(file, `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`);
}

const TITLE = 1;
const DEPARTMENT = 4;
const BODY = 8;

/** The board's export as LibreOffice and Excel would give it back, and one real edit in it. */
async function resaved(board: string): Promise<string> {
  const file = join(tempDir(), '게시판.csv');
  expect((await runCli(['export', '--db', board, '--header', 'ko', '-o', file], { env: seoul })).code).toBe(0);
  editRows(file, (row) => {
    row(1)[TITLE] = '100000';
    row(2)[TITLE] = '12345';
    row(3)[TITLE] = '1.5';
    // A person's edit, in a row the spreadsheet changed too.
    row(3)[DEPARTMENT] = '기후에너지환경부';
    row(4)[BODY] = `${long.slice(0, 16_366)}\n${long.slice(16_366)}`;
    row(5)[BODY] = longer.slice(0, 32_767);
    row(6)[TITLE] = '엑셀에서 고친 제목';
  });
  return file;
}

describe('import --update and what a spreadsheet changes on its own', () => {
  it('the plan marks each such change; without --accept-spreadsheet-changes they are left out, one line per post and in the summary, and the real edits are made', async () => {
    const board = writeBoard(makeBoard(posts));
    const file = await resaved(board);

    const plan = await runCli(['import', file, '--db', board, '--update', '--dry-run'], { env: seoul });
    expect(plan).toMatchObject({ code: 0, stderr: '' });
    expect(plan.stdout).toBe(
      [
        '~ post 6: 보통 제목',
        '    Title: 보통 제목 → 엑셀에서 고친 제목',
        '~ post 3: 1.50',
        '    Department: 환경부 → 기후에너지환경부',
        `    Title: "1.50" → "1.5" (looks like a spreadsheet's doing: a number's form changed; not applied)`,
        '~ post 5: 아주 긴 글',
        `    Body: 40,000 → 32,767 characters (looks like a spreadsheet's doing: cut at a spreadsheet cell's 32,767 characters; not applied)`,
        '~ post 4: 긴 글',
        `    Body: 17,000 → 17,001 characters (looks like a spreadsheet's doing: only line breaks differ; not applied)`,
        '~ post 2: 0012345',
        `    Title: "0012345" → "12345" (looks like a spreadsheet's doing: leading zeros lost; not applied)`,
        '~ post 1: 1e5',
        `    Title: "1e5" → "100000" (looks like a spreadsheet's doing: a number's form changed; not applied)`,
        "Would import: 0 added, 2 updated, 4 unchanged; spreadsheet changes left out of 5 posts (--accept-spreadsheet-changes applies them)",
        '',
      ].join('\n'),
    );

    const result = await runCli(['import', file, '--db', board, '--update'], { env: seoul });
    expect(result).toMatchObject({
      code: 0,
      stdout: 'Imported: 0 added, 2 updated, 4 unchanged; spreadsheet changes left out of 5 posts (--accept-spreadsheet-changes applies them)\n',
    });
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `${file} row 3: post 5: not applied, as it looks like a spreadsheet's doing rather than yours: Body 40,000 → 32,767 characters (cut at a spreadsheet cell's 32,767 characters); any other change in the row is made; --accept-spreadsheet-changes applies this too`,
      `${file} row 4: post 4: not applied, as it looks like a spreadsheet's doing rather than yours: Body 17,000 → 17,001 characters (only line breaks differ); any other change in the row is made; --accept-spreadsheet-changes applies this too`,
      `${file} row 5: post 3: not applied, as it looks like a spreadsheet's doing rather than yours: Title "1.50" → "1.5" (a number's form changed); any other change in the row is made; --accept-spreadsheet-changes applies this too`,
      `${file} row 6: post 2: not applied, as it looks like a spreadsheet's doing rather than yours: Title "0012345" → "12345" (leading zeros lost); any other change in the row is made; --accept-spreadsheet-changes applies this too`,
      `${file} row 7: post 1: not applied, as it looks like a spreadsheet's doing rather than yours: Title "1e5" → "100000" (a number's form changed); any other change in the row is made; --accept-spreadsheet-changes applies this too`,
    ]);
    const after = new Map(loadBoard(board).posts.map((post) => [post.id, post]));
    for (const post of posts.filter((p) => p.id !== 3 && p.id !== 6)) expect(after.get(post.id)).toEqual(post);
    expect(after.get(3)).toMatchObject({ title: '1.50', department: '기후에너지환경부' });
    expect(after.get(6)?.title).toBe('엑셀에서 고친 제목');
  });

  it('with --accept-spreadsheet-changes they are applied, and said so', async () => {
    const board = writeBoard(makeBoard(posts));
    const file = await resaved(board);
    const result = await runCli(['import', file, '--db', board, '--update', '--accept-spreadsheet-changes', '--lang', 'ko'], { env: seoul });
    expect(result).toMatchObject({ code: 0, stdout: '가져왔습니다: 0건 추가, 6건 수정, 0건 그대로; 스프레드시트가 바꾼 것으로 보이는 변경을 글 5개에 반영함\n' });
    expect(result.stderr).toContain(`${file} 7행: 1번 글: 스프레드시트가 바꾼 것으로 보이는 변경도 --accept-spreadsheet-changes에 따라 반영했습니다: 제목 "1e5" → "100000" (숫자의 모양이 바뀜)`);
    const after = new Map(loadBoard(board).posts.map((post) => [post.id, post]));
    expect([1, 2, 3, 6].map((id) => after.get(id)?.title)).toEqual(['100000', '12345', '1.5', '엑셀에서 고친 제목']);
    expect(after.get(4)?.body).toBe(`${long.slice(0, 16_366)}\n${long.slice(16_366)}`);
    expect(after.get(5)?.body).toBe(longer.slice(0, 32_767));
  });
});

describe('a real LibreOffice round trip (soffice --headless: CSV → xlsx → CSV, Korean locale)', () => {
  it('the export comes back with its times exact and its spreadsheet changes left out: only the edit made in the sheet lands', { timeout: 180_000 }, async () => {
    const board = writeBoard(
      makeBoard([
        makePost({ id: 1, title: '1e5', createdAt: stamp, updatedAt: stamp }),
        makePost({ id: 2, title: '0012345', createdAt: '2024-09-02T01:00:00.123Z', updatedAt: '2024-09-03T02:03:04.567Z' }),
        makePost({ id: 3, title: '긴 글', body: long, createdAt: stamp, updatedAt: stamp }),
        makePost({ id: 4, title: '보통 제목', department: '환경부', createdAt: stamp, updatedAt: stamp }),
      ]),
    );
    const before = loadBoard(board).posts;
    const folder = tempDir();
    const exported = join(folder, 'board.csv');
    expect((await runCli(['export', '--db', board, '--header', 'ko', '-o', exported], { env: seoul })).code).toBe(0);
    // A profile of its own, so that no other LibreOffice (or test) is in the way.
    const soffice = (args: string[], cwd: string) => {
      const run = spawnSync('soffice', [`-env:UserInstallation=file://${folder}/profile`, '--headless', ...args], { cwd, encoding: 'utf8', timeout: 150_000 });
      expect(run.status).toBe(0);
    };
    // Opened as a person opens it (UTF-8, comma, Korean locale), saved as a workbook, then as CSV again.
    soffice(['--infilter=CSV:44,34,76,1,,1042,false,false', '--convert-to', 'xlsx', '--outdir', join(folder, 'xlsx'), exported], folder);
    soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', join(folder, 'back'), join(folder, 'xlsx/board.xlsx')], folder);
    expect(readdirSync(join(folder, 'back'))).toEqual(['board.csv']);
    const file = join(folder, 'back/board.csv');
    const saved = readFileSync(file, 'utf8');
    // What LibreOffice did: numbers in their own form, a line break in the long body; the times as they were.
    expect(saved).toContain(',100000,');
    expect(saved).toContain(',12345,');
    expect(saved).toContain('"2024-09-03 11:03:04.567 +09:00"');
    const rows = parseCsv(saved) as string[][];
    expect(rows.find((row) => row[0] === '3')?.[BODY]).not.toBe(long);
    editRows(file, (row) => {
      row(4)[TITLE] = '시트에서 고친 제목';
    });

    const result = await runCli(['import', file, '--db', board, '--update'], { env: seoul });
    expect(result).toMatchObject({ code: 0, stdout: 'Imported: 0 added, 1 updated, 3 unchanged; spreadsheet changes left out of 3 posts (--accept-spreadsheet-changes applies them)\n' });
    expect(result.stderr).toContain("post 3: not applied, as it looks like a spreadsheet's doing rather than yours: Body 17,000 → 17,001 characters (only line breaks differ)");
    const after = loadBoard(board).posts;
    expect(after.filter((post) => post.id !== 4)).toEqual(before.filter((post) => post.id !== 4));
    expect(after.find((post) => post.id === 4)).toMatchObject({ title: '시트에서 고친 제목', department: '환경부' });
  });
});
