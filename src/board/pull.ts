import { newPost } from './changes.js';
import { postChanges } from './log.js';
import { checkDraft, contentKey, urlKey, type FieldIssue, type Post, type PostContent, type PostDraft } from './post.js';
import type { Source } from './source.js';
import type { Release } from '../pull/release.js';
import type { BoardTransaction } from '../store/store.js';

/**
 * What `pull` does with a source's releases on the board, inside one change: each release made a
 * post as `add` would make it (the same checks), those already on the board (by their source
 * address, korea.kr's forms of one release as one: see urlKey) or deleted from it before left
 * out, the rest added in the feed's time order, numbered after the board's last.
 */

/** What a pull makes of a release that is not added: why. */
export interface Refused {
  /** The release's title as the feed gives it ('' when none), and its id in the feed (guid, NewsItemId), for the message. */
  title: string;
  id?: string;
  issues: FieldIssue[];
}

export interface PullOutcome {
  added: Post[];
  /** Releases already on the board (their number there). */
  already: number;
  /** Releases deleted from the board before (the change log says so): not brought back. */
  deleted: number;
  /** Releases under embargo still (the press-release API's EmbargoDate is later than now): left for a later pull. */
  embargoed: number;
  refused: Refused[];
}

/** How a pulled post is made: who posts it, what the source gives when the feed does not. */
export interface PullDefaults {
  author: string;
  /** Today (YYYY-MM-DD, the board's time zone), for a release without a date. */
  today: string;
  source: Pick<Source, 'name' | 'department' | 'status' | 'author'>;
}

/** A release as a post's fields, as a person would give them to `add`. */
export function releaseDraft(release: Release, defaults: PullDefaults): PostDraft & { title: string; author: string; date: string; status: string } {
  const agency = release.agency;
  return {
    title: release.title,
    ...(release.subtitle ? { subtitle: release.subtitle } : {}),
    author: defaults.source.author ?? defaults.author,
    // Else the ministry, as a repost board names it (the seed's post 2912: 담당부서 행정안전부).
    department: release.department ?? defaults.source.department ?? release.agency ?? '',
    date: release.date ?? defaults.today,
    status: defaults.source.status ?? 'published',
    body: release.body,
    ...(agency ? { 'source.agency': agency } : {}),
    ...(release.date ? { 'source.date': release.date } : {}),
    ...(release.url ? { 'source.url': release.url } : {}),
  };
}

/** How far back the change log is read for releases deleted from the board. */
const DELETED_LOOK_BACK = 1000;

/** The source address keys of posts deleted from the board (and not brought back since), from the change log as far as it keeps. */
async function deletedKeys(tx: BoardTransaction): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const entry of await tx.recent(DELETED_LOOK_BACK)) {
    if (entry.undoneBy !== undefined || entry.undoes !== undefined) continue;
    for (const change of postChanges(entry.changes)) if (change.kind === 'delete' && change.post.source?.url) keys.add(urlKey(change.post.source.url));
  }
  return keys;
}

/**
 * Adds a source's new releases to the board in the change `tx` is: checked as `add` checks, those
 * on the board already (or in this pull twice) and those deleted before left out.
 */
export async function pullReleases(tx: BoardTransaction, releases: readonly Release[], defaults: PullDefaults, now: Date): Promise<PullOutcome> {
  const refused: Refused[] = [];
  const candidates: { content: PostContent; key: string; order: number }[] = [];
  let embargoed = 0;
  releases.forEach((release, order) => {
    if (release.embargo !== undefined && Date.parse(release.embargo) > now.getTime()) {
      embargoed++;
      return;
    }
    const checked = checkDraft(releaseDraft(release, defaults));
    if ('issues' in checked) {
      refused.push({ title: release.title, id: release.id ?? `#${order + 1}`, issues: checked.issues });
      return;
    }
    const url = checked.content.source?.url;
    candidates.push({ content: checked.content, key: url ? `url:${urlKey(url)}` : `content:${contentKey(checked.content)}`, order });
  });

  const urlKeys = candidates.flatMap((candidate) => (candidate.key.startsWith('url:') ? [candidate.key.slice(4)] : []));
  const contentKeys = candidates.flatMap((candidate) => (candidate.key.startsWith('content:') ? [candidate.key.slice(8)] : []));
  const onBoard = new Set<string>([
    ...[...(await tx.withSources(urlKeys)).keys()].map((key) => `url:${key}`),
    ...[...(await tx.withContents(contentKeys)).keys()].map((key) => `content:${key}`),
  ]);
  const deleted = urlKeys.length > 0 ? await deletedKeys(tx) : new Set<string>();

  let already = 0;
  let gone = 0;
  const seen = new Set<string>();
  const fresh: typeof candidates = [];
  for (const candidate of candidates) {
    if (onBoard.has(candidate.key) || seen.has(candidate.key)) already++;
    else if (candidate.key.startsWith('url:') && deleted.has(candidate.key.slice(4))) gone++;
    else fresh.push(candidate);
    seen.add(candidate.key);
  }
  // Oldest first, so that numbers follow the releases' dates; a feed lists the newest first.
  fresh.sort((a, b) => (a.content.date < b.content.date ? -1 : a.content.date > b.content.date ? 1 : b.order - a.order));
  const first = await tx.nextId();
  const added = fresh.map((candidate, index) => newPost(first + index, candidate.content, now));
  await tx.insert(added);
  return { added, already, deleted: gone, embargoed, refused };
}
