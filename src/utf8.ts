import { isUtf8, transcode } from 'node:buffer';

/** Text up to this size (~20,000 posts of board) is encoded the fast way. */
const FAST_DECODE_LIMIT = 64 * 1024 * 1024;

/**
 * UTF-8 bytes as a string, exactly as `buffer.toString('utf8')` gives them, but faster for Korean
 * text: Node 20 decodes non-ASCII UTF-8 slowly (~150 ms for a 28 MB board of Hangul), while ICU's
 * transcoding to UTF-16 and a straight copy take ~40 ms. Only valid UTF-8 takes that way (isUtf8
 * is one SIMD pass); anything malformed is decoded the usual way, so replacement characters come
 * out the same as everywhere else.
 */
export function decodeUtf8(bytes: Buffer, knownValid = false): string {
  return decodeUtf8Way(bytes, knownValid).text;
}

/** The decoding and which way it took ('icu': the fast way; 'node': Buffer's own), for tests. */
export function decodeUtf8Way(bytes: Buffer, knownValid = false): { text: string; way: 'icu' | 'node' } {
  if (bytes.length < 4096 || !(knownValid || isUtf8(bytes))) return { text: bytes.toString('utf8'), way: 'node' };
  try {
    return { text: transcode(bytes, 'utf8', 'utf16le').toString('utf16le'), way: 'icu' };
  } catch {
    // A Node built without ICU has no transcode.
    return { text: bytes.toString('utf8'), way: 'node' };
  }
}


/**
 * A string as UTF-8 bytes, exactly as `Buffer.from(text)` makes them, faster for a large Korean
 * text (the board file, an export chunk) through the same ICU transcoding.
 */
export function encodeUtf8(text: string): Buffer {
  // Past FAST_DECODE_LIMIT the UTF-16 copy costs more (memory, page faults) than it saves.
  if (text.length < 4096 || text.length > FAST_DECODE_LIMIT / 2) return Buffer.from(text);
  try {
    return transcode(Buffer.from(text, 'utf16le'), 'utf16le', 'utf8');
  } catch {
    // A lone surrogate (ICU refuses it; Buffer.from writes U+FFFD), or no ICU at all.
    return Buffer.from(text);
  }
}
