import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __POSTBOARD_VERSION__: JSON.stringify(pkg.version) },
  test: {
    // The tests of one SQLite file through two Node versions (two drivers) need the other Node:
    // CI's Node 24 pass names its Node 20 (see .ci/run).
    include: ['test/**/*.test.ts', ...(process.env.POSTBOARD_TEST_OTHER_NODE ? ['test/cross-node/*.cross.ts'] : [])],
    setupFiles: ['test/support/setup.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20_000,
    // A zone where the local date and the UTC date differ for much of the day, so local-time
    // code that quietly uses UTC fails here.
    env: { TZ: 'Asia/Seoul' },
  },
});
