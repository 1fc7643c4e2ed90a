import { startPostgres } from './postgres.js';

/**
 * Once per test run: a PostgreSQL server for the PostgreSQL board's tests (the contract suite runs
 * every backend), unless POSTBOARD_TEST_DATABASE_URL names one already. The URL reaches every
 * test through that variable.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.POSTBOARD_TEST_DATABASE_URL) return async () => {};
  const server = await startPostgres();
  // (Its exit hooks that replaced vitest's exit code are left out where it is loaded: see postgres.ts.)
  process.env.POSTBOARD_TEST_DATABASE_URL = server.url;
  return server.stop;
}
