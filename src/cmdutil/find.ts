import type { Post } from '../board/post.js';
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { BoardReads, BoardTransaction } from '../store/store.js';

/**
 * The posts with these numbers, in that order, asked of the board (or of a change's fresh read);
 * the first number not on it is exit 1, naming it. No board at all is said so.
 */
export async function findPosts(ctx: Context, from: Pick<BoardReads, 'get'> | Pick<BoardTransaction, 'get'>, ids: readonly number[]): Promise<Post[]> {
  const store = ctx.board();
  const found = await from.get(ids);
  return ids.map((id) => {
    const post = found.get(id);
    if (post) return post;
    throw new NotFoundError(ctx.t.notFound.post(id, store.name));
  });
}

/** The post with this number, or exit 1 naming it (or saying there is no board yet). */
export async function findPost(ctx: Context, from: Pick<BoardReads, 'get'> | Pick<BoardTransaction, 'get'>, id: number): Promise<Post> {
  const [post] = await findPosts(ctx, from, [id]);
  return post as Post;
}

/** Says there is no board here yet (exit 1) when there is none: for commands that need posts. */
export async function assertBoard(ctx: Context): Promise<void> {
  const store = ctx.board();
  if (!(await store.info()).exists) throw new NotFoundError(ctx.t.notFound.noBoard(store.name));
}
