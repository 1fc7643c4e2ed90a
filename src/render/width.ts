import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Display width of already-sanitized text, in terminal columns: a Hangul syllable is two, an
 * ASCII letter one, an emoji two.
 *
 * string-width is the reference, but it builds an `Intl.Segmenter` on load (about 12 ms, a third
 * of `list`'s whole start-up). Most board text (Hangul, ASCII, CJK punctuation) has one column
 * count per code point, which get-east-asian-width gives directly; only text with clusters
 * (emoji sequences, combining marks, conjoining jamo, invisible code points) needs string-width
 * and grapheme segmentation, and only then are they loaded.
 */
export interface TextMeasure {
  width(text: string): number;
  /** The longest prefix of `text` that fits `columns`, and its width; never splits a cluster. */
  fit(text: string, columns: number): { text: string; width: number };
}

/**
 * Letters that join the next character into one cluster (Grapheme_Cluster_Break=Prepend, other
 * than format characters), as regex class contents.
 */
export const PREPEND_LETTERS = '\\u{0D4E}\\u{111C2}\\u{111C3}\\u{1193F}\\u{11941}\\u{11A3A}\\u{11A84}-\\u{11A89}\\u{11D46}\\u{11F02}';
/** Letters that are no marks but extend the character before them: Thai and Lao AM, halfwidth kana voicing marks. */
export const EXTENDING_LETTERS = '\\u{0E33}\\u{0EB3}\\u{FF9E}\\u{FF9F}';

/**
 * The combining-mark blocks string-width counts as zero columns whole, unassigned code points
 * (U+20F1) included, where \p{M} would not see them.
 */
const COMBINING_BLOCKS = '\\u{0300}-\\u{036F}\\u{1AB0}-\\u{1AFF}\\u{1DC0}-\\u{1DFF}\\u{20D0}-\\u{20FF}\\u{FE20}-\\u{FE2F}';

// Marks, emoji, invisible code points, conjoining jamo, and the letters above: in all of these a
// cluster's width is not the sum of its code points'.
const CLUSTERED = new RegExp(
  `[\\p{M}${COMBINING_BLOCKS}\\p{Extended_Pictographic}\\p{Default_Ignorable_Code_Point}\\p{Emoji_Modifier}\\p{Regional_Indicator}\\u{1100}-\\u{11FF}\\u{A960}-\\u{A97F}\\u{D7B0}-\\u{D7FF}${PREPEND_LETTERS}${EXTENDING_LETTERS}]`,
  'u',
);

/**
 * Plain board text: printable ASCII, Latin-1 letters, Hangul syllables and letters, and the
 * punctuation press releases use (「」『』·…“”‘’※○●□■, fullwidth forms). Such text is NFC, has
 * nothing a terminal would act on or hide, no clusters and one width per code point: the
 * sanitiser and the width measure pass it through without their Unicode-property regexes, which
 * V8 would otherwise compile on every start for the plain titles of a board.
 */
const PLAIN =
  /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u00ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u3000-\u3003\u3008-\u3011\u3014-\u301f\u3131-\u3163\u3165-\u318e\uac00-\ud7a3\uff01-\uff60\u25a0\u25a1\u25b2\u25b3\u25c6\u25c7\u25cb\u25cf]*$/;

export const isPlain = (text: string): boolean => PLAIN.test(text);

/** True when `text` needs grapheme clusters to be measured. */
export const needsClusters = (text: string): boolean => !PLAIN.test(text) && CLUSTERED.test(text);

function codePointWidth(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 0;
  if (code < 0x1100) return 1;
  if (code >= 0xac00 && code <= 0xd7a3) return 2; // Hangul syllables: the common case first
  return eastAsianWidth(code);
}

function simpleWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit < 0x7f) {
      width++;
      continue;
    }
    const code = text.codePointAt(i) ?? unit;
    if (code > 0xffff) i++;
    width += codePointWidth(code);
  }
  return width;
}

function simpleFit(text: string, columns: number): { text: string; width: number } {
  let width = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) ?? 0;
    const w = codePointWidth(code);
    if (width + w > columns) break;
    width += w;
    i += code > 0xffff ? 2 : 1;
  }
  return { text: text.slice(0, i), width };
}

/** The measure for text known to have no clusters. */
export const simpleMeasure: TextMeasure = { width: simpleWidth, fit: simpleFit };

/**
 * A measure good for all of `texts`: the simple one when none has clusters, else one backed
 * by string-width and `Intl.Segmenter` (loaded now, so that measuring stays synchronous).
 */
export async function measureFor(texts: Iterable<string>): Promise<TextMeasure> {
  for (const text of texts) {
    if (needsClusters(text)) return clusterMeasure();
  }
  return simpleMeasure;
}

let clustered: TextMeasure | undefined;

export async function clusterMeasure(): Promise<TextMeasure> {
  if (clustered) return clustered;
  const { stringWidth } = await import('../lazy/string-width.js');
  const segmenter = new Intl.Segmenter();
  // Once any text has clusters, every text is measured string-width's way, so that a prefix cut
  // by `fit` measures the same as it did inside the whole.
  const width = (text: string) => stringWidth(text);
  const fit = (text: string, columns: number) => {
    let used = 0;
    let end = 0;
    for (const { segment, index } of segmenter.segment(text)) {
      const w = stringWidth(segment);
      if (used + w > columns) break;
      used += w;
      end = index + segment.length;
    }
    return { text: text.slice(0, end), width: used };
  };
  clustered = { width, fit };
  return clustered;
}
