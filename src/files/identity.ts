import { statSync } from 'node:fs';

/**
 * Which of a board's own files `path` is, if any: by name (on Windows in any case, as its file
 * systems and a USB stick's exFAT take POSTS.JSON for posts.json), else as the same file under
 * another name (a hard link), told by device and inode as bigints (an NTFS or ReFS file id has
 * more digits than a double keeps).
 */
export function ownFileAt<K>(own: readonly (readonly [K, string])[], path: string, os: NodeJS.Platform): K | undefined {
  const same = os === 'win32' ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase() : (a: string, b: string) => a === b;
  const named = own.find(([, file]) => same(file, path));
  if (named) return named[0];
  const target = identity(path);
  return target === undefined ? undefined : own.find(([, file]) => identity(file) === target)?.[0];
}

function identity(file: string): string | undefined {
  try {
    const { ino, dev } = statSync(file, { bigint: true });
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
}
