import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { hostileText, TERMINAL_UNSAFE } from '../support/hostile.js';
import { KEYS, onTerminal, runInProcess } from '../support/io.js';
import { makeBoard, makePost } from '../support/posts.js';

/**
 * Every path by which text from a board or an input file is echoed — notes, messages, previews,
 * completion, prompts — shows it, never obeys it: the one sanitiser sits in the IO context's
 * writers, so a new message cannot forget it.
 */

/** Zero-width joiners are allowed only between emoji, where they are part of the picture. */
const withoutEmojiJoiners = (text: string) => text.replace(/(?<=\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200d(?=\p{Extended_Pictographic})/gu, '');
const safe = (output: string) => !TERMINAL_UNSAFE.test(withoutEmojiJoiners(output.replace(/\n/g, '')));

function boardWith(text: string): string {
  const folder = tempDir();
  const path = join(folder, 'board.json');
  const posts = [makePost({ id: 1, title: `제목 ${text}`, author: `글쓴이 ${text}`, department: `부서 ${text}`, date: '2024-09-05' })];
  // Your own earlier post in the change log: its author is the one the add prompt offers.
  const changes = [{ seq: 1, at: '2024-09-05T00:00:00.000Z', who: userInfo().username, command: 'add', changes: [{ kind: 'add', id: 1, title: posts[0]!.title, hash: 'x' }] }];
  writeFileSync(path, JSON.stringify({ ...makeBoard(posts), changes }));
  // A backup whose post differs in a key named by hostile text: undo's preview names it.
  writeFileSync(`${path}.bak`, JSON.stringify(makeBoard([{ ...posts[0]!, [`키 ${text}`]: 1, title: `옛 ${text}` } as never])));
  return path;
}

describe('text from the board or an input file, echoed anywhere, never reaches the terminal raw', () => {
  it('notes, messages, undo previews, completion and import reports', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), async (text) => {
        const db = boardWith(text);
        const csv = join(tempDir(), 'in.csv');
        // A header nothing answers to (the ignored-columns note), and a bad value (the error quoting it).
        writeFileSync(csv, `title,author,date,"${text.replace(/"/g, '""')}"\r\n"t","a","${`x${text}`.replace(/"/g, '""')}",1\r\n`);
        const runs = await Promise.all([
          runInProcess(['undo', '--yes', '--db', db]),
          runInProcess(['completion', '--departments', '--db', db]),
          runInProcess(['__complete', 'fish', '--', 'list', '--db', db, '--department', '']),
          runInProcess(['__complete', 'fish', '--', 'show', '--db', db, '']),
          runInProcess(['import', csv, '--db', db, '--dry-run']),
          runInProcess(['edit', '1', '--department', text, '--db', db]),
          runInProcess(['check', '--db', db]),
        ]);
        for (const [index, run] of runs.entries()) {
          // __complete's lines are `value<TAB>description`: that tab is its own (data tabs are shown as ␉).
          const stdout = index === 2 || index === 3 ? run.stdout.replace(/\t/g, ' ') : run.stdout;
          expect(safe(stdout), stdout).toBe(true);
          expect(safe(run.stderr), run.stderr).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("the add prompts' offered author and departments", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(4), async (text) => {
        const db = boardWith(text);
        const session = onTerminal(['add', '--db', db, '--title', '제목', '--subtitle', '', '--lang', 'en']);
        await session.waitFor('Author');
        session.type(KEYS.enter);
        await session.waitFor('Department');
        session.type(KEYS.escape);
        await session.exit;
        // The prompt library draws with its own escape sequences; none of the data's may appear.
        const output = session.io.output.stdout;
        expect(output).not.toMatch(/\x1b\]|\x1bP|\x07|[\u0080-\u009f]|[\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
