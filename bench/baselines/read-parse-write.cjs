// Baseline for `add`: read and parse the board, add nothing clever, stringify it and write it back.
const { readFileSync, writeFileSync } = require('node:fs');
const { decode, encode } = require('./decode.cjs');
const [, , path, out] = process.argv;
const board = JSON.parse(decode(readFileSync(path)));
board.posts.unshift({ id: board.lastId + 1, title: 't', author: 'a', department: '', date: '2024-09-06', views: 0, status: 'published', body: '' });
board.lastId += 1;
writeFileSync(out, encode(`${JSON.stringify(board, null, 2)}\n`));
