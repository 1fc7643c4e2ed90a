/** Output is written in pieces of about this many characters: few writes, never one huge string. */
export const CHUNK_CHARS = 64 * 1024;

/** Joins many small strings into chunks of about CHUNK_CHARS. */
export async function* chunked(pieces: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * Posts (or other items) as formats take them: a list in memory, or a board's stream of batches,
 * which a format awaits once per batch, never once per post.
 */
export type Batches<T> = Iterable<T> | AsyncIterable<readonly T[]>;

/** Batches from either kind of source: a list in memory is one batch. */
export async function* batchesOf<T>(source: Batches<T>): AsyncGenerator<readonly T[]> {
  if (Symbol.iterator in source) yield Array.isArray(source) ? (source as readonly T[]) : [...source];
  else yield* source;
}
