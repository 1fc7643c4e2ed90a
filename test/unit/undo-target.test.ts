import { describe, expect, it } from 'vitest';
import type { ChangeLogEntry } from '../../src/board/log.js';
import { findTarget } from '../../src/commands/undo.js';

/** A log as a board gives it: newest first, as many entries as asked for. */
const boardWithLog = (entries: ChangeLogEntry[]) => async (limit: number) => entries.slice(0, limit);
const entry = (seq: number, more: Partial<ChangeLogEntry> = {}): ChangeLogEntry => ({ seq, at: '2026-01-01T00:00:00Z', who: 'a', command: 'add', changes: [], ...more });

describe('what undo and redo take back, however long the log', () => {
  it('undo finds the newest change not yet undone even behind 600 undos (it looks further back as needed)', async () => {
    // 10 changes, then 300 more each undone: the newest 600 entries are undos and undone changes.
    const log: ChangeLogEntry[] = [];
    for (let seq = 1; seq <= 10; seq++) log.push(entry(seq));
    for (let n = 0; n < 300; n++) {
      const changed = 11 + n * 2;
      log.push(entry(changed, { undoneBy: changed + 1 }), entry(changed + 1, { command: 'undo', undoes: changed }));
    }
    log.reverse();
    expect((await findTarget(boardWithLog(log), 'undo'))?.entry.seq).toBe(10);
  });

  it('undo says there is nothing left when every change was undone', async () => {
    const log = [entry(2, { command: 'undo', undoes: 1 }), entry(1, { undoneBy: 2 })];
    expect(await findTarget(boardWithLog(log), 'undo')).toBeUndefined();
  });

  it('redo takes back the newest undo even when the change it undid is further back than the first read (251 adds, 251 undos)', async () => {
    const log: ChangeLogEntry[] = [];
    for (let seq = 1; seq <= 251; seq++) log.push(entry(seq, { undoneBy: 503 - seq }));
    // Undos newest-first: seq 252 undid 251, …, seq 502 undid 1.
    for (let seq = 252; seq <= 502; seq++) log.push(entry(seq, { command: 'undo', undoes: 503 - seq }));
    log.reverse();
    expect((await findTarget(boardWithLog(log), 'redo'))?.entry.seq).toBe(1);
  });

  it('redo finds the undone change an undo names, however far back, and nothing once a new change came after', async () => {
    const log: ChangeLogEntry[] = [entry(1, { undoneBy: 1002 })];
    for (let seq = 2; seq <= 1001; seq++) log.push(entry(seq, { command: 'undo', undoes: 0 }));
    log.push(entry(1002, { command: 'undo', undoes: 1 }));
    log.reverse();
    expect((await findTarget(boardWithLog(log), 'redo'))?.entry.seq).toBe(1);
    expect(await findTarget(boardWithLog([entry(1003), ...log]), 'redo')).toBeUndefined();
  });
});
