import { join } from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { newPost } from '../../src/board/changes.js';
import { FIELD_KEYS } from '../../src/board/fields.js';
import { unguardFormula } from '../../src/formats/cells.js';
import { csvChunks } from '../../src/formats/csv.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { renderPostTable, renderPostView } from '../../src/render/posts.js';
import { plainStyle } from '../../src/render/style.js';
import { JsonBoardStore } from '../../src/store/json/json-board.js';
import { tempDir } from '../support/cli.js';
import { hostileText, TERMINAL_UNSAFE } from '../support/hostile.js';
import { makePost } from '../support/posts.js';

const t = MESSAGES.ko;
const FIELDS = ['id', 'title', 'author', 'department', 'date', 'views', 'status'] as const;
/** Zero-width joiners are allowed only between emoji, where they are part of the picture. */
const withoutEmojiJoiners = (text: string) => text.replace(/(?<=\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200d(?=\p{Extended_Pictographic})/gu, '');

describe('hostile text on the board', () => {
  it('never reaches the terminal raw, in a table or in show', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), hostileText(), hostileText(12), async (title, author, body) => {
        const post = makePost({ id: 1, title, author, department: author, body, source: { agency: title, url: 'https://example.com/?q=\x1b' } });
        const table = await renderPostTable([post], FIELDS, { t, style: plainStyle, width: 80 });
        const view = await renderPostView(post, { t, style: plainStyle, width: 60 });
        for (const line of [...table, ...view]) expect(TERMINAL_UNSAFE.test(withoutEmojiJoiners(line))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every table line the same width, within the terminal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostileText(), hostileText(4)), { minLength: 1, maxLength: 6 }), fc.integer({ min: 10, max: 140 }), async (rows, width) => {
        const posts = rows.map(([title, author], i) => makePost({ id: i + 1, title, author, status: i % 2 ? 'hidden' : 'published' }));
        const lines = await renderPostTable(posts, FIELDS, { t, style: plainStyle, width });
        const widths = new Set(lines.map((line) => stringWidth(line)));
        expect(widths.size).toBe(1);
        expect([...widths][0]).toBeLessThanOrEqual(width);
      }),
      { numRuns: 300 },
    );
  });

  it('a 100,000-character line is cut to the width like any other', async () => {
    const title = '\x1b[31m가'.repeat(20_000);
    const lines = await renderPostTable([makePost({ id: 1, title, body: title })], FIELDS, { t, style: plainStyle, width: 100 });
    expect(lines.map((line) => stringWidth(line))).toEqual([100, 100, 100]);
    const view = await renderPostView(makePost({ id: 1, title: 'x', body: title }), { t, style: plainStyle, width: 100 });
    expect(Math.max(...view.map((line) => stringWidth(line)))).toBeLessThanOrEqual(100);
  });

  it('keeps CSV parseable: a real parser reads back every field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostileText(), hostileText(), hostileText(12)), { minLength: 1, maxLength: 4 }), async (rows) => {
        const posts = rows.map(([title, author, body], i) => makePost({ id: i + 1, title, author, body }));
        let csv = '';
        for await (const chunk of csvChunks(posts, FIELD_KEYS, FIELD_KEYS, { formulaGuard: true })) csv += chunk;
        const records = parseCsv(csv, { columns: true }) as Record<string, string>[];
        expect(records.map((record) => [record.title, record.author, record.body].map((cell) => unguardFormula(cell ?? '')))).toEqual(
          rows.map((row) => row.map((text) => text.replace(/[\uD800-\uDFFF]/g, (c, i, all) => (isPaired(all, i) ? c : '\uFFFD')))),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('comes back from the board file exactly as it went in', async () => {
    const path = join(tempDir(), 'board.json');
    const store = new JsonBoardStore({ path, lockTimeoutMs: 5000, lockStaleMs: 10_000 });
    await fc.assert(
      fc.asyncProperty(hostileText(), hostileText(), hostileText(12), async (title, author, body) => {
        const { result: post } = await store.change({ command: 'add', at: new Date(), who: 'test' }, async (tx) => {
          const added = newPost(await tx.nextId(), { title: title || 'x', author: author || 'y', department: author, date: '2024-09-02', status: 'published', body, source: { agency: body } }, new Date());
          await tx.insert([added]);
          return added;
        });
        // Read back from the file, by another reader.
        const saved = await new JsonBoardStore({ path, lockTimeoutMs: 5000, lockStaleMs: 10_000 }).get([post.id]);
        expect(saved.get(post.id)).toEqual(post);
      }),
      { numRuns: 60 },
    );
  });
});

/** UTF-8 has no lone surrogates: any file (CSV included) carries them as U+FFFD. */
function isPaired(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code <= 0xdbff) return (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
  return index > 0 && (text.charCodeAt(index - 1) & 0xfc00) === 0xd800;
}
