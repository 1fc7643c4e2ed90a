import { Readable } from 'node:stream';
import type { FieldKey } from '../board/fields.js';
import type { Post } from '../board/post.js';
import { postCells, type CellOptions } from './cells.js';

/**
 * RFC 4180 CSV through csv-stringify: a header row, commas, CRLF between records, and fields
 * holding a comma, quote, CR or LF quoted with quotes doubled. Streamed: one record at a time.
 */
export async function* csvChunks(posts: Iterable<Post>, fields: readonly FieldKey[], header: readonly string[], options: CellOptions): AsyncGenerator<string> {
  const { stringify } = await import('../vendor/csv.js');
  const stringifier = stringify({ record_delimiter: 'windows' });
  const rows = Readable.from(
    (function* () {
      yield [...header];
      for (const post of posts) yield postCells(post, fields, options);
    })(),
  );
  rows.on('error', (error) => stringifier.destroy(error));
  rows.pipe(stringifier);
  for await (const chunk of stringifier) yield String(chunk);
}
