import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli.js';

/**
 * A real exFAT volume, as a USB stick is formatted: an image file made with mkfs.exfat, on a loop
 * device, mounted with exfat-fuse (Debian's exfatprogs and exfat-fuse, as root). exFAT has no hard
 * links, no owners and no permission bits: what postboard does there is what it does on the
 * stick a colleague brings.
 */
export interface UsbStick {
  folder: string;
  close(): void;
}

/** Debian keeps these in /usr/sbin, which a non-login PATH may lack. */
const sbin = (command: string) => (existsSync(`/usr/sbin/${command}`) ? `/usr/sbin/${command}` : command);

function run(command: string, args: string[]): string {
  const result = spawnSync(sbin(command), args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.error?.message}`);
  return result.stdout.trim();
}

export function usbStick(megabytes = 64): UsbStick {
  const place = tempDir('postboard-usb-');
  const image = join(place, 'stick.img');
  const folder = join(place, 'mnt');
  run('truncate', ['-s', `${megabytes}M`, image]);
  run('mkfs.exfat', ['-L', 'USB', image]);
  const device = run('losetup', ['-f', '--show', image]);
  try {
    run('mkdir', [folder]);
    run('mount.exfat-fuse', [device, folder]);
  } catch (error) {
    spawnSync(sbin('losetup'), ['-d', device]);
    throw error;
  }
  const fsType = run('stat', ['-f', '-c', '%T', folder]);
  if (fsType !== 'fuseblk') throw new Error(`${folder} is ${fsType}, not the exFAT volume`);
  return {
    folder,
    close() {
      spawnSync('umount', [folder]);
      spawnSync(sbin('losetup'), ['-d', device]);
    },
  };
}
