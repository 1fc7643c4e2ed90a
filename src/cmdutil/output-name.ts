import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { windowsNameProblem } from '../files/windows-names.js';
import { osOf } from '../io.js';
import { boardKind } from '../store/index.js';

/**
 * On Windows, a file postboard is to write (export's --output, copy's --to, a board) must be one
 * Windows keeps under that name: not a device (`NUL`, `con.csv`), not an alternate data stream
 * (`a.csv:x`) — see files/windows-names.ts. Refused before anything is opened. `location` is
 * a board location when `board` is set (a database URL has no file name to check).
 */
export function refuseWindowsName(ctx: Context, option: string, location: string, options: { board?: boolean; command?: string } = {}): void {
  if (osOf(ctx.io) !== 'win32') return;
  let path = location;
  if (options.board) {
    const kind = boardKind(location);
    if (kind.kind === 'postgres') return;
    path = kind.path;
  }
  const problem = windowsNameProblem(path);
  if (problem) throw new UsageError(ctx.t.usage.windowsName(option, location, problem), options.command);
}
