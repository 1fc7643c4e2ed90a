import { fieldAt, setValueAt, TEXT_FIELDS, valueAt } from '../../board/fields.js';
import { isRecord } from '../../board/post.js';
import { SCHEMA_VERSION, type BoardProblem } from './board-file.js';

/** What `check --fix` changed. Only what needs no guessing: never a date, a number or a name. */
export type Repair =
  | { kind: 'bom' }
  | { kind: 'schema-version'; to: number }
  | { kind: 'last-id'; from: unknown; to: number }
  | { kind: 'nfc'; index: number; id: number | undefined; field: string };

/** The text fields of a post, by their dotted path, that are kept in NFC (what a person writes; addresses are not text). */
const NFC_FIELDS = TEXT_FIELDS.filter((path) => fieldAt(path)?.kind !== 'url');

type RawPost = Record<string, unknown> & { source?: Record<string, unknown> };

function postsOf(raw: unknown): RawPost[] {
  return isRecord(raw) && Array.isArray(raw.posts) ? (raw.posts.filter(isRecord) as RawPost[]) : [];
}

function textAt(post: RawPost, field: string): string | undefined {
  const value = valueAt(post, field);
  return typeof value === 'string' ? value : undefined;
}

const postId = (post: RawPost): number | undefined => (Number.isSafeInteger(post.id) && (post.id as number) > 0 ? (post.id as number) : undefined);

/** Text that is not in NFC: decomposed Hangul breaks search, sort and width. */
export function textProblems(raw: unknown): BoardProblem[] {
  const problems: BoardProblem[] = [];
  postsOf(raw).forEach((post, index) => {
    for (const field of NFC_FIELDS) {
      const text = textAt(post, field);
      if (text !== undefined && text !== text.normalize('NFC')) problems.push({ kind: 'not-nfc', index, id: postId(post), field });
    }
  });
  return problems;
}

/** The highest valid post number on the board, 0 for none. */
function highestId(raw: unknown): number {
  return postsOf(raw).reduce((highest, post) => Math.max(highest, postId(post) ?? 0), 0);
}

/** Repairs `raw` in place and says what it changed. */
export function repairBoard(raw: Record<string, unknown>): Repair[] {
  const repairs: Repair[] = [];
  if (raw.schemaVersion === undefined) {
    raw.schemaVersion = SCHEMA_VERSION;
    repairs.push({ kind: 'schema-version', to: SCHEMA_VERSION });
  }
  const highest = highestId(raw);
  const lastId = raw.lastId;
  if (!(Number.isSafeInteger(lastId) && (lastId as number) >= highest)) {
    // Numbers are never reused: keep what a readable lastId says was given, and never go below
    // the posts that are there.
    const recorded = Number(lastId);
    const to = Number.isSafeInteger(recorded) && recorded > highest ? recorded : highest;
    raw.lastId = to;
    repairs.push({ kind: 'last-id', from: lastId, to });
  }
  postsOf(raw).forEach((post, index) => {
    for (const field of NFC_FIELDS) {
      const text = textAt(post, field);
      if (text === undefined || text === text.normalize('NFC')) continue;
      setValueAt(post, field, text.normalize('NFC'));
      repairs.push({ kind: 'nfc', index, id: postId(post), field });
    }
  });
  return repairs;
}
