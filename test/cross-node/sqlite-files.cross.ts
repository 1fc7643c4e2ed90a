import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, type RunOptions } from '../support/cli.js';
import { DRIVER_HERE, openSqlite } from '../support/sqlite.js';

/**
 * One SQLite board, two Node versions, two drivers: a board made on Node 20 (better-sqlite3)
 * opens on Node 24 (node:sqlite) and back — its posts, its search index (FTS5, written by one
 * SQLite and read by another), its change log. Runs where a second Node is named in
 * POSTBOARD_TEST_OTHER_NODE (CI's Node 24 pass names its Node 20; see vitest.config.ts).
 */

const OTHER_NODE = process.env.POSTBOARD_TEST_OTHER_NODE as string;
const OTHER_DRIVER = DRIVER_HERE === 'node:sqlite' ? 'better-sqlite3' : 'node:sqlite';
const here: RunOptions = { env: { POSTBOARD_SQLITE_DRIVER: DRIVER_HERE } };
const there: RunOptions = { node: OTHER_NODE, env: { POSTBOARD_SQLITE_DRIVER: OTHER_DRIVER } };

const ids = async (board: string, side: RunOptions, args: readonly string[] = []): Promise<number[]> => {
  const result = await runCli(['list', '--all', '--format', 'jsonl', '--fields', 'id', ...args, '--db', board], side);
  expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
  return result.stdout.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: number }).id);
};

describe('one SQLite board through two drivers', () => {
  it('the other Node is another version, with the other driver', () => {
    const version = spawnSync(OTHER_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
    expect(version).not.toBe(process.version);
  });

  it('made through one, read, searched, changed and undone through the other, and back', async () => {
    const board = join(tempDir(), 'shared.sqlite');
    const ok = { code: 0, stderr: '' };
    expect(await runCli(['add', '--title', '원전 안전 점검', '--author', '환경부', '--body', '물 관리', '--db', board], there)).toMatchObject(ok);
    expect(await runCli(['add', '--title', '수소 경제', '--author', '산업통상자원부', '--body', '청정수소 인증제', '--db', board], there)).toMatchObject(ok);
    expect(await runCli(['add', '--title', 'ESG 설명회', '--author', '환경부', '--db', board], here)).toMatchObject(ok);
    expect(await ids(board, here)).toEqual([3, 2, 1]);
    // The index the other SQLite wrote: 3+ letters as a substring, 1–2 letters through its trigram list.
    expect(await ids(board, here, ['--search', '안전 점검'])).toEqual([1]);
    expect(await ids(board, here, ['--search', '물'])).toEqual([1]);
    expect(await ids(board, there, ['--search', 'esg'])).toEqual([3]);
    // Changed here (a row of the contentless index deleted and written again), read there.
    expect(await runCli(['edit', '1', '--title', '원전 점검 결과', '--yes', '--db', board], here)).toMatchObject(ok);
    expect(await runCli(['delete', '2', '--yes', '--db', board], here)).toMatchObject(ok);
    expect(await ids(board, there, ['--search', '안전'])).toEqual([]);
    expect(await ids(board, there, ['--search', '점검 결과'])).toEqual([1]);
    expect(await ids(board, there)).toEqual([3, 1]);
    // Undone there, from the log written here.
    expect(await runCli(['undo', '--yes', '--db', board], there)).toMatchObject(ok);
    expect(await ids(board, here, ['--search', '수소'])).toEqual([2]);
    expect((await runCli(['log', '--db', board], here)).stdout.trim().split('\n').length).toBeGreaterThanOrEqual(6);
    const db = await openSqlite(board, { readonly: true });
    try {
      expect(db.value('PRAGMA integrity_check')).toBe('ok');
      expect(db.value('SELECT count(*) FROM posts')).toBe(3);
    } finally {
      db.close();
    }
  });
});
