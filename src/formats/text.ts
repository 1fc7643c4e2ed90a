import { pickFields, type FieldKey } from '../board/fields.js';
import type { Post } from '../board/post.js';
import type { Messages } from '../i18n/index.js';
import { visibleLine } from '../render/sanitize.js';
import { postCells, type CellOptions } from './cells.js';
import { chunked } from './chunks.js';

/**
 * TSV: tab-separated, one record per line (LF). A tab, newline, carriage return or backslash in
 * a value is written as `\t`, `\n`, `\r` or `\\`, so every record stays on one line and
 * `import` can restore it exactly.
 */
export function tsvChunks(posts: Iterable<Post>, fields: readonly FieldKey[], header: readonly string[], options: CellOptions): AsyncGenerator<string> {
  const escape = (cell: string | number) => String(cell).replace(/[\\\t\n\r]/g, (c) => TSV_ESCAPES[c] ?? c);
  return chunked(
    (function* () {
      yield `${header.map(escape).join('\t')}\n`;
      for (const post of posts) yield `${postCells(post, fields, options).map(escape).join('\t')}\n`;
    })(),
  );
}

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The posts as stored, as one JSON array, indented like the board file, written post by post. */
export function jsonChunks(posts: Iterable<Post>, fields: readonly FieldKey[] | undefined): AsyncGenerator<string> {
  return chunked(
    (function* () {
      let first = true;
      for (const post of posts) {
        const shown = fields ? pickFields(post, fields) : post;
        // Strings in JSON hold no raw line breaks, so indenting every line indents only the structure.
        yield `${first ? '[\n' : ',\n'}${JSON.stringify(shown, null, 2).replace(/^/gm, '  ')}`;
        first = false;
      }
      yield first ? '[]\n' : '\n]\n';
    })(),
  );
}

/** One post per line, as stored. */
export function jsonlChunks(posts: Iterable<Post>, fields: readonly FieldKey[] | undefined): AsyncGenerator<string> {
  return chunked(
    (function* () {
      for (const post of posts) yield `${JSON.stringify(fields ? pickFields(post, fields) : post)}\n`;
    })(),
  );
}

/**
 * A Markdown table for publishing: text shown as on the terminal (no control characters), with
 * every character Markdown or HTML would act on escaped, so `|` never splits a cell and `<`
 * never opens a tag.
 */
export function markdownChunks(posts: Iterable<Post>, fields: readonly FieldKey[], header: readonly string[], labels?: Messages): AsyncGenerator<string> {
  const cell = (value: string | number) => (typeof value === 'number' ? String(value) : visibleLine(value).replace(/[\\`*_[\]<>|#&~]/g, '\\$&'));
  const align = fields.map((field) => (field === 'id' || field === 'views' ? '--:' : '---'));
  return chunked(
    (function* () {
      yield `| ${header.map(cell).join(' | ')} |\n| ${align.join(' | ')} |\n`;
      for (const post of posts) yield `| ${postCells(post, fields, { formulaGuard: false, labels }).map(cell).join(' | ')} |\n`;
    })(),
  );
}
