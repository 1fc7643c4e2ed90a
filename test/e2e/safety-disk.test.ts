import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, loadBoard, runCli, sampleCopy, tempDir, writeBoard } from '../support/cli.js';
import { sizeableBoard, smallDisk } from '../support/disk.js';
import { makeBoard, makePost } from '../support/posts.js';

/** The files beside a board that postboard made and should have cleaned up. */
const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.includes('.postboard-') || name.includes('.lock'));

describe('a full disk: the change fails, says so in one line, and the board is exactly as it was', () => {
  const disk = smallDisk(4 * 1024 * 1024);
  afterAll(() => disk.close());
  const board = join(disk.folder, 'board.json');
  const importFile = join(tempDir(), 'new.json');
  writeFileSync(importFile, JSON.stringify([{ title: '새 글', author: 'a' }, { title: '또 새 글', author: 'b' }]));

  const setUp = (nfd = false) => {
    disk.empty();
    for (const name of readdirSync(disk.folder)) if (name !== '.filler') rmSync(join(disk.folder, name), { force: true, recursive: true });
    const content = sizeableBoard(300);
    if (nfd) content.posts[0] = { ...content.posts[0]!, title: '한글 제목'.normalize('NFD') };
    writeFileSync(board, `${JSON.stringify(content, null, 2)}\n`);
    // About 850 KB of board, 100 KB free: no new board fits.
    disk.fill(100_000);
    return readFileSync(board);
  };

  it.each([
    ['add', ['add', '--title', '디스크 가득', '--author', 'a']],
    ['edit', ['edit', '5', '--title', '새 제목']],
    ['hide', ['hide', '5']],
    ['delete', ['delete', '5', '--yes']],
    ['import', ['import', importFile]],
    ['check --fix', ['check', '--fix']],
  ])('%s', async (name, args) => {
    const before = setUp(name === 'check --fix');
    const result = await runCli([...args, '--db', board], { env: disk.env, timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    // Said with what it takes: a delete too writes the board anew, so room must be made first.
    expect(lines.at(-1)).toMatch(
      new RegExp(`^error: ${board.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot be written \\(ENOSPC: no space left on the disk\\); the board is unchanged\\. Every change, a delete too, writes the whole board anew: it needs \\d+ KB free(, and \\d+ KB is\\. Free at least \\d+ KB more|\\. Free that much) and try again$`),
    );
    expect(result.stdout).not.toMatch(/Added|Edited|Hid|Deleted|Imported|Fixed/);
    expect(readFileSync(board).equals(before)).toBe(true);
    // The undo backup is only ever replaced together with the board.
    expect(existsSync(`${board}.bak`)).toBe(false);
    expect(leftovers(disk.folder)).toEqual([]);

    // With room again, the same command works and the board reads back whole.
    disk.empty();
    const again = await runCli([...args, '--db', board], { timeoutMs: 60_000 });
    expect(again.code).toBe(0);
    expect(readFileSync(`${board}.bak`).equals(before)).toBe(true);
    expect((await runCli(['check', '--db', board], { timeoutMs: 60_000 })).code).toBe(0);
  }, 90_000);

  it("on a full disk a delete says how much room it needs, and that the board's previous copy may go", async () => {
    setUp();
    disk.empty();
    // A change made while there was room leaves the previous copy beside the board.
    expect((await runCli(['edit', '5', '--title', '고친 제목', '--db', board])).code).toBe(0);
    disk.fill(100_000);
    const before = readFileSync(board);
    const result = await runCli(['delete', '5', '--yes', '--db', board], { env: disk.env, timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(`it needs (\\d+) KB free(, and \\d+ KB is\\. Free at least \\d+ KB more|\\. Free that much) \\(the board's previous copy, ${`${board}.bak`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, \\d+ KB, can go: undo does not need it\\) and try again$`),
    );
    expect(readFileSync(board).equals(before)).toBe(true);
    // Doing what it says works: without the previous copy there is room, and the delete is made.
    if (disk.real) {
      rmSync(`${board}.bak`);
      expect((await runCli(['delete', '5', '--yes', '--db', board], { timeoutMs: 60_000 })).code).toBe(0);
      expect(loadBoard(board).posts.some((post) => post.id === 5)).toBe(false);
    }
  }, 90_000);

  it('a copy into a new SQLite board that does not fit leaves nothing behind to keep the disk full', async () => {
    setUp();
    disk.empty();
    disk.fill(200_000);
    const target = join(disk.folder, 'archive.sqlite');
    const source = writeBoard(sizeableBoard(200));
    const result = await runCli(['copy', '--db', source, '--to', target], { env: disk.env, timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/ENOSPC|EIO/);
    expect(readdirSync(disk.folder).filter((name) => name.startsWith('archive'))).toEqual([]);
    // With room, the same copy is made whole.
    disk.empty();
    expect((await runCli(['copy', '--db', source, '--to', target], { timeoutMs: 60_000 })).code).toBe(0);
    expect((await runCli(['list', '--db', target, '--limit', '1', '--format', 'jsonl', '--fields', 'id'])).stdout).toBe('{"id":200}\n');
  }, 90_000);

  it('a disk with no room at all, not even for the lock: one line, nothing left behind, and how much room a change needs', async () => {
    const before = setUp();
    disk.fill(0);
    const result = await runCli(['add', '--db', board, '--title', '가득', '--author', 'a'], { env: disk.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ENOSPC: no space left on the disk/);
    if (disk.real) expect(result.stderr).toMatch(/it needs \d+ KB free, and \d+ KB is\. Free at least \d+ KB more/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readFileSync(board).equals(before)).toBe(true);
    expect(leftovers(disk.folder)).toEqual([]);
  });

  it('export --output: nothing is left of a feed that did not fit, and an existing file is kept', async () => {
    setUp();
    const feed = join(disk.folder, 'feed.xml');
    const result = await runCli(['export', '--db', board, '--format', 'rss', '--feed-link', 'https://example.go.kr/', '--limit', '300', '-o', feed], { env: disk.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: cannot write ${feed} (ENOSPC: no space left on the disk); nothing was written there\n`);
    expect(existsSync(feed)).toBe(false);
    expect(leftovers(disk.folder)).toEqual([]);

    disk.empty();
    writeFileSync(feed, 'the old feed');
    disk.fill(100_000);
    const forced = await runCli(['export', '--db', board, '--format', 'rss', '--feed-link', 'https://example.go.kr/', '--limit', '300', '-o', feed, '--force'], { env: disk.env });
    expect(forced.code).toBe(1);
    expect(readFileSync(feed, 'utf8')).toBe('the old feed');
  });

  it('writes that come back short are continued until every byte is written', async () => {
    const path = sampleCopy();
    const result = await runCli(['add', '--db', path, '--title', '짧은 쓰기', '--author', 'a', '--body', '본문 '.repeat(2000)], { env: { POSTBOARD_TEST_WRITE_CHUNK: '777' } });
    expect(result.code).toBe(0);
    expect(loadBoard(path).posts[0]?.body).toBe('본문 '.repeat(2000).trim());
    const csv = join(tempDir(), 'out.csv');
    expect((await runCli(['export', '--db', path, '-o', csv], { env: { POSTBOARD_TEST_WRITE_CHUNK: '777' } })).code).toBe(0);
    expect(readFileSync(csv).equals(Buffer.from((await runCli(['export', '--db', path])).stdout))).toBe(true);
  });
});

describe('standard output that cannot be written', () => {
  it('/dev/full: one line saying so, exit 1', async () => {
    const out = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [BIN, 'list', '--all', '--format', 'json'], { stdio: ['ignore', out, 'pipe'], env: { PATH: process.env.PATH } });
    closeSync(out);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe('error: cannot write to standard output (ENOSPC: no space left on the disk)\n');
  });
});

describe('boards too large for a JSON file', () => {
  it('a change that would make a board too large to read back is refused, board unchanged', async () => {
    const path = sampleCopy();
    const before = readFileSync(path);
    const result = await runCli(['add', '--db', path, '--title', '긴 글', '--author', 'a', '--body', '가'.repeat(20_000)], { env: { POSTBOARD_TEST_MAX_BOARD_BYTES: '40000' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*board\.json: the board is too large for a JSON file \(0 MB; a JSON board holds at most 0 MB\); nothing was changed\. Move older posts to another board \(--db\), or keep an archive this size in a SQLite board\n$/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.bak`)).toBe(false);
  });

  it('a board file past what Node can read gets the same sentence, not ERR_STRING_TOO_LONG', async () => {
    const path = join(tempDir(), 'huge.json');
    closeSync(openSync(path, 'w'));
    truncateSync(path, 537_000_000); // sparse: no disk used, and never read
    for (const args of [['list'], ['add', '--title', 't', '--author', 'a'], ['check']]) {
      const result = await runCli([...args, '--db', path]);
      expect(result.code).toBe(1);
      expect(`${result.stderr}${result.stdout}`).toContain('the board is too large for a JSON file (512 MB; a JSON board holds at most 512 MB)');
    }
    rmSync(path);
  });
});

describe('a change that changes nothing writes nothing', () => {
  it('hiding a hidden post leaves the board and the backup of the last real change alone', async () => {
    const path = writeBoard(makeBoard([makePost({ id: 1 }), makePost({ id: 2, status: 'hidden' })]));
    expect((await runCli(['hide', '1', '--db', path])).code).toBe(0);
    const board = readFileSync(path);
    const backup = readFileSync(`${path}.bak`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    const result = await runCli(['hide', '1', '2', '--db', path]);
    expect(result).toMatchObject({ code: 0, stderr: 'Already hidden: 1, 2; nothing changed.\n' });
    expect(readFileSync(path).equals(board)).toBe(true);
    expect(readFileSync(`${path}.bak`).equals(backup)).toBe(true);
    expect(statSync(path).mtimeMs).toBeLessThan(Date.now() - 30_000);
    // undo still takes back the real last change.
    expect((await runCli(['undo', '--yes', '--db', path])).code).toBe(0);
    expect(loadBoard(path).posts.find((post) => post.id === 1)?.status).toBe('published');
  });

  it('an import that brings in nothing new writes nothing', async () => {
    const path = sampleCopy();
    const again = join(tempDir(), 'again.json');
    // The one sample post with a source: already on the board, so skipped.
    writeFileSync(again, JSON.stringify([loadBoard(path).posts.find((post) => post.id === 2912)]));
    const before = readFileSync(path);
    const result = await runCli(['import', again, '--db', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Imported: 0 added, 0 updated, 1 unchanged\n');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.bak`)).toBe(false);
  });
});

describe("only postboard's own files are ever removed", () => {
  it("a user's posts.json.2023 and friends survive every write; a dead writer's temp file does not", async () => {
    const folder = tempDir();
    const path = join(folder, 'posts.json');
    writeFileSync(path, readFileSync(sampleCopy()));
    const theirs = ['posts.json.2023', 'posts.json.12345', 'posts.json.bak.99.tmp', '.posts.json.tmp', 'posts.json.old'];
    for (const name of theirs) writeFileSync(join(folder, name), name);
    const ours = join(folder, '.posts.json.postboard-999999-0a1b2c3d.tmp');
    writeFileSync(ours, 'half a board');
    expect((await runCli(['add', '--db', path, '--title', 't', '--author', 'a'])).code).toBe(0);
    for (const name of theirs) expect(readFileSync(join(folder, name), 'utf8')).toBe(name);
    expect(existsSync(ours)).toBe(false);
  });

  it('a backup left pending by a writer killed after its rename becomes the backup; one killed before is dropped', async () => {
    const folder = tempDir();
    const path = join(folder, 'board.json');
    writeFileSync(path, `${JSON.stringify(makeBoard([makePost({ id: 1, status: 'hidden' })]), null, 2)}\n`);
    writeFileSync(`${path}.bak`, 'older backup');
    // Killed after the rename: the pending backup is the board as it was before, no longer the board's file.
    const previous = join(folder, 'previous');
    writeFileSync(previous, 'the board before the killed change');
    linkSync(previous, join(folder, '.board.json.postboard-999999-00000001.bak-pending'));
    rmSync(previous);
    await runCli(['hide', '1', '--db', path]); // changes nothing, but tidies up under the lock
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('the board before the killed change');
    // Killed before the rename: the pending backup is still the board's own file.
    linkSync(path, join(folder, '.board.json.postboard-999999-00000002.bak-pending'));
    await runCli(['hide', '1', '--db', path]);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('the board before the killed change');
    expect(leftovers(folder)).toEqual([]);
  });
});

describe('export --output behaves like any Unix tool, and never replaces the board', () => {
  it('a device is written into, and stays a device', async () => {
    const result = await runCli(['export', '-o', '/dev/null']);
    expect(result.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a named pipe is written into', async () => {
    const folder = tempDir();
    const fifo = join(folder, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const result = await runCli(['export', '--format', 'jsonl', '-o', fifo]);
    await closed;
    expect(result.code).toBe(0);
    expect(read.trimEnd().split('\n')).toHaveLength(21);
  });

  it('a symlink is followed: its target gets the export, and the link stays a link', async () => {
    const folder = tempDir();
    const link = join(folder, 'latest.csv');
    symlinkSync('exports/board.csv', link);
    mkdirSync(join(folder, 'exports'));
    expect((await runCli(['export', '-o', link])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'exports/board.csv'), 'utf8')).toContain('2912');
    expect((await runCli(['export', '-o', link])).code).toBe(1); // exists: --force needed
    expect((await runCli(['export', '-o', link, '--force', '--format', 'jsonl'])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'exports/board.csv'), 'utf8')).toMatch(/^\{"id":2932/);
  });

  it('the board itself, its backup, or another name for it is refused, even with --force', async () => {
    const path = sampleCopy();
    await runCli(['add', '--db', path, '--title', 't', '--author', 'a']);
    const board = readFileSync(path);
    const backup = readFileSync(`${path}.bak`);
    const hard = join(tempDir(), 'same-board.json');
    linkSync(path, hard);
    const viaLink = join(tempDir(), 'link.json');
    symlinkSync(path, viaLink);
    for (const [output, what] of [
      [path, 'the board itself'],
      [`${path}.bak`, "the board's backup (for undo)"],
      [hard, 'the board itself'],
      [viaLink, 'the board itself'],
    ]) {
      const result = await runCli(['export', '--db', path, '-o', output!, '--force']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`error: ${output} is ${what}; an export never replaces it: choose another file\n`);
    }
    expect(readFileSync(path).equals(board)).toBe(true);
    expect(readFileSync(`${path}.bak`).equals(backup)).toBe(true);
  });
});
