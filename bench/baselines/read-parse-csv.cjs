// Baseline for `export`: read and parse the board and write every post as CSV with csv-stringify.
const { readFileSync } = require('node:fs');
const { stringify } = require('csv-stringify');
const board = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const columns = ['id', 'title', 'author', 'department', 'date', 'views', 'status', 'body', 'source_agency', 'source_date', 'source_url', 'createdAt', 'updatedAt'];
const out = stringify({ header: true, columns, record_delimiter: 'windows' });
out.pipe(process.stdout);
for (const p of board.posts) {
  out.write([p.id, p.title, p.author, p.department, p.date, p.views, p.status, p.body, p.source?.agency ?? '', p.source?.date ?? '', p.source?.url ?? '', p.createdAt ?? '', p.updatedAt ?? '']);
}
out.end();
