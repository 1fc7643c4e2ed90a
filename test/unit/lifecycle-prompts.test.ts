import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_BOARD, sampleCopy } from '../support/cli.js';
import { KEYS, onTerminal } from '../support/io.js';

const post = (board: string, id: number) => (JSON.parse(readFileSync(board, 'utf8')) as { posts: { id: number; title: string; body: string; department: string; status: string }[] }).posts.find((p) => p.id === id);
const postsOf = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { posts: unknown[] }).posts;

describe('edit on a terminal', () => {
  it('every field starts from its current value (the body too); what changes is shown old → new before saving', async () => {
    const board = sampleCopy();
    const body = post(board, 2912)?.body;
    const term = onTerminal(['edit', '2912', '--db', board]);
    await term.waitFor('Title');
    await term.waitFor('세계 최고 디지털플랫폼정부'); // the current title, ready to change
    term.type(`${KEYS.ctrlU}디지털플랫폼정부, 10개국에 전파${KEYS.enter}`);
    for (const question of ['Subtitle', 'Author', 'Department', 'Date', 'Status']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Body');
    await term.waitFor('Ctrl+D now keeps it as it is');
    // The current body is on the screen, ready: one Enter would only add a line; Ctrl+D keeps it.
    await term.waitFor('행정안전부(장관 이상민)는');
    term.type(KEYS.ctrlD);
    for (const question of ['Source agency', 'Source date', 'Source URL']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Changes to post 2912:');
    await term.waitFor('Title: 세계 최고 디지털플랫폼정부, 10개 개발도상국에 전파한다 → 디지털플랫폼정부, 10개국에 전파');
    await term.waitFor('Save the changes? (Y/n)');
    term.type(KEYS.enter);
    expect(await term.exit).toBe(0);
    expect(term.io.output.stdout).toContain('Edited post 2912: 디지털플랫폼정부, 10개국에 전파 (title)');
    expect(post(board, 2912)).toMatchObject({ title: '디지털플랫폼정부, 10개국에 전파', department: '행정안전부', body });
  });

  it('emptying a field that had text makes "no" the default answer', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const term = onTerminal(['edit', '2912', '--db', board]);
    for (const question of ['Title', 'Subtitle', 'Author']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Department');
    // The current department is first; "(none)" empties it.
    term.type(`${KEYS.down}${KEYS.enter}`);
    for (const question of ['Date', 'Status']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Body');
    term.type(KEYS.ctrlD);
    for (const question of ['Source agency', 'Source date', 'Source URL']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Department: 행정안전부 → (empty)');
    await term.waitFor('Save the changes? (y/N)');
    term.type(KEYS.enter);
    expect(await term.exit).toBe(1);
    expect(term.io.output.stderr).toBe('Nothing changed.\n');
    expect(readFileSync(board).equals(before)).toBe(true);
  });
});

describe('edit on a terminal can empty a field', () => {
  it('a text field cleared (Ctrl+U) is empty, not its old value again; the question then defaults to no', async () => {
    const board = sampleCopy();
    const term = onTerminal(['edit', '2912', '--db', board]);
    for (const question of ['Title', 'Subtitle', 'Author', 'Department', 'Date', 'Status']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Body');
    term.type(KEYS.ctrlD);
    await term.waitFor('Source agency');
    await term.waitFor('행정안전부');
    term.type(`${KEYS.ctrlU}${KEYS.enter}`);
    for (const question of ['Source date', 'Source URL']) {
      await term.waitFor(question);
      term.type(KEYS.enter);
    }
    await term.waitFor('Source agency: 행정안전부 → (empty)');
    await term.waitFor('Save the changes? (y/N)');
    term.type(`y${KEYS.enter}`);
    expect(await term.exit).toBe(0);
    expect(term.io.output.stdout).toContain('(source.agency)');
    expect((JSON.parse(readFileSync(board, 'utf8')) as { posts: { id: number; source?: { agency?: string; date?: string } }[] }).posts.find((p) => p.id === 2912)?.source).toEqual({
      date: '2024-08-26',
      url: expect.stringContaining('korea.kr') as unknown as string,
    });
  });

  it('a required field cleared is refused as it is typed, not silently kept', async () => {
    const board = sampleCopy();
    const term = onTerminal(['edit', '2912', '--db', board]);
    await term.waitFor('Title');
    term.type(`${KEYS.ctrlU}${KEYS.enter}`);
    await term.waitFor('must not be empty');
    term.type(KEYS.escape);
    expect(await term.exit).toBe(130);
  });
});

describe('yes and no, as Korean users type them', () => {
  it.each([
    ['예', true],
    ['ㅛ', true], // y with the Korean keyboard on
    ['Y', true],
    ['아니요', false],
    ['ㅜ', false], // n with the Korean keyboard on
    ['no', false],
  ])('%s', async (answer, yes) => {
    const board = sampleCopy();
    const term = onTerminal(['delete', '2913', '--db', board, '--lang', 'ko']);
    await term.waitFor('이 글을 지울까요? (예/아니요, Enter는 아니요)');
    term.type(`${answer}${KEYS.enter}`);
    expect(await term.exit).toBe(yes ? 0 : 1);
    expect(term.io.output.stdout.replace(/\x1b\[[\d;?]*[A-Za-z]/g, '')).toContain(yes ? '✔ 이 글을 지울까요? 예' : '✔ 이 글을 지울까요? 아니요');
    expect(post(board, 2913) === undefined).toBe(yes);
  });

  it('an answer that is neither asks again', async () => {
    const board = sampleCopy();
    const term = onTerminal(['delete', '2913', '--db', board, '--lang', 'ko']);
    await term.waitFor('지울까요?');
    term.type(`글쎄${KEYS.enter}`);
    await term.waitFor('예(y) 또는 아니요(n)로 답하세요');
    term.type(`${KEYS.ctrlU}ㅛ${KEYS.enter}`);
    expect(await term.exit).toBe(0);
  });
});

describe('delete and undo on a terminal', () => {
  it('delete shows the posts and asks, no by default: no is "nothing changed", exit 1', async () => {
    const board = sampleCopy();
    const before = readFileSync(board);
    const declined = onTerminal(['delete', '2913', '--db', board]);
    await declined.waitFor('2024년 「건설근로자 종합생활 실태조사 결과」발표');
    await declined.waitFor('Delete this post?');
    declined.type(KEYS.enter);
    expect(await declined.exit).toBe(1);
    expect(declined.io.output.stderr).toBe('Nothing changed.\n');
    expect(readFileSync(board).equals(before)).toBe(true);

    const accepted = onTerminal(['delete', '2913', '--db', board]);
    await accepted.waitFor('Delete this post?');
    accepted.type(`y${KEYS.enter}`);
    expect(await accepted.exit).toBe(0);
    expect(post(board, 2913)).toBeUndefined();
  });

  it('undo shows what it will do as old → new, and asks; redo shows what it makes again', async () => {
    const board = sampleCopy();
    expect(await onTerminal(['hide', '2913', '--db', board]).exit).toBe(0);
    const term = onTerminal(['undo', '--db', board]);
    await term.waitFor('Undo the last change: #1 hide');
    await term.waitFor('~ post 2913');
    await term.waitFor('Status: hidden → published');
    await term.waitFor('Undo these changes?');
    term.type(KEYS.enter);
    expect(await term.exit).toBe(0);
    expect(postsOf(board)).toEqual(postsOf(SAMPLE_BOARD));

    const again = onTerminal(['redo', '--db', board]);
    await again.waitFor('Redo the change undone last: #1 hide');
    await again.waitFor('Status: published → hidden');
    await again.waitFor('Redo these changes?');
    again.type(KEYS.enter);
    expect(await again.exit).toBe(0);
    expect(again.io.output.stdout).toContain('Redone: #1 hide (1 post).');
    expect(post(board, 2913)?.status).toBe('hidden');
  });
});
