import type { Post } from '../board/post.js';
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { Board } from '../store/index.js';

/** The posts with these numbers, in that order; the first number not on the board is exit 1. */
export function findPosts(ctx: Context, board: Board | undefined, ids: readonly number[]): Post[] {
  const name = ctx.board().name;
  if (!board) throw new NotFoundError(ctx.t.notFound.noBoard(name));
  return ids.map((id) => {
    const post = board.posts.find((candidate) => candidate.id === id);
    if (!post) throw new NotFoundError(ctx.t.notFound.post(id, name));
    return post;
  });
}

/** The post with this number, or exit 1 naming it. */
export const findPost = (ctx: Context, board: Board | undefined, id: number): Post => findPosts(ctx, board, [id])[0] as Post;
