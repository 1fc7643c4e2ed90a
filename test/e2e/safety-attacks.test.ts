import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, loadBoard, runCli, sampleCopy, tempDir, writeBoard } from '../support/cli.js';
import { makeBoard, makePost } from '../support/posts.js';

/** What an attack on the promises found, each kept from coming back. */

describe('keys postboard does not know are kept exactly, or the board is refused', () => {
  const board = (extra: string, postExtra = '') => {
    const path = join(tempDir(), 'board.json');
    writeFileSync(path, `{\n  "schemaVersion": 1,\n  "lastId": 1,\n  "boardMeta": ${extra},\n  "posts": [\n    {"id": 1, "title": "t", "author": "a", "date": "2024-09-02", "views": 0, "status": "published"${postExtra}}\n  ]\n}\n`);
    return path;
  };

  it('a number JavaScript would change (in any key) stops every command before a write could change it', async () => {
    const path = board('{"ministryCode": 9007199254740993, "ok": 0.3, "one": 1.0}', ', "externalId": 12345678901234567890, "legacy": {"score": 1e999}');
    const before = readFileSync(path);
    const listed = await runCli(['list', '--db', path]);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain('line 4: "ministryCode" is 9007199254740993, which JavaScript cannot hold exactly: a change would write it as 9007199254740992. Write it as text ("9007199254740993") to keep it');
    expect((await runCli(['add', '--db', path, '--title', 'x', '--author', 'a'])).code).toBe(1);
    expect(readFileSync(path).equals(before)).toBe(true);
    // check names every one of them.
    const checked = await runCli(['check', '--db', path]);
    expect(checked.stdout).toContain('"ministryCode" is 9007199254740993');
    expect(checked.stdout).toContain('"externalId" is 12345678901234567890');
    expect(checked.stdout).toContain('"score" is 1e999, which JavaScript cannot hold exactly: a change would write it as null');
    expect(checked.stderr).toContain('has 3 problems');
  });

  it('numbers that read back as written (0.3, 1.0, 1e2) are fine, and survive a change', async () => {
    const path = board('{"ok": 0.3, "one": 1.5, "hundred": 100}');
    expect((await runCli(['add', '--db', path, '--title', 'x', '--author', 'a'])).code).toBe(0);
    expect(loadBoard(path)).toMatchObject({ boardMeta: { ok: 0.3, one: 1.5, hundred: 100 } });
  });

  it('check reports a key written twice in one object (a rewrite would keep only the last)', async () => {
    const path = join(tempDir(), 'board.json');
    writeFileSync(path, '{"schemaVersion": 1, "lastId": 1, "posts": [\n{"id": 1, "title": "keep me", "title": "t", "author": "a", "date": "2024-09-02", "views": 0, "status": "published"}\n]}\n');
    const checked = await runCli(['check', '--db', path]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('line 2: the key "title" is written twice in one object');
  });
});

describe('check reports everything', () => {
  it('a number used twice is reported even when its first post is invalid', async () => {
    const path = join(tempDir(), 'board.json');
    const post = (id: number, date: string) => ({ id, title: 't', author: 'a', date, views: 0, status: 'published' });
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, lastId: 2, posts: [post(1, '2024-02-30'), post(1, '2024-09-02'), post(2, '2024-09-02'), post(2, '2024-09-02')] }, null, 2));
    const checked = await runCli(['check', '--db', path]);
    expect(checked.stdout).toContain('post number 1 appears twice');
    expect(checked.stdout).toContain('post number 2 appears twice');
  });

  it('data nested too deeply to be written back is a problem check reports, not "no problems"', async () => {
    const path = join(tempDir(), 'board.json');
    const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    writeFileSync(path, `{"schemaVersion": 1, "lastId": 1, "deep": ${deep}, "posts": [{"id": 1, "title": "t", "author": "a", "date": "2024-09-02", "views": 0, "status": "published"}]}`);
    const checked = await runCli(['check', '--db', path]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('nested too deeply');
  });
});

