import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE_BOARD } from '../support/cli.js';
import { usbStick, type UsbStick } from '../support/usb.js';

/**
 * A USB stick formatted exFAT, the file system of nearly every stick sold: no hard links (Linux
 * says EPERM, Windows EISDIR), no permission bits. Boards kept on it and exports written to it
 * must work as on a disk — whole or not at all, never over a file that is there.
 */
let stick: UsbStick;
beforeAll(() => {
  stick = usbStick();
});
afterAll(() => stick?.close());

const leftovers = () => readdirSync(stick.folder).filter((name) => name.includes('.postboard-') || name.endsWith('.lock') || name.includes('.lock.'));

describe('a USB stick (a real exFAT volume)', () => {
  it.each([
    ['csv', '11월 보도자료.csv', []],
    ['tsv', '11월.tsv', []],
    ['json', 'archive.json', []],
    ['jsonl', 'archive.jsonl', []],
    ['md', 'board.md', []],
    ['rss', 'feed.xml', ['--feed-link', 'https://news.example.kr/board']],
  ] as const)('export --format %s -o writes the file, refuses to replace it without --force, replaces it with --force', async (format, name, extra) => {
    const file = join(stick.folder, name);
    const args = ['export', '--db', SAMPLE_BOARD, '--format', format, ...extra];
    const expected = (await runCli(args)).stdout;
    expect(await runCli([...args, '-o', file])).toMatchObject({ code: 0, stderr: expect.stringContaining(`to ${file}`) });
    expect(readFileSync(file, 'utf8')).toBe(expected);
    const again = await runCli([...args, '-o', file, '--limit', '1']);
    expect(again).toMatchObject({ code: 1, stderr: `error: ${file} already exists; add --force to replace it\n` });
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(await runCli([...args, '-o', file, '--limit', '1', '--force'])).toMatchObject({ code: 0 });
    expect(readFileSync(file, 'utf8')).toBe((await runCli([...args, '--limit', '1'])).stdout);
    expect(leftovers()).toEqual([]);
  });

  it('a JSON board kept on it: copied there, added to, edited, undone; nothing of ours left behind', async () => {
    const board = join(stick.folder, '게시판.json');
    expect((await runCli(['copy', '--db', SAMPLE_BOARD, '--to', board])).code).toBe(0);
    expect(await runCli(['add', '--db', board, '--title', 'USB에서 쓴 글', '--author', '대변인'])).toMatchObject({ code: 0, stdout: `Added post 2933: USB에서 쓴 글\n` });
    expect((await runCli(['edit', '2933', '--db', board, '--views', '7'])).code).toBe(0);
    expect((await runCli(['undo', '--db', board, '--yes'])).code).toBe(0);
    const listed = await runCli(['list', '--db', board, '--format', 'jsonl', '--fields', 'id,title,views', '--limit', '1']);
    expect(listed.stdout).toBe('{"id":2933,"title":"USB에서 쓴 글","views":0}\n');
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ['as on Linux (link says EPERM)', 'linux.json', {}],
    // exFAT through Node on Windows: link says EISDIR, and a handle opened read-only cannot be flushed.
    ['as on Windows (link says EISDIR, no flush of a read-only handle)', 'windows.json', { POSTBOARD_TEST_PLATFORM: 'win32', POSTBOARD_TEST_LINK_FAULT: 'EISDIR', POSTBOARD_TEST_FSYNC_READ_ONLY: 'EPERM' }],
  ] as const)('a JSON board on it %s: add, edit, undo, delete, import and check --fix all work, each keeping the board before it as the backup; no temp file or lock left', async (_how, name, env) => {
    const board = join(stick.folder, name);
    const run = async (args: string[]) => {
      const before = readFileSync(board);
      const result = await runCli([...args, '--db', board], { env });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(readFileSync(`${board}.bak`).equals(before), args.join(' ')).toBe(true);
      expect(leftovers(), args.join(' ')).toEqual([]);
      return result;
    };
    expect((await runCli(['copy', '--db', SAMPLE_BOARD, '--to', board], { env })).code).toBe(0);
    await run(['add', '--title', '이동식 디스크의 글', '--author', '대변인']);
    await run(['edit', '2933', '--views', '7']);
    await run(['undo', '--yes']);
    await run(['delete', '2932', '--yes']);
    const rows = join(stick.folder, `${name}.rows.json`);
    writeFileSync(rows, JSON.stringify([{ title: '가져온 글', author: '대변인', source_url: 'https://example.go.kr/usb/1' }]));
    await run(['import', rows, '--yes']);
    // Something check --fix repairs without guessing: a lastId behind the highest number.
    const text = readFileSync(board, 'utf8').replace(/"lastId": \d+/, '"lastId": 1');
    writeFileSync(board, text);
    const fixed = await run(['check', '--fix']);
    expect(fixed.stdout).toContain('lastId');
    const listed = await runCli(['list', '--db', board, '--format', 'jsonl', '--fields', 'id,title,views', '--limit', '3'], { env });
    expect(listed.stdout).toBe('{"id":2934,"title":"가져온 글","views":0}\n{"id":2933,"title":"이동식 디스크의 글","views":0}\n{"id":2931,"title":"무탄소에너지(CFE) 글로벌 확산 위해 국내외 전문가 한자리에","views":204}\n');
  });

  it('a SQLite board kept on it: copied there, added to, searched', async () => {
    const board = join(stick.folder, 'archive.sqlite');
    expect((await runCli(['copy', '--db', SAMPLE_BOARD, '--to', board])).code).toBe(0);
    expect((await runCli(['add', '--db', board, '--title', '청정수소 USB 보관', '--author', '대변인'])).code).toBe(0);
    const found = await runCli(['list', '--db', board, '--search', '청정수소', '--format', 'jsonl', '--fields', 'id']);
    expect(found.stdout.split('\n')[0]).toBe('{"id":2933}');
  });
});
