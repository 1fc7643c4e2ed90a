import { mkdirSync, rmSync } from 'node:fs';
import { readInputFile } from './files/read.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUT_FIELD_NAMES, isRecord, type PostDraft } from './board/post.js';
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
  version: 1;
  savedAt: string;
  board: string;
  post: PostDraft;
}

/** Saves the answers as a draft: in the data folder, else (a full disk there) in the temp folder. */
export async function saveDraft(env: NodeJS.ProcessEnv, board: string, post: PostDraft, now: Date): Promise<string | undefined> {
  // The board as a lasting name: the draft is posted to it later, from wherever that is done.
  const content: DraftFile = { postboard: 'draft', version: 1, savedAt: now.toISOString(), board: lastingLocation(board), post };
  const bytes = Buffer.from(`${JSON.stringify(content, null, 2)}\n`);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const folders = [join(dataFolder(env), 'drafts'), join(tmpdir(), `postboard-drafts-${process.getuid?.() ?? 'user'}`)];
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

/** A saved draft: its fields, and the board it was for. Throws with a reason when the file is not one. */
export function readDraft(path: string): { post: PostDraft; board: string | undefined } {
  const parsed: unknown = JSON.parse(readInputFile(path, 1024 * 1024 * 16).toString('utf8'));
  if (!isRecord(parsed) || parsed.postboard !== 'draft' || !isRecord(parsed.post)) throw new Error('not a postboard draft');
  const post: PostDraft = {};
  for (const field of INPUT_FIELD_NAMES) {
    const value = parsed.post[field];
    if (typeof value === 'string') post[field] = value;
  }
  return { post, board: typeof parsed.board === 'string' && parsed.board !== '' ? parsed.board : undefined };
}

export function removeDraft(path: string): void {
  rmSync(path, { force: true });
}
