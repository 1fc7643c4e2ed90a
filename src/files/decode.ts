import { isUtf8 } from 'node:buffer';

/**
 * Text files from people (import files, body files) arrive as UTF-8 (with or without a BOM),
 * UTF-16 with a BOM (Excel's "Unicode text"), or CP949 (Korean Windows). A file is decoded in
 * one encoding only when the whole of it is valid in that encoding; a file that mixes them, or
 * holds bytes valid in none, is refused, naming where — never turned into mojibake or U+FFFD.
 */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'cp949';

/** Where in a file: a CSV/TSV row (a quoted field may span lines), a line, or an item of a JSON array. */
export interface TextPlace {
  unit: 'row' | 'line' | 'item';
  number: number;
}

export type DecodeProblem =
  | { kind: 'mixed'; at: TextPlace; found: 'cp949' | 'utf8' }
  | { kind: 'invalid'; at: TextPlace; encoding: TextEncoding }
  /**
   * UTF-8 that a program read as Windows-1252 (or Latin-1) and saved again as UTF-8: valid text,
   * but every Hangul letter is three wrong ones (`가` is `ê°€`), and the byte-order mark `ï»¿`.
   */
  | { kind: 'misread'; at: TextPlace; sample: string };

export class DecodeError extends Error {
  constructor(readonly problem: DecodeProblem) {
    super(problem.kind);
  }
}

export interface DecodeOptions {
  /** How places are counted: CSV rows (quotes respected), or lines. */
  places: 'csv-rows' | 'lines';
}

/** The decoded text (without its byte-order mark) and the encoding it was in. */
export async function decodeText(bytes: Buffer, options: DecodeOptions): Promise<{ text: string; encoding: TextEncoding }> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes, 'utf-16le'), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes, 'utf-16be'), encoding: 'utf16be' };
  if (isUtf8(bytes)) {
    const text = bytes.toString('utf8');
    const misread = misreadAt(text);
    if (misread) throw new DecodeError({ kind: 'misread', at: placeOf(bytes, Buffer.byteLength(text.slice(0, misread.index)), options), sample: misread.sample });
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf8' };
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const lines = classifyLines(bytes);
  const firstOther = lines.find((line) => line.kind === 'other');
  const firstUtf8 = lines.find((line) => line.kind === 'utf8');
  if (hasBom || firstUtf8) {
    // UTF-8 with some lines in another encoding: name the odd ones out.
    const utf8Count = lines.filter((line) => line.kind === 'utf8').length;
    const otherCount = lines.filter((line) => line.kind === 'other').length;
    const odd = !hasBom && utf8Count < otherCount ? firstUtf8 : firstOther;
    const found = odd === firstUtf8 ? 'utf8' : 'cp949';
    throw new DecodeError({ kind: 'mixed', at: placeOf(bytes, odd?.start ?? 0, options), found });
  }
  const { decodeCp949 } = await import('../lazy/cp949.js');
  const text = decodeCp949(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1) {
    // CP949 cannot hold U+FFFD: every one is a byte sequence CP949 does not have. Find its line.
    const line = lines.find((candidate) => decodeCp949(bytes.subarray(candidate.start, candidate.end)).includes('\uFFFD'));
    throw new DecodeError({ kind: 'invalid', at: placeOf(bytes, line?.start ?? 0, options), encoding: 'cp949' });
  }
  return { text, encoding: 'cp949' };
}

/**
 * A Hangul syllable's UTF-8 bytes (EA–ED, then two of 80–BF) as Windows-1252 shows them: ê ë ì í,
 * then two of what 80–BF are there (Latin-1's A0–BF, and € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ).
 */
const MISREAD_SYLLABLE = /[\u00ea-\u00ed][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2}/g;

/**
 * Where text shows UTF-8 read as Windows-1252: the byte-order mark as `ï»¿`, or Hangul as its
 * letters' bytes — three of them at least, and no real Hangul (a French or Italian word has an
 * `ì` or `ê`, not three such triples), so a file that is meant is never refused.
 */
function misreadAt(text: string): { index: number; sample: string } | undefined {
  const bom = text.indexOf('\u00ef\u00bb\u00bf');
  if (bom === 0 || (bom > 0 && text.charCodeAt(0) === 0xfeff && bom === 1)) return { index: bom, sample: 'ï»¿' };
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (HANGUL.test(sample)) return undefined;
  const found = [...sample.matchAll(MISREAD_SYLLABLE)];
  if (found.length < 3) return undefined;
  return { index: found[0]!.index, sample: found[0]![0] };
}

function utf16(bytes: Buffer, label: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes.subarray(2));
  } catch {
    // Find the first unit that does not decode: a lone surrogate or an odd byte at the end.
    const units = bytes.subarray(2);
    const unit = (i: number) => (label === 'utf-16le' ? units.readUInt16LE(i) : units.readUInt16BE(i));
    let line = 1;
    for (let i = 0; i + 1 < units.length; i += 2) {
      const code = unit(i);
      if (code === 0x0a) line++;
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = i + 3 < units.length ? unit(i + 2) : 0;
        if (next >= 0xdc00 && next <= 0xdfff) {
          i += 2;
          continue;
        }
        break;
      }
      if (code >= 0xdc00 && code <= 0xdfff) break;
    }
    throw new DecodeError({ kind: 'invalid', at: { unit: 'line', number: line }, encoding: label === 'utf-16le' ? 'utf16le' : 'utf16be' });
  }
}

interface LineClass {
  start: number;
  end: number;
  kind: 'ascii' | 'utf8' | 'other';
}

/** Hangul syllables, jamo and compatibility jamo: what a Korean line written in UTF-8 holds. */
const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/;

/**
 * Each line of the bytes: plain ASCII, UTF-8 with more than ASCII, or something else. A line is
 * taken for UTF-8 only when it reads as Korean in UTF-8: 345 Hangul syllables in CP949 happen to
 * be valid UTF-8 byte sequences too (표, 처, 화, …), but as UTF-8 they read as Latin letters
 * (ǥ, ó), never as Hangul — such a line says nothing about the file's encoding.
 */
function classifyLines(bytes: Buffer): LineClass[] {
  const lines: LineClass[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    end = end === -1 ? bytes.length : end + 1;
    const line = bytes.subarray(start, end);
    let ascii = true;
    for (const byte of line) {
      if (byte >= 0x80) {
        ascii = false;
        break;
      }
    }
    lines.push({ start, end, kind: ascii ? 'ascii' : !isUtf8(line) ? 'other' : HANGUL.test(line.toString('utf8')) ? 'utf8' : 'ascii' });
    start = end;
  }
  return lines;
}

/** The row (CSV: newlines inside quotes do not end one) or line that holds byte `offset`. */
function placeOf(bytes: Buffer, offset: number, options: DecodeOptions): TextPlace {
  let number = 1;
  let quoted = false;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i];
    if (options.places === 'csv-rows' && byte === 0x22) quoted = !quoted;
    else if (byte === 0x0a && !quoted) number++;
  }
  return { unit: options.places === 'csv-rows' ? 'row' : 'line', number };
}
