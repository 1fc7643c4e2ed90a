import { spawn } from 'node:child_process';
import { ROOT } from './cli.js';

/**
 * Holds the board's lock from another process, as another postboard writer would: the lock file
 * `<board>.lock` with its owner's process id, host and start time.
 */
export function lockHolder(board: string, owner: { host?: string } = {}) {
  const script = `
    const fs = require('node:fs'), os = require('node:os');
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const host = ${JSON.stringify(owner.host ?? null)} ?? os.hostname();
    fs.writeFileSync(${JSON.stringify(`${board}.lock`)}, JSON.stringify({ pid: process.pid, host, started, token: 'holder' }), { flag: 'wx' });
    process.stdout.write('locked\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const locked = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { child, locked };
}
