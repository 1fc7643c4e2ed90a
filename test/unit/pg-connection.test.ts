import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectionPlan, PlanProblem, pgpassPassword } from '../../src/store/postgres/connection.js';
import { tempDir } from '../support/cli.js';

/** A PostgreSQL URL read as psql (libpq) reads it: what postboard hands node-postgres. */

const home = () => ({ HOME: tempDir('postboard-home-') });

describe('connectionPlan', () => {
  it('sends the login only what a pooler takes: user, database, application_name; its own parameters stay out', () => {
    const plan = connectionPlan('postgres://board:pw@db.example:6432/news?sslmode=require&connect_timeout=3&sslrootcert=&application_name=nightly', home());
    expect(plan.base).toEqual({ host: 'db.example', port: 6432, user: 'board', password: 'pw', database: 'news', application_name: 'nightly' });
    expect(plan.connectTimeoutMs).toBe(3_000);
    expect(plan.host).toBe('db.example:6432');
    expect(connectionPlan('postgres://board@db/news', home()).base.application_name).toBe('postboard');
  });

  it('connect_timeout as libpq takes it: whole seconds, 2 at least, none or 0 meaning the 10 s bound (never for ever)', () => {
    expect(connectionPlan('postgres://h/d?connect_timeout=1', home()).connectTimeoutMs).toBe(2_000);
    expect(connectionPlan('postgres://h/d?connect_timeout=0', home()).connectTimeoutMs).toBe(10_000);
    expect(connectionPlan('postgres://h/d', { ...home(), PGCONNECT_TIMEOUT: '5' }).connectTimeoutMs).toBe(5_000);
    expect(connectionPlan('postgres://h/d', home()).connectTimeoutMs).toBe(10_000);
  });

  it('sslmode: prefer by default (TLS, then without); require encrypts without checking; verify-ca checks the chain only; verify-full the name too', () => {
    const prefer = connectionPlan('postgres://h/d', home());
    expect(prefer).toMatchObject({ sslmode: 'prefer', attempts: [true, false], tls: { rejectUnauthorized: false } });
    expect(connectionPlan('postgres://h/d?sslmode=allow', home()).attempts).toEqual([false, true]);
    expect(connectionPlan('postgres://h/d?sslmode=disable', home())).toMatchObject({ attempts: [false], tls: undefined });
    const require = connectionPlan('postgres://h/d?sslmode=require', home());
    expect(require).toMatchObject({ attempts: [true], tls: { rejectUnauthorized: false } });
    const ca = join(tempDir(), 'ca.crt');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n');
    const verifyCa = connectionPlan(`postgres://h/d?sslmode=verify-ca&sslrootcert=${ca}`, home());
    expect(verifyCa.tls).toMatchObject({ rejectUnauthorized: true, ca: '-----BEGIN CERTIFICATE-----\n' });
    expect(verifyCa.tls?.checkServerIdentity?.('h', {} as never)).toBeUndefined();
    const full = connectionPlan(`postgres://h/d?sslmode=verify-full&sslrootcert=${ca}`, home());
    expect(full.tls).toMatchObject({ rejectUnauthorized: true });
    expect(full.tls?.checkServerIdentity).toBeUndefined();
    // require with a root certificate: the chain is checked (as libpq does).
    expect(connectionPlan(`postgres://h/d?sslmode=require&sslrootcert=${ca}`, home()).tls).toMatchObject({ rejectUnauthorized: true });
    // PGSSLMODE when the URL says nothing; a Unix socket never has TLS.
    expect(connectionPlan('postgres://h/d', { ...home(), PGSSLMODE: 'verify-full' }).sslmode).toBe('verify-full');
    expect(connectionPlan('postgres:///d?host=/var/run/postgresql&sslmode=require', home()).attempts).toEqual([false]);
  });

  it('a sslmode that is none, or a CA file that cannot be read, is a problem before anything is sent', () => {
    expect(() => connectionPlan('postgres://h/d?sslmode=requre', home())).toThrow(PlanProblem);
    try {
      connectionPlan('postgres://h/d?sslmode=verify-full&sslrootcert=/nonexistent/ca.crt', home());
      expect.unreachable();
    } catch (error) {
      expect((error as PlanProblem).problem).toEqual({ kind: 'tls-file', parameter: 'sslrootcert', path: '/nonexistent/ca.crt', code: 'ENOENT' });
    }
  });
});

describe('pgpassPassword', () => {
  const login = { host: 'db.example', port: 5432, database: 'news', user: 'board' };

  it('finds the first matching line, with * for any field and \\: \\\\ for a colon and a backslash', () => {
    const env = home();
    writeFileSync(join(env.HOME, '.pgpass'), '# comment\nother:5432:news:board:no\ndb.example:5432:*:board:pa\\:ss\\\\word\n*:*:*:*:fallback\n', { mode: 0o600 });
    expect(pgpassPassword(login, env)).toEqual({ password: 'pa:ss\\word' });
    expect(pgpassPassword({ ...login, user: 'someone' }, env)).toEqual({ password: 'fallback' });
    // A Unix socket is localhost.
    writeFileSync(join(env.HOME, '.pgpass'), 'localhost:5432:news:board:local\n', { mode: 0o600 });
    expect(pgpassPassword({ ...login, host: '/var/run/postgresql' }, env)).toEqual({ password: 'local' });
  });

  it('a file others may read is not used, and said; PGPASSFILE names another', () => {
    const env = home();
    const file = join(env.HOME, '.pgpass');
    writeFileSync(file, '*:*:*:*:secret\n');
    chmodSync(file, 0o644);
    expect(pgpassPassword(login, env)).toEqual({ ignored: file });
    const other = join(tempDir(), 'passwords');
    writeFileSync(other, '*:*:*:*:elsewhere\n', { mode: 0o600 });
    expect(pgpassPassword(login, { ...env, PGPASSFILE: other })).toEqual({ password: 'elsewhere' });
  });

  it('on Windows, as libpq: %APPDATA%\\postgresql\\pgpass.conf, whatever its mode (Windows has none; Node says 0666)', () => {
    const appData = tempDir();
    mkdirSync(join(appData, 'postgresql'));
    const file = join(appData, 'postgresql', 'pgpass.conf');
    writeFileSync(file, '*:*:*:*:windows\n');
    chmodSync(file, 0o666);
    // (path.win32 joins with \, which Linux takes as part of a name: the file is made under that name too.)
    writeFileSync(`${appData}\\postgresql\\pgpass.conf`, '*:*:*:*:windows\n', { mode: 0o666 });
    expect(pgpassPassword(login, { APPDATA: appData, HOME: tempDir() }, 'win32')).toEqual({ password: 'windows' });
    expect(pgpassPassword(login, { APPDATA: appData, HOME: tempDir() }, 'linux')).toEqual({});
  });
});
