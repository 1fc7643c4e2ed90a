import type { TextMeasure } from './width.js';

/**
 * Wraps visible text to `width` columns at spaces, keeping its line breaks (so paragraphs and
 * blank lines stay). A word longer than a line is cut where it reaches the edge.
 */
export function wrapText(text: string, width: number | undefined, measure: TextMeasure): string[] {
  const lines = text.split('\n');
  if (width === undefined) return lines;
  return lines.flatMap((line) => (measure.width(line) <= width ? [line] : wrapLine(line, width, measure)));
}

function wrapLine(line: string, width: number, measure: TextMeasure): string[] {
  const out: string[] = [];
  let words: string[] = [];
  let used = 0;
  const flush = () => {
    out.push(words.join(' '));
    words = [];
    used = 0;
  };
  for (let word of line.split(' ')) {
    let wordWidth = measure.width(word);
    if (words.length > 0 && used + 1 + wordWidth > width) flush();
    const long = wordWidth > width;
    while (wordWidth > width) {
      const piece = measure.fit(word, width);
      if (piece.text === '') break; // one character wider than the whole line: let it stand
      out.push(piece.text);
      word = word.slice(piece.text.length);
      wordWidth = measure.width(word);
    }
    if (long && word === '') continue;
    used = words.length === 0 ? wordWidth : used + 1 + wordWidth;
    words.push(word);
  }
  if (words.length > 0) flush();
  return out;
}
