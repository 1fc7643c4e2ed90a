import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { madeFolders } from './cli.js';

// Every test file leaves /tmp as it found it: the boards, drafts and homes it made are removed.
afterAll(() => {
  for (const folder of madeFolders.splice(0)) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // A folder still in use (a mount being let go): the system's temp cleaning takes it.
    }
  }
});
