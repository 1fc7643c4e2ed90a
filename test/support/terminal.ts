import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, TEST_CACHE, tempDir } from './cli.js';

/**
 * A real terminal: a tmux session running a program, driven by keys and read from its screen,
 * as a person would use postboard. Each session has its own tmux server, so tests never meet.
 */
export class Terminal {
  private constructor(
    private readonly socket: string,
    readonly folder: string,
  ) {}

  /**
   * Starts `command` (run by sh) in a terminal `width` × `height`, in `cwd`, with exactly `env`
   * (plus TERM) — and a `postboard` on PATH that runs this checkout, as `npm link` would give.
   */
  static start(command: string, options: { env?: Record<string, string>; cwd?: string; width?: number; height?: number } = {}): Terminal {
    const folder = tempDir('postboard-tty-');
    const bin = join(folder, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    writeFileSync(join(bin, 'postboard'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'postboard'), 0o755);
    // The test run's time zone too, so that "today" and local times are the same on both sides.
    const env: Record<string, string> = { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: folder, XDG_CACHE_HOME: TEST_CACHE, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...(process.env.TZ ? { TZ: process.env.TZ } : {}), ...options.env };
    const exports = Object.entries(env)
      .map(([key, value]) => `export ${key}='${value.replace(/'/g, `'\\''`)}'`)
      .join('\n');
    const script = join(folder, 'start.sh');
    // The exit status is printed when the program ends, for `exited` to read off the screen. Bash
    // runs it: a Ctrl+C the program handles (exiting 130 itself) does not end bash before it prints.
    writeFileSync(script, `#!/bin/bash\n${exports}\ncd '${(options.cwd ?? folder).replace(/'/g, `'\\''`)}'\n${command}\nstatus=$?\nprintf '\\n[exited %s]\\n' "$status"\nexit "$status"\n`);
    chmodSync(script, 0o755);
    const socket = join(folder, 'tmux.sock');
    // The screen stays readable after the program ends, with its exit status.
    const config = join(folder, 'tmux.conf');
    writeFileSync(config, 'set -g remain-on-exit on\nset -g history-limit 5000\nset -g escape-time 0\n');
    const started = spawnSync('tmux', ['-S', socket, '-f', config, 'new-session', '-d', '-x', String(options.width ?? 100), '-y', String(options.height ?? 30), script], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm-256color' },
      encoding: 'utf8',
    });
    if (started.status !== 0) throw new Error(`tmux did not start: ${started.stderr}`);
    return new Terminal(socket, folder);
  }

  private tmux(...args: string[]): string {
    const result = spawnSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
    return result.stdout;
  }

  /** Types text as it is (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  /** Presses keys by tmux's names: Enter, Tab, C-c, C-d, Escape, BSpace, Up, Down. */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', key);
  }

  /** Pastes text as a terminal paste does: with bracketed-paste marks when the program asked for them. */
  paste(text: string): void {
    const buffer = join(this.folder, 'paste.txt');
    writeFileSync(buffer, text);
    this.tmux('load-buffer', '-b', 'p', buffer);
    this.tmux('paste-buffer', '-p', '-d', '-b', 'p');
  }

  /** What the screen shows now (with the scrollback). */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-200');
  }

  /** Waits until the screen shows `pattern`; returns the screen. */
  async waitFor(pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.screen();
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}; the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The program's exit status once it has ended; undefined while it runs. */
  exitStatus(): number | undefined {
    const match = /\[exited (\d+)\]/.exec(this.screen());
    return match ? Number(match[1]) : undefined;
  }

  /** Waits for the program to end; its exit status. */
  async exited(timeoutMs = 10_000): Promise<number> {
    const started = Date.now();
    for (;;) {
      const status = this.exitStatus();
      if (status !== undefined) return status;
      if (Date.now() - started > timeoutMs) throw new Error(`still running after ${timeoutMs} ms; the screen:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): void {
    this.tmux('kill-server');
  }
}
