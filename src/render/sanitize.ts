import { EXTENDING_LETTERS, isPlain, PREPEND_LETTERS } from './width.js';

/**
 * Board text is shown, never obeyed. Anything a terminal would act on or hide (C0 and C1
 * controls, so every escape sequence; bidi overrides; zero-width and other format characters;
 * line separators; lone surrogates) becomes a visible stand-in:
 *
 * - C0 controls and DEL become their Control Pictures: ESC is `␛`, so `\x1b[31m` shows as `␛[31m`;
 * - everything else becomes `<U+202E>`-style text.
 *
 * The result is also NFC, so decomposed Hangul shows (and measures) as whole syllables. The
 * stored data is never changed; JSON output keeps it exact.
 */

// Cc: C0, DEL and C1 controls. Cf: format characters (bidi controls, zero-width characters,
// soft hyphen, BOM, tags). Zl/Zp: line and paragraph separators. Cs: lone surrogates.
// And the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0): letters that show nothing, so that
// `관리자ㅤ` would pass for `관리자`.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;
const ZWJ = 0x200d;
/**
 * Letters that join the next character into one cluster (Grapheme_Cluster_Break=Prepend, other
 * than the format characters already shown above). At the end of a table cell one would join
 * the padding after it and make the line narrower than its cells: shown by code instead.
 */
const PREPEND = new RegExp(`[${PREPEND_LETTERS}]`, 'gu');
/**
 * A mark with nothing to sit on would join whatever comes before the text: it gets ◌, as in
 * print. Marks are \p{M} plus the few letters Unicode also treats as extending the character
 * before them (Thai and Lao AM, halfwidth kana voicing marks, emoji skin tones).
 */
const LEADING_MARK = new RegExp(`^[\\p{M}${EXTENDING_LETTERS}\\u{1F3FB}-\\u{1F3FF}]`, 'u');
const EMOJI_BEFORE = /\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;

function standIn(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

function replaceUnsafe(text: string, keepNewlines: boolean): string {
  return text.replace(UNSAFE_ALL, (char: string, offset: number, whole: string) => {
    const code = char.codePointAt(0);
    if (keepNewlines && code === 0x0a) return char;
    if (keepNewlines && code === 0x09) return '    ';
    // A zero-width joiner inside an emoji sequence (👩‍💻) is part of the picture, not a trick.
    if (
      code === ZWJ &&
      EMOJI_BEFORE.test(whole.slice(Math.max(0, offset - 4), offset)) &&
      EMOJI_AFTER.test(whole.slice(offset + 1, offset + 3))
    ) {
      return char;
    }
    return standIn(char);
  });
}

/** Text for one line of a table or a heading: no line breaks, nothing a terminal obeys. */
export function visibleLine(text: string): string {
  if (isPlain(text)) return text;
  const nfc = text.normalize('NFC');
  const safe = UNSAFE.test(nfc) ? replaceUnsafe(nfc, false) : nfc;
  return selfContained(safe);
}

/** Text whose clusters start and end inside it, so it measures the same alone as in a line. */
function selfContained(text: string): string {
  const kept = text.replace(PREPEND, standIn);
  return LEADING_MARK.test(kept) ? `\u25CC${kept}` : kept;
}

/** Text of a body: line breaks kept (CRLF and CR count as one), tabs as spaces, nothing else. */
export function visibleBlock(text: string): string {
  // Lines of plain text (see width.ts) need nothing but their line breaks as they are.
  if (!text.includes('\r') && text.split('\n').every(isPlain)) return text;
  const nfc = text.normalize('NFC').replace(/\r\n?/g, '\n');
  return UNSAFE.test(nfc) ? replaceUnsafe(nfc, true) : nfc;
}

/** Lines of a message, each made a visible line: what `say` and `note` write. */
export function visibleLines(lines: string | readonly string[]): string {
  const list = typeof lines === 'string' ? lines.split('\n') : lines.flatMap((line) => line.split('\n'));
  return list.map(visibleLine).join('\n');
}
