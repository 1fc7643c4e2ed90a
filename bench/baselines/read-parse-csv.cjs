// Baseline for `export`: read and parse the board and write every post with csv-stringify — the
// same bytes postboard writes (a byte-order mark, the header of field keys, CRLF, quotes only
// where needed, the formula guard's apostrophe), so the two do the same work.
const { readFileSync } = require('node:fs');
const { stringify } = require('csv-stringify');
const { decode } = require('./decode.cjs');
const board = JSON.parse(decode(readFileSync(process.argv[2])));
const columns = ['id', 'title', 'author', 'department', 'date', 'views', 'status', 'body', 'source_agency', 'source_date', 'source_url', 'createdAt', 'updatedAt'];
const guard = (text) => (/^['"]*[=+\-@\t\r\n]/.test(text) ? `'${text}` : text);
const out = stringify({ header: true, columns, record_delimiter: 'windows', bom: true, quoted_match: /[\r\n]/, cast: { string: guard } });
out.pipe(process.stdout);
for (const p of board.posts) {
  out.write([p.id, p.title, p.author, p.department, p.date, p.views, p.status, p.body, p.source?.agency ?? '', p.source?.date ?? '', p.source?.url ?? '', p.createdAt ?? '', p.updatedAt ?? '']);
}
out.end();
