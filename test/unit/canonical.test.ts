import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, postHash } from '../../src/board/log.js';
import { makePost } from '../support/posts.js';

/** What canonical has always meant: JSON.stringify with every object's keys sorted. Hashes in logs written before depend on it. */
const reference = (value: unknown): string =>
  JSON.stringify(value, (_, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );

describe('a post in canonical form (for the change log hashes)', () => {
  it('is JSON with sorted keys, for any JSON value and any object', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.object({ withNullPrototype: false }), (json, object) => {
        expect(canonical(json)).toBe(reference(json));
        expect(canonical(object)).toBe(reference(object));
      }),
      { numRuns: 2000 },
    );
  });

  it('a post\'s hash is the SHA-1 of its canonical form (as the logs already written have it)', async () => {
    const { createHash } = await import('node:crypto');
    fc.assert(
      fc.property(fc.object({ withNullPrototype: false }), (object) => {
        expect(postHash(object as never)).toBe(createHash('sha1').update(reference(object)).digest('hex').slice(0, 16));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the order the fields were stored in', () => {
    const post = makePost({ id: 7, title: '수소 경제', source: { agency: '산업통상자원부', url: 'https://www.korea.kr/7' } });
    const reordered = Object.fromEntries(Object.entries(post).reverse()) as typeof post;
    expect(postHash(reordered)).toBe(postHash(post));
  });
});
