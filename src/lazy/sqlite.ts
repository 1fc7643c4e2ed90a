// better-sqlite3 (a native module, an optional dependency), loaded only for a SQLite board: a
// JSON board's start-up never pays for it. It stays outside the bundle (its .node file is found
// from node_modules at run time).
export { default as Database } from 'better-sqlite3';
