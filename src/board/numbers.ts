/**
 * Numbers a JSON file wrote that JavaScript cannot hold exactly: `9007199254740993` reads as
 * …992 and `9007199254740991.4` as …991, each a number another post may have. JSON.parse cannot
 * tell, so where a parsed number sits at the edge (2^53 − 2 or more), the text itself is read.
 */
export const EDGE = Number.MAX_SAFE_INTEGER - 1;

export interface InexactNumber {
  key: string;
  literal: string;
  offset: number;
}

/** The `key: number` literals in `text` (for the keys given) that do not read back as written. */
export function inexactNumbers(text: string, keys: readonly string[]): InexactNumber[] {
  const found: InexactNumber[] = [];
  const pattern = new RegExp(`"(${keys.join('|')})"\\s*:\\s*(-?\\d[\\d.eE+-]*)`, 'g');
  for (const match of text.matchAll(pattern)) {
    const literal = match[2] ?? '';
    const value = Number(literal);
    if (!Number.isSafeInteger(value) || !/^-?\d+$/.test(literal) || String(value) !== literal.replace(/^(-?)0+(?=\d)/, '$1')) {
      found.push({ key: match[1] ?? '', literal, offset: match.index ?? 0 });
    }
  }
  return found;
}
