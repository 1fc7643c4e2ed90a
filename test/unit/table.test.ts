import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderPostTable } from '../../src/render/posts.js';
import { plainStyle } from '../../src/render/style.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { makePost } from '../support/posts.js';

const t = MESSAGES.ko;
const FIELDS = ['id', 'title', 'author', 'date', 'views'] as const;
const widths = (lines: string[]) => [...new Set(lines.map((line) => stringWidth(line)))];

describe('the post table', () => {
  const posts = [
    makePost({ id: 2932, title: '청정수소, 글로벌 협력과 기술 공유의 장 열려', views: 199 }),
    makePost({ id: 7, title: 'short', author: 'A', views: 1234567 }),
  ];

  it('has a header in the interface language, a rule, and one line per post', async () => {
    const lines = await renderPostTable(posts, FIELDS, { t, style: plainStyle, width: undefined });
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/번호\s+제목\s+글쓴이\s+날짜\s+조회수/);
    expect(lines[1]).toMatch(/^─+$/);
    expect(lines[2]).toContain('청정수소, 글로벌 협력과 기술 공유의 장 열려');
  });

  it('right-aligns numbers and groups thousands', async () => {
    const lines = await renderPostTable(posts, FIELDS, { t, style: plainStyle, width: undefined });
    expect(lines[3]).toMatch(/^   7  short/);
    expect(lines[3]?.trimEnd()).toMatch(/1,234,567$/);
  });

  it('cuts the title first, by display width, ending in …', async () => {
    const lines = await renderPostTable(posts, FIELDS, { t, style: plainStyle, width: 60 });
    expect(widths(lines)).toEqual([60]);
    expect(lines[2]).toMatch(/^2932  청정수소, 글로… {2}한국생산성본부 {2}2024-09-02/);
  });

  it('cuts other text columns only when the title is down to a few words, the widest first', async () => {
    const lines = await renderPostTable(posts, FIELDS, { t, style: plainStyle, width: 50 });
    expect(widths(lines)).toEqual([50]);
    expect(lines[2]).toMatch(/^2932  청정수소… {2}한국생산… {3}2024-09-02/);
  });

  it('marks hidden posts', async () => {
    const lines = await renderPostTable([makePost({ id: 1, title: '숨긴 글', status: 'hidden' })], FIELDS, { t, style: plainStyle, width: undefined });
    expect(lines[2]).toContain('[비노출] 숨긴 글');
  });

  it('every line has the same width, never more than asked, whatever the text', async () => {
    const anyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ title: anyText, author: anyText, views: fc.nat() }), { minLength: 1, maxLength: 5 }),
        fc.option(fc.integer({ min: 1, max: 160 }), { nil: undefined }),
        async (rows, width) => {
          const board = rows.map((row, i) => makePost({ id: i + 1, ...row }));
          const lines = await renderPostTable(board, FIELDS, { t, style: plainStyle, width });
          const lineWidths = widths(lines);
          expect(lineWidths).toHaveLength(1);
          if (width !== undefined) expect(lineWidths[0]).toBeLessThanOrEqual(width);
        },
      ),
      { numRuns: 400 },
    );
  });
});
