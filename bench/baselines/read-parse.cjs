// Baseline: the least any command on a JSON board must do — read the file and parse it (decoded
// as postboard decodes it).
const { readFileSync } = require('node:fs');
const { decode } = require('./decode.cjs');
const board = JSON.parse(decode(readFileSync(process.argv[2])));
if (!Array.isArray(board.posts)) process.exit(1);
