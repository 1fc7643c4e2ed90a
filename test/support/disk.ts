import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBoard, makePost } from './posts.js';
import { tempDir } from './cli.js';

/**
 * A disk that is nearly full. As root, a real one: a small tmpfs, filled up to `freeBytes`, so
 * the kernel itself refuses the write (short writes, then ENOSPC). Elsewhere, the same limit
 * injected into postboard's writer (POSTBOARD_TEST_DISK_FREE), so the same test runs either way.
 */
export interface SmallDisk {
  /** A folder on the disk. */
  folder: string;
  /** What postboard must run with on this disk. */
  env: Record<string, string>;
  /** True on a real file system that is full. */
  real: boolean;
  /** Leaves only `bytes` free (or, injected, lets postboard write only that many). */
  fill(bytes: number): void;
  /** Frees the disk again. */
  empty(): void;
  close(): void;
}

export function smallDisk(sizeBytes: number): SmallDisk {
  const folder = tempDir('postboard-disk-');
  const mount = process.getuid?.() === 0 ? spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', folder]) : undefined;
  if (mount?.status === 0) {
    const filler = join(folder, '.filler');
    const disk: SmallDisk = {
      folder,
      env: {},
      real: true,
      fill(bytes) {
        rmSync(filler, { force: true });
        const { bavail, bsize } = statfsSync(folder);
        writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - bytes)));
      },
      empty() {
        rmSync(filler, { force: true });
      },
      close() {
        spawnSync('umount', ['-l', folder]);
      },
    };
    return disk;
  }
  const disk: SmallDisk = {
    folder,
    env: {},
    real: false,
    fill(bytes) {
      disk.env = { POSTBOARD_TEST_DISK_FREE: String(bytes) };
    },
    empty() {
      disk.env = {};
    },
    close() {},
  };
  mkdirSync(folder, { recursive: true });
  return disk;
}

/** A board of `count` posts with bodies of about 2 KB: big enough that a write takes room. */
export function sizeableBoard(count: number) {
  return makeBoard(
    Array.from({ length: count }, (_, i) =>
      makePost({ id: i + 1, title: `제목 ${i + 1}`, department: '행정안전부', body: '보도자료 본문 '.repeat(120), source: { url: `https://www.korea.kr/n/${i + 1}` } }),
    ),
  );
}
