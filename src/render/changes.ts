import { fieldSpec, fieldValue, FIELD_KEYS, type FieldKey } from '../board/fields.js';
import type { Post } from '../board/post.js';
import type { Messages } from '../i18n/index.js';
import { visibleLine } from './sanitize.js';

/**
 * What a change does to a post, field by field, as `old → new`: shown before edit saves, before
 * undo reverts, and in import --update's plan. The body, being long, is shown as the lines that
 * go and come.
 */

/** The fields that differ between two versions of a post (timestamps included), in field order. */
export function changedFields(before: Post, after: Post): FieldKey[] {
  return FIELD_KEYS.filter((key) => key !== 'id' && fieldValue(before, key) !== fieldValue(after, key));
}

/** True when a field that had text has none after the change: worth a second thought. (Timestamps are the board's, not text.) */
export function emptiesAField(before: Post, after: Post): boolean {
  return changedFields(before, after).some(
    (key) => key !== 'createdAt' && key !== 'updatedAt' && String(fieldValue(before, key)) !== '' && String(fieldValue(after, key)) === '',
  );
}

const SHORT = 60;
const BODY_LINES = 8;

function shown(value: string | number, key: FieldKey, t: Messages): string {
  const { kind } = fieldSpec(key);
  if (kind === 'status') return t.status[value as Post['status']] ?? String(value);
  if (kind === 'count') return t.number(value as number);
  if (kind === 'timestamp') return value === '' ? t.change.empty : t.localTime(String(value));
  const text = visibleLine(String(value));
  if (text === '') return t.change.empty;
  return [...text].length > SHORT ? `${[...text].slice(0, SHORT - 1).join('')}…` : text;
}

/** `  제목: 옛 제목 → 새 제목` for each changed field; the body as lines removed and added. */
export function describeChange(before: Post, after: Post, t: Messages, options: { timestamps?: boolean; indent?: string } = {}): string[] {
  const indent = options.indent ?? '  ';
  const lines: string[] = [];
  for (const key of changedFields(before, after)) {
    const stamp = fieldSpec(key).kind === 'timestamp';
    if (!options.timestamps && stamp) continue;
    const label = t.fields[key];
    const [then, now] = [shown(fieldValue(before, key), key, t), shown(fieldValue(after, key), key, t)];
    // A time stamp moved within the second it is shown to: nothing a person could see changes.
    if (stamp && then === now) continue;
    if (fieldSpec(key).kind === 'body') {
      lines.push(`${indent}${label}: ${t.change.lines(lineCount(before.body))} → ${t.change.lines(lineCount(after.body))}`);
      lines.push(...bodyDiff(before.body, after.body, t).map((line) => `${indent}  ${line}`));
      continue;
    }
    lines.push(`${indent}${label}: ${then} → ${now}`);
  }
  return lines;
}

const lineCount = (text: string): number => (text === '' ? 0 : text.split('\n').length);

/** The body's lines that go (`-`) and come (`+`), from a longest-common-subsequence diff; a few of each. */
function bodyDiff(before: string, after: string, t: Messages): string[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  // Trim the common start and end: most edits touch a few lines of a long release.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const lines: string[] = [];
  if (middleA.length * middleB.length <= 250_000) {
    // LCS table on what is left.
    const rows = middleA.length;
    const cols = middleB.length;
    const table = Array.from({ length: rows + 1 }, () => new Uint32Array(cols + 1));
    for (let i = rows - 1; i >= 0; i--) {
      for (let j = cols - 1; j >= 0; j--) {
        table[i]![j] = middleA[i] === middleB[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < rows || j < cols) {
      if (i < rows && j < cols && middleA[i] === middleB[j]) {
        i++;
        j++;
      } else if (i < rows && (j === cols || table[i + 1]![j]! >= table[i]![j + 1]!)) {
        // A line that goes before the one that comes in its place, as diff shows them.
        lines.push(`- ${middleA[i++]}`);
      } else {
        lines.push(`+ ${middleB[j++]}`);
      }
    }
  } else {
    lines.push(...middleA.map((line) => `- ${line}`), ...middleB.map((line) => `+ ${line}`));
  }
  // Blank lines are counted, not listed: the counts above and the lines below then agree.
  const blank = { gone: lines.filter((line) => line === '- ').length, come: lines.filter((line) => line === '+ ').length };
  const visible = lines.filter((line) => line.length > 2).map((line) => {
    const text = visibleLine(line);
    return [...text].length > SHORT + 2 ? `${[...text].slice(0, SHORT + 1).join('')}…` : text;
  });
  const shown = visible.length > BODY_LINES ? [...visible.slice(0, BODY_LINES), t.change.more(visible.length - BODY_LINES)] : visible;
  if (blank.gone) shown.push(`- ${t.change.blank(blank.gone)}`);
  if (blank.come) shown.push(`+ ${t.change.blank(blank.come)}`);
  return shown;
}
