import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_BOARD, sampleCopy } from '../support/cli.js';
import { KEYS, onTerminal } from '../support/io.js';

const post = (board: string, id: number) => (JSON.parse(readFileSync(board, 'utf8')) as { posts: { id: number; title: string; body: string; department: string }[] }).posts.find((p) => p.id === id);

describe('on a terminal', () => {
  it('edit with no flags asks every field, pre-filled with what the post says', async () => {
    const board = sampleCopy();
    const term = onTerminal(['edit', '2912', '--db', board]);
    await term.waitFor('Title');
    await term.waitFor('세계 최고 디지털플랫폼정부'); // the current title, ready to change
    term.type(`${KEYS.ctrlU}디지털플랫폼정부, 10개국에 전파${KEYS.enter}`);
    for (const question of ['Author', 'Department', 'Date', 'Status']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Change the body?');
    term.type(KEYS.enter); // no: the body stays
    for (const question of ['Source agency', 'Source date', 'Source URL']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Save the changes?');
    term.type(KEYS.enter);
    expect(await term.exit).toBe(0);
    expect(term.io.output.stdout).toContain('Edited post 2912: 디지털플랫폼정부, 10개국에 전파 (title)');
    expect(post(board, 2912)).toMatchObject({ title: '디지털플랫폼정부, 10개국에 전파', department: '행정안전부' });
    expect(post(board, 2912)?.body).toMatch(/^행정안전부\(장관 이상민\)는/);
  });

  it('delete shows the posts and asks, no by default', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const declined = onTerminal(['delete', '2913', '--db', board]);
    await declined.waitFor('2024년 「건설근로자 종합생활 실태조사 결과」발표');
    await declined.waitFor('Delete this post?');
    declined.type(KEYS.enter);
    expect(await declined.exit).toBe(130);
    expect(readFileSync(board).equals(before)).toBe(true);

    const accepted = onTerminal(['delete', '2913', '--db', board]);
    await accepted.waitFor('Delete this post?');
    accepted.type(`y${KEYS.enter}`);
    expect(await accepted.exit).toBe(0);
    expect(post(board, 2913)).toBeUndefined();
  });

  it('undo shows what it will revert and asks', async () => {
    const board = sampleCopy();
    const hide = onTerminal(['hide', '2913', '--db', board]);
    expect(await hide.exit).toBe(0);
    const term = onTerminal(['undo', '--db', board]);
    await term.waitFor('~ change back post 2913');
    await term.waitFor('Undo these changes?');
    term.type(KEYS.enter);
    expect(await term.exit).toBe(0);
    expect(readFileSync(board, 'utf8')).toBe(readFileSync(SAMPLE_BOARD, 'utf8'));
  });
});
