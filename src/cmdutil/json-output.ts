import type { FieldKey } from '../board/fields.js';
import type { Post } from '../board/post.js';
import type { Context } from '../context.js';
import type { Batches } from '../formats/chunks.js';

/**
 * The one place `--format json` and `--format jsonl` are written, for every command: posts as
 * stored (keys in the board file's order, `--fields` picked), other values as they are. JSON is
 * indented like the board file; JSONL is one value per line. Data goes out exactly (see
 * `ctx.data`), in chunks, never as one huge string.
 */
export type JsonFormat = 'json' | 'jsonl';

/** A list of posts (or of other values) as a JSON array or as JSON lines. */
export async function writeJsonList(ctx: Context, items: Batches<unknown>, format: JsonFormat, fields?: readonly FieldKey[]): Promise<void> {
  const { jsonChunks, jsonlChunks } = await import('../formats/text.js');
  const chunks = format === 'json' ? jsonChunks(items, fields) : jsonlChunks(items, fields);
  for await (const chunk of chunks) ctx.data(chunk);
}

/** One value (a post, a summary) as indented JSON. */
export function writeJsonValue(ctx: Context, value: unknown): void {
  ctx.data(`${JSON.stringify(value, null, 2)}\n`);
}

/** A post as `show --format json` and `add --format json` give it. */
export async function writeJsonPost(ctx: Context, post: Post): Promise<void> {
  const { postInOrder } = await import('../board/post.js');
  writeJsonValue(ctx, postInOrder(post));
}
