import type { Post } from '../../board/post.js';
import { foldedText } from '../../board/query.js';
import { scriptData, shownText } from './html.js';
import { gramShard, IndexCode, unitPostsCode } from './search-core.js';
import type { SearchLayout } from './pages.js';

/** Posts per file of titles and dates (what a result shows). */
const META_SIZE = 200;
/** An index file holds about this much: a search loads one for each unit or pair of its words. */
const SHARD_BYTES = 48 * 1024;
const MAX_SHARDS = 8192;

export interface SearchFile {
  /** Inside search/. */
  path: string;
  text: string;
}

/** A pair's entry being written: the starts in the post at hand are held until the next post (their count goes first). */
class PairCode extends IndexCode {
  private place = -1;
  private starts: number[] = [];

  start(place: number, at: number): void {
    if (place !== this.place) {
      this.flush();
      this.place = place;
    }
    this.starts.push(at);
  }

  private flush(): void {
    const starts = this.starts;
    if (starts.length === 0) return;
    this.number(this.last < 0 ? this.place : this.place - this.last - 1);
    this.last = this.place;
    this.number(starts.length - 1);
    for (let n = 0; n < starts.length; n++) this.number(n === 0 ? (starts[0] as number) : (starts[n] as number) - (starts[n - 1] as number) - 1);
    starts.length = 0;
  }

  override text(): string {
    this.flush();
    return super.text();
  }
}

/** One file of the index: a script that hands its part to the search page. */
const part = (kind: 'g' | 'p', number: number, data: unknown): SearchFile => ({ path: `${kind}/${number}.js`, text: `postboardSearch(${JSON.stringify(kind)},${number},${scriptData(data)});\n` });

/**
 * The search index of the site's posts (in the site's order), as files under search/ (see
 * search-core.ts): the units' and pairs' entries spread over `shards` files by gramShard, and the
 * posts' titles and dates in files of META_SIZE posts. The same posts give the same bytes.
 */
export function searchIndex(posts: readonly Post[]): { layout: SearchLayout; files: Iterable<SearchFile> } {
  // Units numbered as they are first met, and a pair (a, b) as the number a·65536 + b of those:
  // small numbers, which a Map hashes far faster than the ones Hangul's own codes would make.
  const numberOf = new Int32Array(65536).fill(-1);
  const unitOf: number[] = [];
  const units: IndexCode[] = [];
  const pairs = new Map<number, PairCode>();
  posts.forEach((post, place) => {
    const title = foldedText(post.title);
    const body = foldedText(post.body);
    // The body is counted on from past the title's end; no pair spans the two (see search-core.ts).
    for (const [text, offset] of [
      [title, 0],
      [body, title.length + 1],
    ] as const) {
      let before = -1;
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        let number = numberOf[unit] as number;
        if (number < 0) {
          number = numberOf[unit] = unitOf.length;
          unitOf.push(unit);
          units.push(new IndexCode());
        }
        const code = units[number] as IndexCode;
        if (code.last !== place) {
          code.number(code.last < 0 ? place : place - code.last - 1);
          code.last = place;
        }
        if (before >= 0) {
          const key = before * 65536 + number;
          let pair = pairs.get(key);
          if (!pair) pairs.set(key, (pair = new PairCode()));
          pair.start(place, offset + i - 1);
        }
        before = number;
      }
    }
  });

  const grams: [string, string][] = [];
  let bytes = 0;
  units.forEach((code, number) => grams.push([String.fromCharCode(unitOf[number] as number), unitPostsCode(code)]));
  for (const [key, pair] of pairs) grams.push([String.fromCharCode(unitOf[Math.floor(key / 65536)] as number, unitOf[key % 65536] as number), pair.text()]);
  for (const [gram, code] of grams) bytes += gram.length * 3 + code.length + 6;
  grams.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let shards = 1;
  while (shards < MAX_SHARDS && bytes / shards > SHARD_BYTES) shards *= 2;
  const byShard: string[][] = Array.from({ length: shards }, () => []);
  for (const [gram, code] of grams) byShard[gramShard(gram, shards)]?.push(gram, code);

  return {
    layout: { shards, metaSize: META_SIZE },
    files: (function* () {
      for (let number = 0; number < shards; number++) yield part('g', number, byShard[number]);
      for (let start = 0; start < posts.length; start += META_SIZE) {
        yield part('p', start / META_SIZE, posts.slice(start, start + META_SIZE).map((post) => [post.id, shownText(post.title), post.date]));
      }
    })(),
  };
}
