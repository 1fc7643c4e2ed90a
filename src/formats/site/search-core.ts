/**
 * What the web board's search index and its script in the browser must agree on, written once:
 * the script is made from these very functions (search-client.ts writes their source into it),
 * so the index is read exactly as it was written. They use nothing from outside this file but
 * each other (all of them go into the script), as they must in the browser.
 *
 * The index, of a post's title and body as search compares them (NFC, lower case): for each single
 * UTF-16 unit, the posts holding it (by their place in the site's order); for each pair of
 * neighbouring units, the posts holding it and where in them it starts. A term of one unit is its
 * unit's posts; of two, its pair's; a longer one is where its pairs start one after another (the
 * body counted on from past the title's end: the pair of the title's last unit and the body's
 * first is never indexed, so no term runs from one into the other).
 * That is exactly `list --search`'s rule — a term anywhere inside the title or the body, 수소 in
 * 청정수소 — read from the few index files holding the query's pairs, whatever the board's size.
 */

/** Which of `shards` index files holds a gram: FNV-1a over its UTF-16 units, mixed. */
export function gramShard(gram: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) hash = Math.imul(hash ^ gram.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return (hash >>> 0) % shards;
}

/** The grams a search term is looked up by: itself when it is one unit long, else its pairs, in order (repeats kept). */
export function termGrams(term: string): string[] {
  if (term.length === 1) return [term];
  const grams: string[] = [];
  for (let i = 0; i + 1 < term.length; i++) grams.push(term.slice(i, i + 2));
  return grams;
}

/**
 * The whole numbers of an index entry: 5-bit groups, low first, each group but a number's last
 * written with the alphabet's upper half (so `A`–`f` end a number and `g`–`_` go on).
 */
export function decodeNumbers(code: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const numbers: number[] = [];
  let value = 0;
  let scale = 1;
  for (let k = 0; k < code.length; k++) {
    const digit = alphabet.indexOf(code.charAt(k));
    value += (digit & 31) * scale;
    if (digit >= 32) {
      scale *= 32;
      continue;
    }
    numbers.push(value);
    value = 0;
    scale = 1;
  }
  return numbers;
}

/**
 * The posts of a single unit, as the index writes them: the shorter of a bitmap (`~`, then six
 * posts to a character: bit j of character k is post 6k + j) or the first post, then each gap less one.
 */
export function decodePosts(code: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const posts: number[] = [];
  if (code.charAt(0) === '~') {
    for (let k = 1; k < code.length; k++) {
      const bits = alphabet.indexOf(code.charAt(k));
      for (let j = 0; j < 6; j++) if (bits & (1 << j)) posts.push((k - 1) * 6 + j);
    }
    return posts;
  }
  let last = -1;
  for (const gap of decodeNumbers(code)) posts.push((last = last < 0 ? gap : last + gap + 1));
  return posts;
}

/**
 * The posts of a pair and where it starts in each, as the index writes them: for each post, its
 * gap from the last less one (the first: itself), how many starts less one, the first start and
 * each next one's gap less one.
 */
export function decodeStarts(code: string): Map<number, number[]> {
  const found = new Map<number, number[]>();
  const values = decodeNumbers(code);
  let post = -1;
  for (let k = 0; k < values.length; ) {
    post = post < 0 ? (values[k++] as number) : post + (values[k++] as number) + 1;
    const count = (values[k++] as number) + 1;
    const starts: number[] = [];
    let at = -1;
    for (let n = 0; n < count; n++) starts.push((at = at < 0 ? (values[k++] as number) : at + (values[k++] as number) + 1));
    found.set(post, starts);
  }
  return found;
}

/**
 * The posts (in order) holding a term of two or more units, from its pairs' starts (in the order
 * termGrams gives them): those where the pairs start one after another.
 */
export function postsHolding(pairs: readonly Map<number, number[]>[]): number[] {
  const [first, ...rest] = pairs;
  if (!first) return [];
  const posts: number[] = [];
  for (const [post, starts] of first) {
    let at = starts;
    for (let i = 0; i < rest.length && at.length > 0; i++) {
      const next = rest[i]?.get(post);
      if (!next) {
        at = [];
        break;
      }
      const set = new Set(next);
      at = at.filter((start) => set.has(start + i + 1));
    }
    if (at.length > 0) posts.push(post);
  }
  return posts.sort((a, b) => a - b);
}

/**
 * The posts (places in the site's order) holding every term, each in the title or in the body,
 * from the index entries of the terms' units and pairs (`entry` gives one, or undefined).
 */
export function searchPosts(terms: readonly string[], entry: (gram: string) => string | undefined): number[] {
  let found: number[] | undefined;
  for (const term of terms) {
    let posts: number[];
    if (term.length === 1) posts = decodePosts(entry(term) ?? '');
    else {
      const pairs = termGrams(term).map((gram) => decodeStarts(entry(gram) ?? ''));
      posts = term.length === 2 ? [...(pairs[0] as Map<number, number[]>).keys()] : postsHolding(pairs);
    }
    found = found === undefined ? posts : intersectPosts(found, posts);
  }
  return found ?? [];
}

/** The posts in both sorted lists. */
export function intersectPosts(a: readonly number[], b: readonly number[]): number[] {
  const both: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      both.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return both;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODES = [...ALPHABET].map((c) => c.charCodeAt(0));

/** An index entry being written: whole numbers as decodeNumbers reads them, in a growing byte buffer. */
export class IndexCode {
  private bytes = new Uint8Array(8);
  length = 0;
  /** The last post written (the index's side keeps it to write gaps). */
  last = -1;

  number(value: number): void {
    while (value >= 32) {
      this.byte(CODES[32 + (value % 32)] as number);
      value = Math.floor(value / 32);
    }
    this.byte(CODES[value] as number);
  }

  private byte(code: number): void {
    if (this.length === this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    this.bytes[this.length++] = code;
  }

  text(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length).toString('latin1');
  }
}

/** A unit's posts (written as gaps by IndexCode) as decodePosts reads them: a bitmap where that is shorter. */
export function unitPostsCode(code: IndexCode): string {
  const top = code.last;
  if (Math.floor(top / 6) + 2 >= code.length) return code.text();
  const bits = new Array<number>(Math.floor(top / 6) + 1).fill(0);
  for (const post of decodePosts(code.text())) bits[Math.floor(post / 6)] = (bits[Math.floor(post / 6)] as number) | (1 << post % 6);
  return `~${bits.map((value) => ALPHABET.charAt(value)).join('')}`;
}
