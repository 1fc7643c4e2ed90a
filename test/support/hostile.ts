import fc from 'fast-check';

/** Pieces of text a copy-paste from the web can bring, each one a way to fool a terminal or a parser. */
export const HOSTILE_PIECES = [
  '\x1b[31m', // CSI colour
  '\x1b[2J\x1b[H', // clear screen, cursor home
  '\x1b]0;pwned\x07', // OSC window title
  '\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\', // OSC 8 hyperlink
  '\x1bP1$r\x1b\\', // DCS
  '\u009b31m', // C1 CSI
  '\u0085', // C1 next line
  '\x00\x07\x08\x0b\x0c\x0d\x7f', // C0 and DEL
  '\r\n',
  '\t',
  '\u202e', // right-to-left override
  '\u2066\u2069', // bidi isolates
  '\u200b\u200c\u200d\u2060\ufeff', // zero-width characters
  '\ud800', // lone high surrogate
  '\udc00', // lone low surrogate
  '한국생산성본부'.normalize('NFD'), // decomposed Hangul
  '\u2028\u2029', // line and paragraph separators
  '👩‍💻🇰🇷👍🏽', // emoji sequences
  'e\u0301', // combining mark
  '"quoted", \'single\', `back`', // quotes and commas
  '=HYPERLINK("http://evil")', // formula
  '청정수소 글로벌 협력',
] as const;

/** Any string, biased toward the hostile pieces above. */
export const hostileText = (maxPieces = 8) =>
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 })), {
      minLength: 1,
      maxLength: maxPieces,
    })
    .map((pieces) => pieces.join(''));

/** Characters that must never reach a terminal from board text. */
export const TERMINAL_UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u202a-\u202e\u2066-\u2069\u200b\u200c\u2060\ufeff]/u;
