// better-sqlite3, loaded only for a SQLite board on a Node without a node:sqlite a board can use
// (Node 20; see store/sqlite/driver.ts): a JSON board's start-up never pays for it. Its
// JavaScript is bundled into this chunk (with a code cache, like the others); its native part,
// an optional dependency built by npm install, is loaded from node_modules by its exact path
// (the `bindings` search it would otherwise make costs every SQLite command a few ms).
export { default as Database } from 'better-sqlite3';

/** The native addon, loaded; an error when better-sqlite3 is not installed (or built for another Node). */
export const nativeBinding = (): object => require(require.resolve('better-sqlite3/build/Release/better_sqlite3.node')) as object;
