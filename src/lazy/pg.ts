// node-postgres and its COPY streams, loaded only for a PostgreSQL board (requiring pg alone
// costs ~90 ms): bundled into this chunk, with its code cache, so a JSON board never pays.
export { default as pg } from 'pg';
export { to as copyTo } from 'pg-copy-streams';