describe('the lock: never waited on for ever', () => {
  it('a symbolic link or a folder with files where the lock goes is refused at once', async () => {
    for (const make of [(lock: string) => symlinkSync('/nonexistent/zz', lock), (lock: string) => (mkdirSync(lock), writeFileSync(join(lock, 'x'), ''))]) {
      const path = sampleCopy();
      make(`${path}.lock`);
      const started = Date.now();
      const result = await runCli(['add', '--db', path, '--title', 't', '--author', 'a'], { timeoutMs: 5000, env: { POSTBOARD_LOCK_TIMEOUT: '2' } });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("is in the way of the board's lock and is not one postboard made");
    }
  });

  it("a dead process's lock that cannot be removed (someone else's, in a shared folder) stops at the timeout, saying so", async () => {
    // A shared folder (sticky, like /tmp): root's lock from a process that is gone; nobody writes.
    const shared = tempDir();
    chmodSync(shared, 0o1777);
    const path = join(shared, 'board.json');
    writeFileSync(path, readFileSync(sampleCopy()));
    chmodSync(path, 0o666);
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 999_999, host: hostname(), token: '0123456789abcdef' }));
    const result = spawnSync(runnableByAnyone(process.execPath) ? process.execPath : 'node', [BIN, 'add', '--db', path, '--title', 't', '--author', 'a'], {
      uid: 65534,
      gid: 65534,
      env: { PATH: process.env.PATH, HOME: shared, POSTBOARD_LOCK_TIMEOUT: '1' },
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path}.lock was left by a process that is gone (999999), and cannot be removed (EPERM`);
  });
});

describe('a change always keeps its backup', () => {
  it('a folder at <board>.bak is refused before anything is asked or written', async () => {
    const path = sampleCopy();
    mkdirSync(`${path}.bak`);
    const before = readFileSync(path);
    const result = await runCli(['add', '--db', path, '--title', 't', '--author', 'a']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}.bak is in the way of the board's backup`);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('import reads what export wrote', () => {
  it('a one-post JSONL export piped into import is one post, not "neither an array nor a board"', async () => {
    const one = writeBoard(makeBoard([makePost({ id: 1, title: '하나' })]));
    const exported = await runCli(['export', '--db', one, '--format', 'jsonl']);
    const target = join(tempDir(), 'copy.json');
    const imported = await runCli(['import', '-', '--db', target], { input: exported.stdout });
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported: 1 added, 0 updated, 0 unchanged\n' });
  });

  it('an extra key nested too deeply is named plainly', async () => {
    const file = join(tempDir(), 'deep.json');
    writeFileSync(file, `[{"title": "x", "author": "a", "deep": ${'['.repeat(150)}1${']'.repeat(150)}}]`);
    const result = await runCli(['import', file, '--db', join(tempDir(), 'b.json')]);
    expect(result.stderr).toBe(`error: ${file} item 1: deep is nested too deeply to keep (more than 100 levels)\n`);
  });
});

describe('what looks empty or like something else', () => {
  it('Hangul fillers show as code points, so 관리자ㅤ does not pass for 관리자', async () => {
    const board = writeBoard(makeBoard([makePost({ id: 1, author: '관리자\u3164', title: '\u115F\u1160제목\uFFA0' })]));
    const listed = await runCli(['list', '--db', board, '--fields', 'id,title,author']);
    expect(listed.stdout).toContain('관리자<U+3164>');
    expect(listed.stdout).toContain('<U+115F><U+1160>제목<U+FFA0>');
  });

  it('a title or author of invisible characters only is empty', async () => {
    const board = sampleCopy();
    for (const title of ['\u200b', '\u3164', '\u202e\u00ad']) {
      const result = await runCli(['add', '--db', board, '--title', title, '--author', 'a']);
      expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('--title must not be empty') });
    }
  });
});

describe('an old lock folder is still taken over when it is empty and old', () => {
  it('an empty lock folder untouched for longer than the stale time is removed and the change made', async () => {
    const path = sampleCopy();
    mkdirSync(`${path}.lock`);
    utimesSync(`${path}.lock`, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const result = await runCli(['add', '--db', path, '--title', 't', '--author', 'a']);
    expect(result.code).toBe(0);
  });
});

/** True when every folder on the way to `file` lets anyone through and `file` lets anyone run it. */
function runnableByAnyone(file: string): boolean {
  let path = file;
  for (;;) {
    const mode = statSync(path).mode;
    if ((mode & 0o001) === 0) return false;
    const parent = dirname(path);
    if (parent === path) return true;
    path = parent;
  }
}
