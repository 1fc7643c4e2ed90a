import { isUtf8, transcode } from 'node:buffer';

/**
 * UTF-8 bytes as a string, exactly as `buffer.toString('utf8')` gives them, but faster for Korean
 * text: Node 20 decodes non-ASCII UTF-8 slowly (~150 ms for a 28 MB board of Hangul), while ICU's
 * transcoding to UTF-16 and a straight copy take ~40 ms. Only valid UTF-8 takes that way (isUtf8
 * is one SIMD pass); anything malformed is decoded the usual way, so replacement characters come
 * out the same as everywhere else.
 */
export function decodeUtf8(bytes: Buffer): string {
  if (bytes.length < 4096 || !isUtf8(bytes)) return bytes.toString('utf8');
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    // A Node built without ICU has no transcode.
    return bytes.toString('utf8');
  }
}

/**
 * A string as UTF-8 bytes, exactly as `Buffer.from(text)` makes them, faster for a large Korean
 * text (the board file, an export chunk) through the same ICU transcoding.
 */
export function encodeUtf8(text: string): Buffer {
  if (text.length < 4096) return Buffer.from(text);
  try {
    return transcode(Buffer.from(text, 'utf16le'), 'utf16le', 'utf8');
  } catch {
    // A lone surrogate (ICU refuses it; Buffer.from writes U+FFFD), or no ICU at all.
    return Buffer.from(text);
  }
}
