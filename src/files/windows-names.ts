import { win32 } from 'node:path';

/**
 * Names Windows does not keep as a file of that name, whatever folder they are in:
 *
 * - a device name — CON, PRN, AUX, NUL, COM1–9, LPT1–9 (and ¹ ² ³), CONIN$, CONOUT$ — with any
 *   extension (`con.csv`, `NUL.json`) or trailing spaces: writing there writes to the device
 *   (`-o NUL` throws the export away and says it succeeded);
 * - a `:` after the drive letter: `report.csv:hidden` writes an alternate data stream, invisible
 *   inside another file, which a USB stick (exFAT) or a mail attachment loses;
 * - a name ending in a dot or a space: Windows drops them, so the file made is called otherwise;
 * - the `\\.\` device namespace (`\\.\PhysicalDrive0`, `\\.\pipe\…`).
 *
 * `\\?\C:\…` (long paths) and `\\server\share\…` are ordinary paths.
 */
export type WindowsNameProblem = { kind: 'device' | 'stream' | 'trailing'; name: string } | { kind: 'namespace'; name: string };

const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.[^.]*)*$/i;

export function windowsNameProblem(path: string): WindowsNameProblem | undefined {
  if (/^[\\/]{2}[.][\\/]/.test(path)) return { kind: 'namespace', name: path };
  // What follows the long-path prefix, the drive (C:) or the share (\\server\share) is names.
  let rest = path.replace(/^[\\/]{2}\?[\\/]/, '');
  const root = win32.parse(rest).root;
  rest = rest.slice(root.length);
  for (const name of rest.split(/[\\/]+/)) {
    if (name === '' || name === '.' || name === '..') continue;
    if (name.includes(':')) return { kind: 'stream', name };
    if (DEVICE.test(name.replace(/[ .]+$/, '').replace(/ +(\.|$)/g, '$1'))) return { kind: 'device', name };
    if (/[ .]$/.test(name)) return { kind: 'trailing', name };
  }
  return undefined;
}
