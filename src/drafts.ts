import { mkdirSync, rmSync } from 'node:fs';
import { readInputFile } from './files/read.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDate } from './board/dates.js';
import { INPUT_FIELD_NAMES, isRecord, type InputField, type PostDraft } from './board/post.js';
import { dataFolder } from './files/places.js';
import { TempFile } from './files/write.js';
import { lastingLocation } from './store/index.js';

/**
 * What a person typed for a post that could not be saved (a full disk, a lost lock, a failed
 * editor) is never only in memory: it goes to a draft file, whose path is printed, and
 * `postboard add --from-draft PATH` posts it later.
 */
interface DraftFile {
  postboard: 'draft';
  /** 1: every field kept counts as answered. 2: `answered` and `partial` say how far the form got. */
  version: 2;
  savedAt: string;
  board: string;
  post: PostDraft;
  /** The questions answered (or given as flags): the form resumes at the first one not among them. */
  answered: InputField[];
  /** A field cut short (the body being written when Ctrl+C came): asked again, starting from its text. */
  partial?: InputField;
}

/** A draft as read back: what it holds, and how far the form got. */
export interface Draft {
  post: PostDraft;
  board: string | undefined;
  answered: ReadonlySet<InputField>;
  partial: InputField | undefined;
}

/**
 * Saves the answers as a draft: in the data folder, else (a full disk there) in the temp folder.
 * A draft being finished that is kept again (cancelled once more) replaces its own file: one
 * post, one draft, never two that could both be posted.
 */
export async function saveDraft(env: NodeJS.ProcessEnv, board: string, draft: Omit<Draft, 'board'>, now: Date, replacing?: string): Promise<string | undefined> {
  // The board as a lasting name: the draft is posted to it later, from wherever that is done.
  const content: DraftFile = {
    postboard: 'draft',
    version: 2,
    savedAt: now.toISOString(),
    board: lastingLocation(board),
    post: draft.post,
    answered: INPUT_FIELD_NAMES.filter((field) => draft.answered.has(field) && field !== draft.partial),
    ...(draft.partial ? { partial: draft.partial } : {}),
  };
  const bytes = Buffer.from(`${JSON.stringify(content, null, 2)}\n`);
  // Named by the local time it was kept at, as every time a person reads here is local.
  const stamp = `${localDate(now).replace(/-/g, '')}-${[now.getHours(), now.getMinutes(), now.getSeconds()].map((n) => String(n).padStart(2, '0')).join('')}`;
  const folders = [join(dataFolder(env), 'drafts'), join(tmpdir(), `postboard-drafts-${process.getuid?.() ?? 'user'}`)];
  if (replacing) {
    let temp: TempFile | undefined;
    try {
      temp = await TempFile.create(replacing, { mode: 0o600 });
      await temp.write(bytes);
      await temp.seal();
      await temp.commit({ replace: true });
      return replacing;
    } catch {
      await temp?.abort();
    }
  }
  for (const folder of folders) {
    const path = join(folder, `${stamp}-${process.pid}.json`);
    let temp: TempFile | undefined;
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      temp = await TempFile.create(path, { mode: 0o600 });
      await temp.write(bytes);
      await temp.seal();
      await temp.commit({ replace: false });
      return path;
    } catch {
      await temp?.abort();
    }
  }
  return undefined;
}

/** A saved draft: its fields, the board it was for, how far the form got. Throws with a reason when the file is not one. */
export function readDraft(path: string): Draft {
  const parsed: unknown = JSON.parse(readInputFile(path, 1024 * 1024 * 16).toString('utf8'));
  if (!isRecord(parsed) || parsed.postboard !== 'draft' || !isRecord(parsed.post)) throw new Error('not a postboard draft');
  const post: PostDraft = {};
  for (const field of INPUT_FIELD_NAMES) {
    const value = parsed.post[field];
    if (typeof value === 'string') post[field] = value;
  }
  const fields = new Set<string>(INPUT_FIELD_NAMES);
  // A draft of the first kind kept only what was answered.
  const answered = Array.isArray(parsed.answered) ? parsed.answered.filter((field): field is InputField => typeof field === 'string' && fields.has(field)) : (Object.keys(post) as InputField[]);
  const partial = typeof parsed.partial === 'string' && fields.has(parsed.partial) ? (parsed.partial as InputField) : undefined;
  return { post, board: typeof parsed.board === 'string' && parsed.board !== '' ? parsed.board : undefined, answered: new Set(answered), partial };
}

export function removeDraft(path: string): void {
  rmSync(path, { force: true });
}
