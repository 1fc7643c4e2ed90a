import { readFileSync, statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import type { ClientConfig } from 'pg';
import type { BoardProblem } from '../json/board-file.js';

/**
 * How postboard connects to PostgreSQL, read from the URL and the environment as libpq (psql)
 * reads them, and handed to node-postgres as plain settings: node-postgres's own reading of
 * `sslmode` differs from libpq's (its `require` verifies the certificate, and warns on stderr),
 * and its ~/.pgpass support prints a deprecation warning. Nothing here prints.
 *
 * - sslmode (URL, else PGSSLMODE; default `prefer`): `disable` never uses TLS; `allow` tries
 *   without, then with; `prefer` tries with, then without; `require` encrypts without checking
 *   the certificate (unless a root certificate is given: then as verify-ca); `verify-ca` checks
 *   that a trusted CA signed it; `verify-full` checks that too and that it names the host.
 *   sslrootcert (URL, PGSSLROOTCERT, else ~/.postgresql/root.crt where it exists) names the CA;
 *   `system`, or none given for verify-ca/verify-full, means the CAs Node.js trusts (its own list
 *   and NODE_EXTRA_CA_CERTS).
 *   sslcert/sslkey (URL, PGSSLCERT/PGSSLKEY, ~/.postgresql/postgresql.crt/.key) a client certificate.
 * - connect_timeout (URL, else PGCONNECT_TIMEOUT; default 10 s): the whole login, TLS included.
 * - the password: the URL's, else PGPASSWORD, else the matching line of ~/.pgpass (PGPASSFILE),
 *   which libpq ignores, as postboard does, while others may read it.
 */

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** The login's bound when the URL and PGCONNECT_TIMEOUT say none. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** URL parameters postboard reads itself, never passed on to node-postgres. */
const OWN_PARAMETERS = ['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'sslpassword', 'ssl', 'uselibpqcompat', 'connect_timeout', 'schema'];

export interface ConnectionPlan {
  /** Everything but TLS and the password. */
  base: ClientConfig;
  sslmode: SslMode;
  /** The TLS options for an attempt with TLS (undefined with `disable`, and for a Unix socket). */
  tls: ConnectionOptions | undefined;
  /** The attempts, in order: with TLS or without. */
  attempts: readonly boolean[];
  connectTimeoutMs: number;
  /** Where the server is, for messages: host:port. */
  host: string;
}

/** A problem found before connecting (an sslmode that is none, a certificate file that cannot be read). */
export class PlanProblem extends Error {
  constructor(readonly problem: BoardProblem) {
    super(problem.kind);
  }
}

/** The server asked for a password and none was to be found. */
export class NoPassword extends Error {
  constructor(readonly pgpassIgnored: string | undefined) {
    super('no password');
  }
}

const readable = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** A certificate file's text; one that cannot be read is a problem said before connecting. */
function certificate(parameter: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new PlanProblem({ kind: 'tls-file', parameter, path, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}

/** The longest a Node timer waits. */
const MAX_TIMER_MS = 2_147_483_647 - 10_000;

/** The account's name, as libpq takes it when no user is named. */
function accountName(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/** The URL (without postboard's own parameters) as node-postgres's settings, TLS and password apart. */
export function connectionPlan(location: string, env: NodeJS.ProcessEnv = process.env): ConnectionPlan {
  const url = new URL(location);
  const query = url.searchParams;
  const param = (name: string): string | undefined => query.get(name) ?? undefined;
  const home = env.HOME || homedir();

  const base: ClientConfig = {};
  // The other parameters go on as node-postgres reads them (application_name, options, host=, port=…).
  for (const [key, value] of query) if (!OWN_PARAMETERS.includes(key)) (base as Record<string, unknown>)[key] = value;
  const host = param('host') ?? decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1'));
  if (host) base.host = host;
  const port = param('port') ?? url.port;
  if (port) base.port = Number.parseInt(port, 10);
  // As libpq: the URL's user, else PGUSER, else the account's own name (not only $USER, which cron
  // and `docker exec` may not set).
  const user = param('user') ?? (decodeURIComponent(url.username) || env.PGUSER || env.USER || accountName());
  if (user) base.user = user;
  const database = url.pathname.length > 1 ? decodeURIComponent(url.pathname.slice(1)) : undefined;
  if (database) base.database = database;
  const password = param('password') ?? decodeURIComponent(url.password);
  if (password) base.password = password;
  base.application_name = param('application_name') ?? env.PGAPPNAME ?? 'postboard';

  // connect_timeout as libpq takes it: whole seconds, 2 at the least; none (or 0) means postboard's bound, never forever.
  const timeoutText = param('connect_timeout') ?? env.PGCONNECT_TIMEOUT;
  const timeoutSeconds = timeoutText !== undefined && /^\s*\d+\s*$/.test(timeoutText) ? Number(timeoutText) : 0;
  // (A timer holds at most 2^31 − 1 ms, about 24 days: a longer time-out is that.)
  const connectTimeoutMs = timeoutSeconds > 0 ? Math.min(Math.max(2, timeoutSeconds) * 1000, MAX_TIMER_MS) : DEFAULT_CONNECT_TIMEOUT_MS;

  const finalHost = base.host ?? env.PGHOST ?? 'localhost';
  const finalPort = base.port ?? (env.PGPORT ? Number.parseInt(env.PGPORT, 10) : 5432);
  const shownHost = `${finalHost}:${finalPort}`;

  // sslmode: libpq's words; node-postgres's own `ssl=true` and `no-verify` read as what they do.
  const legacy = param('ssl');
  let modeText = param('sslmode') ?? (legacy === 'true' || legacy === '1' ? 'verify-full' : legacy === 'false' || legacy === '0' ? 'disable' : legacy === 'no-verify' ? 'require' : undefined) ?? env.PGSSLMODE ?? 'prefer';
  if (modeText === 'no-verify') modeText = 'require';
  if (!SSL_MODES.includes(modeText as SslMode)) {
    throw new PlanProblem({ kind: 'bad-setting', setting: param('sslmode') !== undefined ? 'sslmode' : env.PGSSLMODE !== undefined ? 'PGSSLMODE' : 'ssl', value: modeText, choices: SSL_MODES });
  }
  let sslmode = modeText as SslMode;
  // TLS is for TCP: a Unix socket never has it (libpq does the same).
  const socket = finalHost.startsWith('/');
  if (socket || sslmode === 'disable') {
    return { base, sslmode, tls: undefined, attempts: [false], connectTimeoutMs, host: shownHost };
  }

  const rootGiven = param('sslrootcert') ?? env.PGSSLROOTCERT;
  const rootDefault = join(home, '.postgresql', 'root.crt');
  const tls: ConnectionOptions = {};
  if (rootGiven === 'system') {
    // The CAs Node.js trusts, and (as libpq insists) the host name checked too.
    if (sslmode !== 'verify-ca') sslmode = 'verify-full';
  } else if (rootGiven !== undefined) {
    if (sslmode === 'verify-ca' || sslmode === 'verify-full' || readable(rootGiven)) tls.ca = certificate('sslrootcert', rootGiven);
  } else if (readable(rootDefault)) {
    tls.ca = certificate('sslrootcert', rootDefault);
  }
  const verifies = sslmode === 'verify-ca' || sslmode === 'verify-full' || tls.ca !== undefined;
  tls.rejectUnauthorized = verifies;
  // verify-ca (and require, allow or prefer with a root certificate): the chain, not the name.
  if (verifies && sslmode !== 'verify-full') tls.checkServerIdentity = () => undefined;

  const certGiven = param('sslcert') ?? env.PGSSLCERT;
  const keyGiven = param('sslkey') ?? env.PGSSLKEY;
  const certPath = certGiven ?? join(home, '.postgresql', 'postgresql.crt');
  const keyPath = keyGiven ?? join(home, '.postgresql', 'postgresql.key');
  if (certGiven !== undefined || readable(certPath)) {
    tls.cert = certificate('sslcert', certPath);
    tls.key = certificate('sslkey', keyPath);
    const passphrase = param('sslpassword');
    if (passphrase) tls.passphrase = passphrase;
  }
  const attempts = sslmode === 'allow' ? [false, true] : sslmode === 'prefer' ? [true, false] : [true];
  return { base, sslmode, tls, attempts, connectTimeoutMs, host: shownHost };
}

/** A ~/.pgpass field: `*` or the value, with `\:` and `\\` for a colon and a backslash. */
function pgpassFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) field += line[++i];
    else if (c === ':' && fields.length < 4) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/**
 * The password ~/.pgpass (or PGPASSFILE) holds for this login, as libpq finds it: the first line
 * whose host, port, database and user match (`*` matches any; a Unix socket is `localhost`).
 * A file others may read is ignored, as libpq ignores it: `ignored` names it. On Windows, libpq
 * reads %APPDATA%\postgresql\pgpass.conf and checks no mode (Windows has none to check).
 */
export function pgpassPassword(
  login: { host: string; port: number; database: string; user: string },
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): { password?: string; ignored?: string } {
  const windows = platform === 'win32';
  const path = env.PGPASSFILE || (windows && env.APPDATA ? join(env.APPDATA, 'postgresql', 'pgpass.conf') : join(env.HOME || homedir(), '.pgpass'));
  let text: string;
  try {
    const info = statSync(path);
    if (!info.isFile()) return {};
    if (!windows && (info.mode & 0o077) !== 0) return { ignored: path };
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  const hosts = login.host.startsWith('/') ? ['localhost', login.host] : [login.host];
  for (const raw of text.split(/\r?\n/)) {
    if (raw === '' || raw.startsWith('#')) continue;
    const fields = pgpassFields(raw);
    if (fields.length < 5) continue;
    const [host, port, database, user, password] = fields as [string, string, string, string, string];
    const matches = (pattern: string, value: string) => pattern === '*' || pattern === value;
    if ((host === '*' || hosts.includes(host)) && matches(port, String(login.port)) && matches(database, login.database) && matches(user, login.user)) return { password };
  }
  return {};
}
