import type { Post } from '../../src/board/post.js';
import type { Board } from '../../src/store/json/board-file.js';

/** A valid post with the fields a test does not care about filled in. */
export function makePost(overrides: Partial<Post> & { id: number }): Post {
  return {
    title: `글 ${overrides.id}`,
    author: '한국생산성본부',
    department: '',
    date: '2024-09-02',
    views: 0,
    status: 'published',
    body: '',
    ...overrides,
  };
}

export function makeBoard(posts: Post[], lastId?: number): Board {
  return { schemaVersion: 1, lastId: lastId ?? Math.max(0, ...posts.map((post) => post.id)), posts };
}
