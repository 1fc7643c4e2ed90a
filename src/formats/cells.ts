import { fieldValue, type FieldKey } from '../board/fields.js';
import { exactLocalTimestamp, localTimestamp } from '../board/dates.js';
import type { Post } from '../board/post.js';
import type { Messages } from '../i18n/index.js';

/**
 * OWASP's CSV injection guard: a cell a spreadsheet would read as a formula (starting with
 * = + - @, tab, CR or LF) gets a leading apostrophe, which Excel and LibreOffice show as text.
 * `import` takes the apostrophe off again.
 *
 * So that the mark is never ambiguous, a cell that already starts with apostrophes followed by
 * such a character (`'=x`, typed that way on purpose) gets one more as well: on import exactly
 * one leading apostrophe comes off any cell of the form `'…'=…`, and every cell comes back as it was.
 * Leading double quotes count too: a spreadsheet reading TSV takes `"=2*3"` for a quoted `=2*3`
 * and computes it, so that cell is guarded like `=2*3` itself.
 */
const GUARDED = /^['"]*[=+\-@\t\r\n]/;

export const guardFormula = (text: string): string => (GUARDED.test(text) ? `'${text}` : text);

/** Undoes `guardFormula` on a cell read back from a CSV or TSV export. */
export const unguardFormula = (text: string): string => (text.startsWith("'") && GUARDED.test(text.slice(1)) ? text.slice(1) : text);

/** Checks each text cell before it is written; throws to stop the export. */
export type CellCheck = (text: string, post: Post, field: FieldKey) => void;

export interface CellOptions {
  formulaGuard: boolean;
  check?: CellCheck;
  /**
   * For people (`--header ko|en`): the status in that language (노출/비노출) and timestamps in
   * local time, exactly (`2026-11-29 19:29:04.123 +09:00`: see exactLocalTimestamp). Without it,
   * the values as stored.
   */
  labels?: Messages;
  /** With labels: timestamps to the second only (`2026-11-29 19:29:04`), for reading (Markdown), not for a round trip. */
  shownTimes?: boolean;
}

/** A post as the flat cells of a CSV or TSV row, in `fields` order. */
export function postCells(post: Post, fields: readonly FieldKey[], options: CellOptions): (string | number)[] {
  return fields.map((field) => {
    const value = fieldValue(post, field);
    if (typeof value === 'number') return value;
    let text = value;
    if (options.labels) {
      if (field === 'status') text = options.labels.status[post.status];
      else if ((field === 'createdAt' || field === 'updatedAt') && text !== '') text = options.shownTimes ? localTimestamp(text) : exactLocalTimestamp(text);
    }
    options.check?.(text, post, field);
    return options.formulaGuard ? guardFormula(text) : text;
  });
}
