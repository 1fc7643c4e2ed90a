import { osOf, type IO } from './io.js';

/**
 * Long output on a terminal goes through a pager, as git's does: $POSTBOARD_PAGER, else $PAGER,
 * else `less -FRX` (which quits at once when the text fits the screen, keeps colour, and leaves
 * the text on the screen). Never when stdout is not a terminal, never with --no-pager, and not
 * when the text fits the window anyway (no pager to start at all). On Windows, which has neither
 * `sh` nor `less`, none unless $POSTBOARD_PAGER or $PAGER names one (as gh does), run by cmd.exe
 * the way Node runs a command with `shell: true`.
 */
export async function page(io: IO, text: string): Promise<boolean> {
  const stdout = io.stdout as IO['stdout'] & { rows?: number };
  // Only a real terminal has rows; an in-memory one (tests) or a pipe never pages.
  if (!stdout.isTTY || typeof stdout.rows !== 'number') return false;
  const lines = text.split('\n').length;
  if (lines < stdout.rows) return false;
  const windows = osOf(io) === 'win32';
  const command = (io.env.POSTBOARD_PAGER ?? io.env.PAGER ?? (windows ? '' : 'less -FRX')).trim();
  if (command === '' || command === 'cat') return false;
  // As git does: less without flags still shows colour and quits on a short text.
  // The text is UTF-8 whatever the locale says: less, under a LANG naming a locale the system
  // lacks, would show Hangul as <EB><AC><B8>.
  const env = { ...io.env, LESS: io.env.LESS ?? 'FRX', LV: io.env.LV ?? '-c', LESSCHARSET: io.env.LESSCHARSET ?? 'utf-8' };
  // child_process (~4 ms to load) only when there is a pager to start.
  // (getBuiltinModule: the bundle runs from V8's code cache, where import() has no loader.)
  const { spawn } = process.getBuiltinModule('node:child_process') as typeof import('node:child_process');
  return new Promise<boolean>((resolve) => {
    // The pager is the user's own command, from their environment (never board text): run as the shell would.
    const child = windows ? spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env }) : spawn('sh', ['-c', command], { stdio: ['pipe', 'inherit', 'inherit'], env });
    // Ctrl+C belongs to the pager (less uses it) while it runs.
    const ignore = () => {};
    process.on('SIGINT', ignore);
    let started = true;
    child.on('error', () => {
      started = false;
    });
    child.stdin.on('error', () => {}); // the pager quit before reading it all: fine
    child.on('close', (code, signal) => {
      process.removeListener('SIGINT', ignore);
      // A pager that could not start or failed (no less, PAGER=false): the text is printed as it is.
      resolve(started && (code === 0 || signal !== null));
    });
    child.stdin.end(text);
  });
}
