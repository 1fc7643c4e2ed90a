import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeBoard } from '../support/cli.js';
import { runInProcess } from '../support/io.js';
import { makeBoard, makePost } from '../support/posts.js';

const many = writeBoard(makeBoard(Array.from({ length: 3000 }, (_, i) => makePost({ id: i + 1, title: `보도자료 ${i + 1}` }))));

describe('a long export', () => {
  it('shows a progress bar on a terminal\'s stderr, and cleans it away', async () => {
    const out = join(tempDir(), 'board.csv');
    const result = await runInProcess(['export', '--db', many, '-o', out], { tty: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\d+% · \d+\/3000/);
    expect(result.stderr).toMatch(/Exported 3,000 posts to .*board\.csv\n$/);
    expect(readFileSync(out, 'utf8').split('\r\n')).toHaveLength(3002);
  });

  it('shows none into a pipe', async () => {
    const result = await runInProcess(['export', '--db', many, '--format', 'jsonl']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(3000);
  });
});
