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
