/**
 * What JSON.parse cannot tell about a board file's text: a number that does not read back as
 * written (`9007199254740993`, `1e400`, `0.30000000000000000001`, anywhere — in a key postboard
 * does not know too, which a rewrite would otherwise change), and a key written twice in one
 * object (JSON.parse keeps the last; a rewrite would drop the first). Read token by token, only
 * when it matters: on every read when a parsed number looks doubtful, always in `check`.
 */

export type TextFinding =
  | { kind: 'inexact-number'; key: string; literal: string; offset: number }
  | { kind: 'duplicate-key'; key: string; offset: number };

const TOKEN = /"(?:[^"\\]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|[{}[\]:,]|\s+|[^\s]/gy;

/** Scans `text` (valid JSON) for the findings asked for; at most `limit` of them. */
export function scanJsonText(text: string, options: { duplicates: boolean; limit?: number }): TextFinding[] {
  const findings: TextFinding[] = [];
  const limit = options.limit ?? Infinity;
  // One frame per open object or array: an object's keys so far, and whether a key comes next.
  const frames: { object: boolean; keys?: Set<string>; expectKey: boolean }[] = [];
  let lastKey = '';
  let pendingKey: string | undefined;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null && findings.length < limit; match = TOKEN.exec(text)) {
    const token = match[0];
    const first = token.charCodeAt(0);
    const frame = frames[frames.length - 1];
    if (first === 0x22 /* " */) {
      if (frame?.expectKey) pendingKey = token;
      continue;
    }
    if (first === 0x3a /* : */) {
      if (frame?.expectKey && pendingKey !== undefined) {
        lastKey = JSON.parse(pendingKey) as string;
        if (options.duplicates) {
          if (frame.keys?.has(lastKey)) findings.push({ kind: 'duplicate-key', key: lastKey, offset: match.index });
          frame.keys?.add(lastKey);
        }
        frame.expectKey = false;
      }
      pendingKey = undefined;
      continue;
    }
    if (first === 0x7b /* { */) frames.push({ object: true, keys: options.duplicates ? new Set() : undefined, expectKey: true });
    else if (first === 0x5b /* [ */) frames.push({ object: false, expectKey: false });
    else if (first === 0x7d /* } */ || first === 0x5d /* ] */) frames.pop();
    else if (first === 0x2c /* , */) {
      if (frame?.object) frame.expectKey = true;
    } else if (first === 0x2d || (first >= 0x30 && first <= 0x39)) {
      if (!readsBackExactly(token)) findings.push({ kind: 'inexact-number', key: lastKey, literal: token, offset: match.index });
    }
  }
  return findings;
}

/** True when the number JavaScript reads from `literal` is the number written (`1.0` is 1: yes). */
export function readsBackExactly(literal: string): boolean {
  const value = Number(literal);
  if (!Number.isFinite(value)) return false;
  // Plain small integers, by far the most numbers in a board, need no more.
  if (literal.length < 16 && /^-?\d+$/.test(literal)) return true;
  return decimal(literal) === decimal(String(value));
}

/** A decimal number in one form: sign, significant digits, exponent (`-1.50e2` → `-|15|1`). */
function decimal(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) return text;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  let digits = whole + fraction;
  let power = Number(exponent) + whole.length;
  const leading = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(leading);
  power -= leading;
  digits = digits.replace(/0+$/, '');
  if (digits === '') return '0';
  return `${sign}|${digits}|${power}`;
}
