// Database boards of a million posts for the benchmark, filled through postboard itself
// (`postboard import`, 100,000 posts at a time, the same posts as the JSON boards), kept in
// bench/.boards/ between runs (never committed: gigabytes) and made again only when missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePostLines } from './boards.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'postboard.js');
export const BOARDS = join(ROOT, 'bench', '.boards');

/** Imports `count` generated posts into the board at `location` (made empty first), chunk by chunk. */
async function fill(location, count, env, log) {
  const work = join(BOARDS, 'lines');
  mkdirSync(work, { recursive: true });
  const files = await writePostLines(join(work, 'posts'), count);
  try {
    for (const [index, file] of files.entries()) {
      const started = Date.now();
      const result = spawnSync(process.execPath, [BIN, 'import', file, '--db', location], { env, encoding: 'utf8', maxBuffer: 1 << 24 });
      if (result.status !== 0) throw new Error(`import of ${file} failed: ${result.stderr}`);
      log(`  ${((index + 1) * (count / files.length)).toLocaleString('en')} posts (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A SQLite board of `count` posts: bench/.boards/sqlite-<count>.sqlite. */
export async function sqliteBoard(count, env, log = console.log) {
  mkdirSync(BOARDS, { recursive: true });
  const path = join(BOARDS, `sqlite-${count}.sqlite`);
  const done = `${path}.done`;
  if (existsSync(path) && existsSync(done)) return path;
  for (const suffix of ['', '-wal', '-shm', '.done']) rmSync(`${path}${suffix}`, { force: true });
  log(`making a SQLite board of ${count.toLocaleString('en')} posts (once; kept in bench/.boards/)…`);
  await fill(path, count, env, log);
  writeFileSync(done, new Date().toISOString());
  return path;
}

/** A PostgreSQL board of `count` posts, in schema bench_<count> of the database at `url`. */
export async function postgresBoard(url, count, env, log = console.log) {
  const location = `${url}${url.includes('?') ? '&' : '?'}schema=bench_${count}`;
  const info = spawnSync(process.execPath, [BIN, 'list', '--limit', '1', '--format', 'json', '--db', location], { env, encoding: 'utf8' });
  const stats = spawnSync(process.execPath, [BIN, 'stats', '--by', 'month', '--format', 'json', '--db', location], { env, encoding: 'utf8' });
  if (info.status === 0 && stats.status === 0 && JSON.parse(stats.stdout).total.posts === count) return location;
  log(`making a PostgreSQL board of ${count.toLocaleString('en')} posts (once per database)…`);
  // A board left half-made by an interrupted run is made again from nothing.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS bench_${count} CASCADE`);
  await client.end();
  const init = spawnSync(process.execPath, [BIN, 'init', '--db', location], { env, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(init.stderr);
  await fill(location, count, env, log);
  return location;
}
