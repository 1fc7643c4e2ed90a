import type { Change, ChangeLogEntry } from '../../board/log.js';
import type { Board } from './board-file.js';
import type { ChangeInfo } from '../store.js';

/**
 * How many changes a JSON board keeps in its file. The log is for undo and for seeing who did
 * what lately; a deleted post rides in its entry whole, so an unbounded log would grow the file
 * with every delete. A database board keeps every entry.
 */
export const JSON_LOG_LIMIT = 100;

/** Appends the entry for a change to a board held in memory; its number. */
export function appendLog(board: Board, info: Pick<ChangeInfo, 'command' | 'at' | 'who' | 'undoes' | 'redoes'>, changes: Change[]): number {
  const log = (board.changes ??= []);
  const seq = (log.at(-1)?.seq ?? 0) + 1;
  const entry: ChangeLogEntry = {
    seq,
    at: info.at.toISOString(),
    who: info.who,
    command: info.command,
    ...(info.undoes !== undefined ? { undoes: info.undoes } : {}),
    ...(info.redoes !== undefined ? { redoes: info.redoes } : {}),
    changes,
  };
  log.push(entry);
  if (log.length > JSON_LOG_LIMIT) log.splice(0, log.length - JSON_LOG_LIMIT);
  return seq;
}
