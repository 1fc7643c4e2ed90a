/**
 * The title order (`--sort title`), as one key per title that every board sorts by the same way:
 * compared as plain code points (`COLLATE "C"` in PostgreSQL, BINARY in SQLite, `<` in
 * JavaScript), it gives Korean 가나다 order as Korean dictionaries and ICU's Korean collation do:
 *
 * - spaces and punctuation first, then numbers (by value: 2 before 10), then Hangul (by its
 *   letters, so ㄱ before 가 before 각), then Han, then Latin (without case or accents), then
 *   other scripts;
 * - case and accents count for nothing (ties go to the higher number, as every order's do).
 *
 * Hanja are not read as Hangul (ICU sorts 漢 with 한); punctuation sorts by code point.
 */

// One mark per class of character, before each character's own key, in the order above.
const PUNCTUATION = '\u0001';
const NUMBER = '\u0002';
const HANGUL = '\u0003';
const HAN = '\u0004';
const LATIN = '\u0005';
const OTHER = '\u0006';

const isHangul = (code: number): boolean =>
  (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3131 && code <= 0x318e) || (code >= 0xa960 && code <= 0xa97f) || (code >= 0xd7b0 && code <= 0xd7ff);
const isHan = (code: number): boolean => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x3ffff);

let LETTER: RegExp | undefined;
let MARKS: RegExp | undefined;

export function titleKey(title: string): string {
  const text = title.normalize('NFC').toLowerCase();
  let key = '';
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(code);
    if (code >= 0x30 && code <= 0x39) {
      // A run of digits, by its value: its length first, then its digits (leading zeros dropped).
      let end = i;
      while (end < text.length && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
      const digits = text.slice(i, end).replace(/^0+(?=\d)/, '');
      key += NUMBER + String.fromCharCode(0x40 + Math.min(digits.length, 0xbf)) + digits;
      i = end;
      continue;
    }
    i += char.length;
    if (code < 0x80) {
      key += code >= 0x61 && code <= 0x7a ? LATIN + char : PUNCTUATION + char;
      continue;
    }
    if (isHangul(code)) {
      // By its letters (jamo): a syllable sorts as the letters it is made of.
      for (const letter of char.normalize('NFKD')) key += HANGUL + letter;
      continue;
    }
    if (isHan(code)) {
      key += HAN + char;
      continue;
    }
    LETTER ??= /\p{L}/u;
    MARKS ??= /\p{M}/gu;
    if (LETTER.test(char)) {
      // A letter without its accents and width (é is e, Ｋ is k): a Latin one among the Latin.
      const base = char.normalize('NFKD').replace(MARKS, '').toLowerCase();
      if (/^[a-z]+$/.test(base)) key += LATIN + base;
      else key += OTHER + char;
      continue;
    }
    if (/\p{M}/u.test(char)) continue;
    key += PUNCTUATION + char;
  }
  return key;
}
