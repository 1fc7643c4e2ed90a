import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { checkStoredPost, plainlyValid, storedPostSchema } from '../../src/board/post.js';

/** Values a field might hold in a hand-edited or foreign board file: right, almost right, wrong. */
const anyValue = fc.oneof(
  fc.constantFrom(undefined, null, '', ' ', 0, -1, 1.5, 2912, true, [], {}, 'published', 'hidden', '노출'),
  fc.constantFrom('2024-09-02', '2024-02-29', '2023-02-29', '2024-13-01', '2024-9-2', '20240902'),
  fc.constantFrom('2024-09-02T09:00:00.000Z', '2024-09-02T09:00:00+09:00', '2024-09-02 09:00:00', '2024-09-02T24:00:00Z', 'yesterday'),
  fc.constantFrom('https://www.korea.kr/x?a=1&b=2', 'http://example.com', 'ftp://x', 'javascript:alert(1)', 'https://', 'not a url'),
  fc.string(),
  fc.integer(),
  fc.double(),
);
/** Mostly a right value, sometimes anything: so that some posts are valid and many nearly so. */
const mostly = <T,>(right: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: anyValue });
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true });
const postLike = fc.record(
  {
    id: mostly(fc.integer({ min: 1, max: 1e6 })),
    title: mostly(fc.string({ minLength: 1 })),
    author: mostly(fc.string({ minLength: 1 })),
    department: mostly(fc.option(fc.string(), { nil: undefined })),
    date: mostly(date.map((d) => d.toISOString().slice(0, 10))),
    views: mostly(fc.nat()),
    status: mostly(fc.constantFrom('published', 'hidden')),
    body: mostly(fc.option(fc.string(), { nil: undefined })),
    source: mostly(
      fc.option(
        fc.record(
          { agency: mostly(fc.string()), date: mostly(date.map((d) => d.toISOString().slice(0, 10))), url: mostly(fc.webUrl()) },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
    ),
    createdAt: mostly(fc.option(date.map((d) => d.toISOString()), { nil: undefined })),
    updatedAt: mostly(fc.option(date.map((d) => d.toISOString()), { nil: undefined })),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

describe('the stored-post check', () => {
  it('its fast path only ever accepts what the valibot schema accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(postLike, (raw) => {
        if (!plainlyValid(raw)) return;
        accepted++;
        expect(v.safeParse(storedPostSchema(), raw).success).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    // The generator reaches valid posts often enough for this to mean something.
    expect(accepted).toBeGreaterThan(100);
  });

  it('its verdict is always the schema\'s', () => {
    fc.assert(
      fc.property(postLike, (raw) => {
        const copy = structuredClone(raw);
        expect('post' in checkStoredPost(raw)).toBe(v.safeParse(storedPostSchema(), copy).success);
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps the post as parsed: same object, same key order, unknown keys, defaults filled in', () => {
    const raw = { pinned: true, id: 1, title: 't', author: 'a', date: '2024-09-02', views: 0, status: 'published' };
    const checked = checkStoredPost(raw);
    expect('post' in checked && checked.post).toBe(raw);
    expect(Object.keys(raw)).toEqual(['pinned', 'id', 'title', 'author', 'date', 'views', 'status', 'department', 'body']);
  });
});
