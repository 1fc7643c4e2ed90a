import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

describe('a corrupt board is refused, named, and left exactly as it was', () => {
  it.each([
    ['truncated JSON', '{\n  "schemaVersion": 1,\n  "posts": [\n    {"id": 1, "title": "a"', /board\.json: line 4, column 27: not valid JSON/],
    ['not a board', '[1, 2, 3]', /board\.json: not a postboard board/],
    ['a newer schemaVersion', '{"schemaVersion": 9, "posts": []}', /board\.json: schemaVersion 9 is newer/],
    ['duplicate ids', JSON.stringify(makeBoard([makePost({ id: 4 }), makePost({ id: 4 })]), null, 2), /board\.json: post number 4 appears twice/],
    ['a bad date', JSON.stringify(makeBoard([makePost({ id: 4, date: '2024-02-30' })]), null, 2), /board\.json: post 4 \(line 9\): date "2024-02-30"/],
    ['an empty file', '', /board\.json: the file is empty/],
  ])('%s', async (_, content, message) => {
    const board = writeBoard(content);
    for (const args of [['list'], ['show', '4'], ['list', '--format', 'json']]) {
      const result = await runCli([...args, '--db', board]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/at .*\.(c?js|ts):\d+/);
    }
    expect(readFileSync(board, 'utf8')).toBe(content);
  });

  it('a folder where the board should be', async () => {
    const folder = join(tempDir(), 'posts.json');
    mkdirSync(folder);
    const result = await runCli(['list', '--db', folder]);
    expect(result).toMatchObject({ code: 1, stderr: `error: ${folder}: is a folder, not a board file\n` });
  });

  it('the stack shows only with POSTBOARD_DEBUG=1', async () => {
    const board = writeBoard('{');
    const result = await runCli(['list', '--db', board], { env: { POSTBOARD_DEBUG: '1' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/BoardFileError/);
  });
});

describe('hostile text on the board', () => {
  const hostile = [
    'ESC \x1b[31mred\x1b[0m and \x1b[2J clear',
    'OSC \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 and title \x1b]0;pwned\x07',
    'C1 \u009b31m and bell \x07 backspace \x08\x08',
    'bidi \u202Egnp.exe and zero\u200Bwidth\u2060joiner',
    'lone \uD800 surrogate and \u2028 separator',
  ];
  const board = writeBoard(
    makeBoard(
      hostile.map((title, i) =>
        makePost({ id: i + 1, title, author: `글쓴이\x1b[5m${i}`, department: '부서\u202E', body: `${title}\n\n둘째 문단\r\n\x1b[?1049h` }),
      ),
    ),
  );
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\u2060\u2028\uD800-\uDFFF]/u;

  it('list shows it as harmless visible characters, still aligned', async () => {
    const result = await runCli(['list', '--db', board, '--width', '70']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stdout).toContain('␛[31mred');
    expect(result.stdout).toContain('<U+202E>');
    const table = result.stdout.trimEnd().split('\n').slice(0, -1);
    expect(new Set(table.map((line) => stringWidth(line))).size).toBe(1);
  });

  it('show too, title, names and body', async () => {
    for (let id = 1; id <= hostile.length; id++) {
      const result = await runCli(['show', String(id), '--db', board]);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(CONTROL);
      expect(result.stdout).toContain('␛[?1049h');
    }
  });

  it('JSON output keeps the data exact', async () => {
    const result = await runCli(['list', '--db', board, '--format', 'json', '--asc']);
    expect(JSON.parse(result.stdout).map((post: { title: string }) => post.title)).toEqual(hostile);
    const one = await runCli(['show', '1', '--db', board, '--format', 'json']);
    expect(JSON.parse(one.stdout).body).toBe(`${hostile[0]}\n\n둘째 문단\r\n\x1b[?1049h`);
  });
});
