import { NUMBER_FIELDS, pickFields, type FieldKey } from '../board/fields.js';
import { postInOrder, type Post } from '../board/post.js';
import type { Messages } from '../i18n/index.js';
import { visibleLine } from '../render/sanitize.js';
import { postCells, type CellOptions } from './cells.js';
import { batchesOf, chunked, type Batches } from './chunks.js';

/**
 * TSV: tab-separated, one record per line (LF). A tab, newline, carriage return or backslash in
 * a value is written as `\t`, `\n`, `\r` or `\\`, so every record stays on one line and
 * `import` can restore it exactly.
 */
export function tsvChunks(posts: Batches<Post>, fields: readonly FieldKey[], header: readonly string[], options: CellOptions): AsyncGenerator<string> {
  const escape = (cell: string | number) => {
    const text = String(cell).replace(/[\\\t\n\r]/g, (c) => TSV_ESCAPES[c] ?? c);
    // A cell that opens with a quote is quoted, quotes doubled, as spreadsheets and Python's csv
    // read a tab-separated file: bare, they would take `"인용" 제목` for a quoted `인용` and drop the quotes.
    return text.startsWith('"') ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return chunked(
    (async function* () {
      yield `${header.map(escape).join('\t')}\n`;
      for await (const batch of batchesOf(posts)) {
        let text = '';
        for (const post of batch) text += `${postCells(post, fields, options).map(escape).join('\t')}\n`;
        yield text;
      }
    })(),
  );
}

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Posts as stored (keys in the board file's order), or other values as they are. */
const shaped = (item: unknown, fields: readonly FieldKey[] | undefined): unknown =>
  isPost(item) ? (fields ? pickFields(item, fields) : postInOrder(item)) : item;

const isPost = (item: unknown): item is Post => typeof item === 'object' && item !== null && 'id' in item && 'title' in item && 'status' in item;

/** The posts as stored, as one JSON array, indented like the board file, written post by post. */
export function jsonChunks(items: Batches<unknown>, fields?: readonly FieldKey[]): AsyncGenerator<string> {
  return chunked(
    (async function* () {
      let first = true;
      for await (const batch of batchesOf(items)) {
        let text = '';
        for (const item of batch) {
          // Strings in JSON hold no raw line feed, so indenting after each one indents only the
          // structure (not after U+2028, which JSON keeps raw and a multiline regex takes for a line end).
          text += `${first ? '[\n  ' : ',\n  '}${JSON.stringify(shaped(item, fields), null, 2).replace(/\n/g, '\n  ')}`;
          first = false;
        }
        yield text;
      }
      yield first ? '[]\n' : '\n]\n';
    })(),
  );
}

/** One post (or value) per line, as stored. */
export function jsonlChunks(items: Batches<unknown>, fields?: readonly FieldKey[]): AsyncGenerator<string> {
  return chunked(
    (async function* () {
      for await (const batch of batchesOf(items)) {
        let text = '';
        for (const item of batch) text += `${JSON.stringify(shaped(item, fields))}\n`;
        yield text;
      }
    })(),
  );
}

/**
 * Board text as Markdown that every reader shows literally: CommonMark, GFM (GitHub, pandoc) and
 * Python-Markdown. Backslash escapes are CommonMark's alone (Python-Markdown shows `\<` as it is),
 * so each character that could make markup is written as a numeric character reference, which
 * all three read as that character: `|` (a cell's end) `&#124;`, `<` `&#60;`, `&` `&#38;` (so a
 * title's own `&amp;` stays `&amp;`), and `\ ` * _ [ ] > ~`.
 *
 * GFM also makes links of bare text: `www.`, a scheme and `:` (`http://`, `mailto:`; pandoc takes
 * any scheme it knows, such as `tel:`), and e-mail addresses. Those parsers look for the literal
 * characters in the source, so writing the `.` of `www.`, the `:` after a scheme and every `@`
 * as references breaks the match while the reader still shows them. pandoc's `:name:` emoji
 * shortcodes are broken the same way. What remains shows as typed (Hangul, `10:30`, `발표:`).
 */
export function markdownText(text: string): string {
  return text
    // ($ and ^ too: GitHub and pandoc read $x^2$ as math, and pandoc ^위^ as a superscript.)
    .replace(/[\\`*_[\]<>|&~@$^]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/(^|[^A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*):(?=\S)/g, '$1$2&#58;')
    .replace(/(w)(ww)\./gi, '$1$2&#46;')
    .replace(/:(?=(?:[A-Za-z0-9_+-]*[A-Za-z_+-][A-Za-z0-9_+-]*|100|1234):)/g, '&#58;');
}

/**
 * A Markdown table for publishing: text shown as on the terminal (no control characters), each
 * text cell through markdownText, so `|` never splits a cell, `<` never opens a tag and a URL
 * never becomes a link.
 */
export function markdownChunks(posts: Batches<Post>, fields: readonly FieldKey[], header: readonly string[], labels?: Messages): AsyncGenerator<string> {
  const cell = (value: string | number) => (typeof value === 'number' ? String(value) : markdownText(visibleLine(value)));
  const align = fields.map((field) => (NUMBER_FIELDS.includes(field) ? '--:' : '---'));
  return chunked(
    (async function* () {
      yield `| ${header.map(cell).join(' | ')} |\n| ${align.join(' | ')} |\n`;
      for await (const batch of batchesOf(posts)) {
        let text = '';
        for (const post of batch) text += `| ${postCells(post, fields, { formulaGuard: false, labels, shownTimes: true }).map(cell).join(' | ')} |\n`;
        yield text;
      }
    })(),
  );
}
