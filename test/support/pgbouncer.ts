import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort, serverAccount } from './postgres.js';

/**
 * A real PgBouncer (Debian's package; .ci/run installs it) in front of the test run's PostgreSQL
 * server, in transaction pooling, as managed PostgreSQL services put one in front: each
 * transaction may be served by another server connection, and startup parameters it does not
 * know are refused. Its clients log in with the server's password (SCRAM); it runs as `postgres`
 * when started by root (it refuses to run as root).
 */
export async function startPgBouncer(serverUrl: string): Promise<{ url: string; stop: () => Promise<void>; log: () => string }> {
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const database = server.pathname.slice(1);
  const folder = mkdtempSync(join(tmpdir(), 'postboard-pgbouncer-'));
  chmodSync(folder, 0o755);
  const port = await freePort();
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  writeFileSync(join(folder, 'userlist.txt'), `${quote(user)} ${quote(password)}\n`, { mode: 0o600 });
  writeFileSync(
    join(folder, 'pgbouncer.ini'),
    [
      '[databases]',
      `${database} = host=${server.hostname} port=${server.port} dbname=${database}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = scram-sha-256',
      `auth_file = ${join(folder, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 200',
      'default_pool_size = 4',
      // Nothing is ignored: a startup parameter PgBouncer does not know is refused, as by default.
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const account = serverAccount();
  if (account) chownSync(join(folder, 'userlist.txt'), account.uid, account.gid);
  // Debian puts it in /usr/sbin, which a plain user's PATH may lack.
  const program = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'].map((folder) => join(folder, 'pgbouncer')).find((path) => existsSync(path));
  if (!program) throw new Error('pgbouncer is not installed (apt-get install pgbouncer; .ci/run installs it)');
  const child: ChildProcess = spawn(program, [...(account ? ['-u', 'postgres'] : []), join(folder, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Listening: a TCP connection is accepted.
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer did not start: ${output}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    if (Date.now() - started > 10_000) throw new Error(`pgbouncer did not listen in 10 s: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `postgres://${server.username}:${server.password}@127.0.0.1:${port}/${database}`,
    log: () => output,
    stop: async () => {
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
