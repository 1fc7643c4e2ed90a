import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBoard, writeBoard } from '../support/cli.js';
import { KEYS, onTerminal } from '../support/io.js';
import { makeBoard, makePost } from '../support/posts.js';

/** edit at a terminal keeps what it was not asked to change exactly, and never overwrites a change made meanwhile. */
async function enterThrough(term: ReturnType<typeof onTerminal>) {
  for (const question of ['Title', 'Subtitle', 'Author', 'Department', 'Date', 'Status']) {
    await term.waitFor(question);
    term.type(KEYS.enter);
  }
  await term.waitFor('Ctrl+D now keeps it as it is');
  term.type(KEYS.ctrlD);
  for (const question of ['Source agency', 'Source date', 'Source URL']) {
    await term.waitFor(question);
    term.type(KEYS.enter);
  }
}

describe('edit keeps values exactly', () => {
  it('a title with an invisible character (U+200B), offered and taken back with Enter, is unchanged', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: '보이지\u200b않는 글자', department: '환경\u200b부', body: '본문' })]));
    const before = readFileSync(board);
    const term = onTerminal(['edit', '1', '--db', board]);
    await enterThrough(term);
    expect(await term.exit).toBe(0);
    expect(term.io.output.stderr).toBe('Post 1 already says that; nothing changed.\n');
    expect(readFileSync(board).equals(before)).toBe(true);
  });
});

describe('edit keeps a hand-edited value it can only show made visible', () => {
  it('control characters in a title, author and body: offered as stand-ins, taken back as they were', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: '\x1b[31m빨간 제목\x1b[0m', author: '작성자\x07', body: '본문\x00 끝' })]));
    const before = readFileSync(board);
    const term = onTerminal(['edit', '1', '--db', board]);
    await enterThrough(term);
    expect(await term.exit).toBe(0);
    expect(term.io.output.stderr).toBe('Post 1 already says that; nothing changed.\n');
    expect(readFileSync(board).equals(before)).toBe(true);
  });
});

describe('edit and a change made meanwhile', () => {
  it('a field changed by someone else while the questions were open is not overwritten: refused, nothing saved', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, title: '처음 제목', body: '본문' })]));
    const term = onTerminal(['edit', '1', '--db', board]);
    await term.waitFor('Title');
    await term.waitFor('처음 제목');
    // Someone else retitles the post while this edit is still asking.
    const other = loadBoard(board);
    other.posts[0]!.title = '다른 사람의 제목';
    writeFileSync(board, JSON.stringify(other, null, 2));
    term.type(`${KEYS.ctrlU}내 제목${KEYS.enter}`);
    for (const question of ['Subtitle', 'Author', 'Department', 'Date', 'Status']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Ctrl+D now keeps it as it is');
    term.type(KEYS.ctrlD);
    for (const question of ['Source agency', 'Source date', 'Source URL']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Save the changes?');
    term.type(KEYS.enter);
    expect(await term.exit).toBe(1);
    expect(term.io.output.stderr).toContain('post 1 was changed by someone else while you were editing it (title); nothing was saved');
    expect(loadBoard(board).posts[0]?.title).toBe('다른 사람의 제목');
  });
});
