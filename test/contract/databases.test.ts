import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { makePost } from '../support/posts.js';
import { boardOf } from './boards.js';

/** What only the database boards do, beyond the contract every board keeps. */

describe.each(['sqlite', 'postgres'] as const)('the %s board, beyond the contract', (kind) => {
  it('a search of a common word is counted only so far: the footer says "at least", and the pages go on', async () => {
    const board = await boardOf(kind, Array.from({ length: 6 }, (_, i) => makePost({ id: i + 1, title: `수소 소식 ${i + 1}` })));
    const env = { POSTBOARD_TEST_COUNT_UP_TO: '4', LANG: 'en_US.UTF-8' };
    const first = await runCli(['list', '--search', '수소', '--limit', '2', '--db', board], { env });
    expect(first.stdout).toContain('Page 1 of 2+ · 4+ posts · next: --page 2');
    const last = await runCli(['list', '--search', '수소', '--limit', '2', '--page', '3', '--db', board], { env });
    expect(last.stdout).toContain('수소 소식 2');
    // A filter that is no search is counted whole.
    expect((await runCli(['list', '--limit', '2', '--db', board], { env })).stdout).toContain('Page 1 of 3 · 6 posts');
  });
});

describe('the sqlite board made by an earlier postboard', () => {
  it('is brought up to this one on first use: its departments and authors found as before', async () => {
    const board = await boardOf('sqlite', [makePost({ id: 1, department: '환경부' }), makePost({ id: 2, department: '산업통상자원부' })]);
    // What schema 1 had: no table of the names in use. (better-sqlite3 loaded here only: a run of
    // the PostgreSQL tests on another Node never needs it.)
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(board);
    db.exec("DROP TRIGGER names_in; DROP TRIGGER names_out; DROP TRIGGER names_moved; DROP TABLE names; DROP INDEX posts_department_key; DROP INDEX posts_author_key; CREATE INDEX posts_department ON posts (department); UPDATE board SET value = '1' WHERE key = 'schema'");
    db.close();
    const listed = await runCli(['list', '--department', '환경', '--format', 'jsonl', '--fields', 'id', '--db', board]);
    expect(listed).toMatchObject({ code: 0, stdout: '{"id":1}\n' });
    const again = new Database(board, { readonly: true });
    expect(again.prepare("SELECT value FROM board WHERE key = 'schema'").pluck().get()).toBe('2');
    again.close();
    expect((await runCli(['completion', '--departments', '--db', board])).stdout).toBe('산업통상자원부\n환경부\n');
  });
});
