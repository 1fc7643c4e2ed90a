import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { pathsOf, type OS } from '../platform.js';

/**
 * Where postboard keeps a user's own files when no board is named: the platform's data folder
 * ($XDG_DATA_HOME/postboard, else ~/.local/share/postboard). On Windows %LOCALAPPDATA%\postboard:
 * a board belongs to this PC, not to the roaming profile (%APPDATA%, copied at every sign-in and
 * hidden from Explorer by default); a Windows without LOCALAPPDATA gets %USERPROFILE%\AppData\Local.
 */
export function dataFolder(env: NodeJS.ProcessEnv, platform: OS = process.platform): string {
  if (platform === 'win32') {
    const { join } = pathsOf(platform);
    if (env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'postboard');
    return join(env.USERPROFILE || homedir(), 'AppData', 'Local', 'postboard');
  }
  const { join } = pathsOf(platform);
  if (env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/')) return join(env.XDG_DATA_HOME, 'postboard');
  // Without HOME (a bare cron or service environment), the account's home, never the current folder.
  return join(env.HOME || env.USERPROFILE || homedir(), '.local', 'share', 'postboard');
}

/** The repository's sample board, used when the current folder has one. */
export const FOLDER_BOARD = './data/posts.json';

/**
 * The board used when neither --db nor POSTBOARD_DB names one: `./data/posts.json` where the
 * current folder has it (this repository's sample, or a project kept the same way), else the
 * user's own board in the data folder — so postboard works from any folder, the first time.
 */
export function defaultBoard(env: NodeJS.ProcessEnv, cwd: string = process.cwd(), platform: OS = process.platform): string {
  if (existsSync(resolve(cwd, FOLDER_BOARD))) return FOLDER_BOARD;
  return pathsOf(platform).join(dataFolder(env, platform), 'posts.json');
}

/** A path for messages: the home folder written as `~` (not on Windows, whose shells do not read `~` as home). */
export function shownPath(path: string, env: NodeJS.ProcessEnv, platform: OS = process.platform): string {
  if (platform === 'win32') return path;
  const home = env.HOME || env.USERPROFILE;
  return home && home !== '/' && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}
