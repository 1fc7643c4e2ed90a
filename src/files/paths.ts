import { readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The file a path really names, through every symlink, even when the file does not exist yet
 * (a dangling link names where it points). A board reached through a link is locked, written
 * and backed up where it really is, so two names for one board are one board.
 */
export function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw error;
  }
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let target: string;
    try {
      target = readlinkSync(current);
    } catch {
      break; // not a link (or not there): this is the name
    }
    current = resolve(dirname(current), target);
  }
  let folder = dirname(current);
  try {
    folder = realpathSync(folder);
  } catch {
    // The folder does not exist yet either: the name as it is.
  }
  return join(folder, basename(current));
}
