/**
 * Text damaged before postboard got it. Windows PowerShell pipes text to a program in its
 * $OutputEncoding: 5.1's is ASCII, so every Hangul letter arrives as `?`; 7.x reads a CP949 file
 * as UTF-8 and sends U+FFFD (�) for what it could not read. Both arrive as valid UTF-8, so only
 * the text itself can tell:
 *
 * - a U+FFFD anywhere: a character already lost on the way (no press release has one);
 * - Hangul turned into `?`: a text without a single Hangul letter in which `?` stand where
 *   words are — two or more words that begin with `??` (`???? ?? 11? 29?`), or one when the `?`
 *   are most of what the text has. A question mark ends a word in real text (`왜??`, `Really??`),
 *   so it is never counted there, and text with any Hangul is never taken for damaged.
 */
export type Damage = { kind: 'replacement' | 'question-marks'; line: number };

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/u;
/** `??` at the start of a word: after the start, a space, an opening bracket or quote, or a separator (CSV's comma, JSON's colon). */
const WORD_OF_QUESTION_MARKS = /(^|[\s(\[{"'“‘「『<,;:=])\?{2,}/gu;

export function inputDamage(text: string): Damage | undefined {
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const replaced = text.indexOf('\uFFFD');
  if (replaced !== -1) return { kind: 'replacement', line: lineOf(replaced) };
  if (HANGUL.test(text)) return undefined;
  const words = [...text.matchAll(WORD_OF_QUESTION_MARKS)];
  if (words.length === 0) return undefined;
  const marks = (text.match(/\?/g) ?? []).length;
  const visible = text.replace(/\s/g, '').length;
  if (words.length >= 2 || marks * 2 >= visible) return { kind: 'question-marks', line: lineOf(words[0]!.index! + words[0]![1]!.length) };
  return undefined;
}
