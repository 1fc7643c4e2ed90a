import { setTimeout as sleep } from 'node:timers/promises';
import type { BoardProblem } from './board.js';

/**
 * A lock not refreshed for this long belongs to a process that died (proper-lockfile refreshes
 * a live lock every half of it), and is taken over. Long enough that parsing a 100,000-post
 * board, which blocks the refresh timer for a few seconds, does not look like death.
 */
const STALE_MS = 8_000;
const RETRY_MS = 25;

/**
 * Runs `step` while holding the board's inter-process lock (a `<board>.lock` folder beside it).
 * Waits up to `timeoutMs` for another writer to finish, then gives up with a `locked` problem.
 */
export async function withBoardLock<T>(
  path: string,
  timeoutMs: number,
  fail: (problem: BoardProblem) => never,
  step: (assertStillHeld: () => void) => Promise<T>,
): Promise<T> {
  const { lock } = await import('../vendor/write.js');
  let compromised = false;
  const options = {
    realpath: false,
    stale: STALE_MS,
    retries: 0,
    onCompromised: () => {
      compromised = true;
    },
  };
  const deadline = Date.now() + timeoutMs;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lock(path, options);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      if (code !== 'ELOCKED') fail({ kind: 'unwritable', code });
      if (Date.now() >= deadline) fail({ kind: 'locked', seconds: Math.round(timeoutMs / 1000) });
      await sleep(RETRY_MS + Math.random() * RETRY_MS);
    }
  }
  // Called just before the write: if our lock went stale (the process stalled past STALE_MS),
  // another writer may have taken it, and writing now could lose its change.
  const assertStillHeld = () => {
    if (compromised) fail({ kind: 'locked', seconds: Math.round(STALE_MS / 1000) });
  };
  try {
    return await step(assertStillHeld);
  } finally {
    await release().catch(() => {});
  }
}
