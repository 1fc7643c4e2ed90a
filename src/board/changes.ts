import type { Board } from '../store/board.js';
import { sameUrl, type Post, type PostContent } from './post.js';

/** The post already on the board under the same source URL, if any. */
export function postWithSource(board: Board, url: string | undefined): Post | undefined {
  if (!url) return undefined;
  return board.posts.find((post) => post.source?.url !== undefined && sameUrl(post.source.url, url));
}

/** The number the next new post gets: one past the highest ever given, so none is reused. */
export const nextPostNumber = (board: Board): number => board.lastId + 1;

/**
 * Adds a post to the board (newest first, like the board file and the web board) and moves
 * `lastId` with it. The caller has already refused a duplicate source if it had to.
 */
export function addPost(board: Board, content: PostContent, now: Date): Post {
  const stamp = now.toISOString();
  const { title, author, department, date, status, body, source } = content;
  // Keys in the board file's order, so a new post reads like the others.
  const post: Post = {
    id: nextPostNumber(board),
    title,
    author,
    department,
    date,
    views: 0,
    status,
    body,
    ...(source ? { source } : {}),
    createdAt: stamp,
    updatedAt: stamp,
  };
  board.posts.unshift(post);
  board.lastId = post.id;
  return post;
}
