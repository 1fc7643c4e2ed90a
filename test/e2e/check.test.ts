import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_BOARD, tempDir } from '../support/cli.js';

const sample = () => JSON.parse(readFileSync(SAMPLE_BOARD, 'utf8')) as { lastId: number; posts: Record<string, unknown>[] };

function brokenBoard(): string {
  const board = sample();
  board.lastId = 2900;
  board.posts[1]!.title = String(board.posts[1]!.title).normalize('NFD');
  board.posts[2]!.date = '2024-02-30';
  board.posts[4]!.id = 2932;
  const path = join(tempDir(), 'broken.json');
  writeFileSync(path, `\uFEFF${JSON.stringify(board, null, 2)}\n`);
  return path;
}

describe('postboard check', () => {
  it('a sound board: says so, exit 0', async () => {
    const result = await runCli(['check']);
    expect(result).toMatchObject({ code: 0, stdout: './data/posts.json: 21 posts, lastId 2932, no problems.\n', stderr: '' });
  });

  it('reports every problem, one line each, and exits 1', async () => {
    const board = brokenBoard();
    const before = readFileSync(board);
    const result = await runCli(['check', '--db', board]);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      `${board}: starts with a byte-order mark (a Windows editor put it there); JSON has none`,
      `${board}: post 2930 (line 30): date "2024-02-30" is not a real calendar date (YYYY-MM-DD)`,
      `${board}: post number 2932 appears twice (posts[0] and posts[4], line 45)`,
      `${board}: lastId 2900 is below the highest post number 2932`,
      `${board}: post 2931: title is not in NFC (decomposed Hangul)`,
    ]);
    expect(result.stderr).toBe(`error: ${board} has 5 problems (3 can be fixed with --fix)\n`);
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('--fix repairs what needs no guessing, keeps a backup, says what it did, and checks again', async () => {
    const board = brokenBoard();
    const before = readFileSync(board);
    const result = await runCli(['check', '--db', board, '--fix']);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      `Kept the board as it was in ${board}.bak`,
      'Fixed: removed the byte-order mark',
      'Fixed: lastId 2900 → 2932',
      'Fixed: post 2931 title composed to NFC',
      `${board}: post 2930 (line 30): date "2024-02-30" is not a real calendar date (YYYY-MM-DD)`,
      `${board}: post number 2932 appears twice (posts[0] and posts[4], line 45)`,
    ]);
    expect(readFileSync(`${board}.bak`).equals(before)).toBe(true);
    const fixed = readFileSync(board, 'utf8');
    expect(fixed.charCodeAt(0)).toBe('{'.charCodeAt(0));
    const saved = JSON.parse(fixed);
    expect(saved.lastId).toBe(2932);
    expect(saved.posts[1].title).toBe(String(sample().posts[1]!.title));
    expect(saved.posts[2].date).toBe('2024-02-30'); // never guessed
  });

  it('a byte-order mark alone is reported, and --fix removes it', async () => {
    const path = join(tempDir(), 'board.json');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(SAMPLE_BOARD)]));
    const checked = await runCli(['check', '--db', path]);
    expect(checked).toMatchObject({ code: 1, stderr: `error: ${path} has 1 problem (1 can be fixed with --fix)\n` });
    const fixed = await runCli(['check', '--db', path, '--fix']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('Fixed: removed the byte-order mark');
    // The file exactly as it was, without the mark.
    expect(readFileSync(path).equals(readFileSync(SAMPLE_BOARD))).toBe(true);
  });

  it('--fix with nothing to fix writes nothing', async () => {
    const path = join(tempDir(), 'board.json');
    writeFileSync(path, readFileSync(SAMPLE_BOARD));
    const result = await runCli(['check', '--db', path, '--fix']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Nothing to fix; the file was not written.\n');
    expect(() => readFileSync(`${path}.bak`)).toThrow();
  });

  it('--format json, for scripts', async () => {
    const board = brokenBoard();
    const result = await runCli(['check', '--db', board, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.problems.map((problem: { kind: string }) => problem.kind)).toEqual(['bom', 'invalid-post', 'duplicate-id', 'last-id-behind', 'not-nfc']);
    expect(report.problems[1]).toMatchObject({ id: 2930, line: 30, issue: { field: 'date', rule: 'date' } });
  });

  it('a file that does not parse is one problem; a missing board is not found', async () => {
    const path = join(tempDir(), 'board.json');
    writeFileSync(path, '{"posts": [');
    const broken = await runCli(['check', '--db', path]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/line 1, column \d+: not valid JSON/);
    const missing = await runCli(['check', '--db', join(tempDir(), 'none.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: no board at .*none\.json\n$/);
  });
});
