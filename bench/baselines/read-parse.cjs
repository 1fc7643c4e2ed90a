// Baseline: the least any command on a JSON board must do — read the file and parse it.
const { readFileSync } = require('node:fs');
const board = JSON.parse(readFileSync(process.argv[2], 'utf8'));
if (!Array.isArray(board.posts)) process.exit(1);
