import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBoard, sampleCopy, tempDir } from '../support/cli.js';
import { KEYS, onTerminal } from '../support/io.js';

/** A sheet with one edited post (2912: views) and one new row. */
function editedSheet(): string {
  const file = join(tempDir(), 'sheet.csv');
  writeFileSync(file, 'id,title,author,views\r\n2912,세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다,한국생산성본부,999\r\n,새 글,작가,0\r\n'.replace('세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다', '"세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다"'));
  return file;
}

describe('import on a terminal', () => {
  it('a plain import shows the rows that change posts and asks; no leaves them out and imports the rest', async () => {
    const board = sampleCopy();
    const term = onTerminal(['import', editedSheet(), '--db', board]);
    await term.waitFor('1 row names a post already on the board, with other content:');
    await term.waitFor('Views: 216 → 999');
    await term.waitFor('Apply these changes to that post? (y/N)');
    term.type(KEYS.enter);
    expect(await term.exit).toBe(0);
    expect(term.io.output.stdout).toContain('Imported: 1 added, 0 updated, 0 unchanged, 1 skipped');
    const saved = loadBoard(board);
    expect(saved.posts.find((post) => post.id === 2912)?.views).toBe(216);
    expect(saved.posts[0]?.title).toBe('새 글');
  });

  it('yes applies them too', async () => {
    const board = sampleCopy();
    const term = onTerminal(['import', editedSheet(), '--db', board]);
    await term.waitFor('Apply these changes');
    term.type(`y${KEYS.enter}`);
    expect(await term.exit).toBe(0);
    expect(loadBoard(board).posts.find((post) => post.id === 2912)?.views).toBe(999);
  });

  it('--update shows its plan and asks before applying it (yes by default); no changes nothing', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const term = onTerminal(['import', editedSheet(), '--db', board, '--update']);
    await term.waitFor('Views: 216 → 999');
    await term.waitFor('Apply these changes to that post? (Y/n)');
    term.type(`n${KEYS.enter}`);
    expect(await term.exit).toBe(1);
    expect(readFileSync(board).equals(before)).toBe(true);
  });
});

describe('import - on a terminal', () => {
  it('the rows come on stdin, so nothing is asked: --update applies as in a script', async () => {
    const board = sampleCopy();
    const term = onTerminal(['import', '-', '--db', board, '--update', '--format', 'csv']);
    term.type(readFileSync(editedSheet(), 'utf8'));
    term.io.stdin.end();
    expect(await term.exit).toBe(0);
    expect(term.io.output.stdout).not.toContain('Apply these changes');
    expect(term.io.output.stdout).toContain('Imported: 1 added, 1 updated, 0 unchanged');
    expect(loadBoard(board).posts.find((post) => post.id === 2912)?.views).toBe(999);
  });
});
