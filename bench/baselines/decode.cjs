// The UTF-8 decoding postboard itself uses for a board file (src/utf8.ts): on Node 20, ICU's
// transcoding to UTF-16 is three times as fast as Buffer's own decoder for Korean text. A
// baseline that decoded the slower way would flatter postboard.
const { transcode } = require('node:buffer');

exports.decode = (bytes) => (bytes.length > 4096 && bytes.length <= 320 * 2 ** 20 ? transcode(bytes, 'utf8', 'utf16le').toString('utf16le') : bytes.toString('utf8'));
exports.encode = (text) => (text.length > 4096 && text.length <= 32 * 2 ** 20 ? transcode(Buffer.from(text, 'utf16le'), 'utf16le', 'utf8') : Buffer.from(text));
