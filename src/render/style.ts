/**
 * How output is coloured. Styles wrap text that is already sanitized, padded and cut, so
 * escape codes never count toward a width.
 */
export interface Style {
  /** The characters frames and cut text are drawn with. */
  glyphs: Glyphs;
  heading(text: string): string;
  muted(text: string): string;
  number(text: string): string;
  hidden(text: string): string;
  link(text: string): string;
}

/** The few characters that are not text: a cut cell's end, a rule under a header, a separator. */
export interface Glyphs {
  ellipsis: string;
  rule: string;
  dot: string;
}

export const UNICODE_GLYPHS: Glyphs = { ellipsis: '…', rule: '─', dot: '·' };
/**
 * For the old Windows console (conhost without Windows Terminal), whose Korean fonts draw … ─ ·
 * two cells wide, so that tables measured with them one cell wide fall apart.
 */
export const ASCII_GLYPHS: Glyphs = { ellipsis: '...', rule: '-', dot: '|' };

const same = (text: string) => text;

export const plainStyle: Style = { glyphs: UNICODE_GLYPHS, heading: same, muted: same, number: same, hidden: same, link: same };

/** Colour levels as chalk counts them: 1 basic, 2 256 colours, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

export async function loadStyle(level: ColorLevel, glyphs: Glyphs = UNICODE_GLYPHS): Promise<Style> {
  if (level === 0) return { ...plainStyle, glyphs };
  const { Chalk } = await import('../lazy/chalk.js');
  const chalk = new Chalk({ level });
  return {
    glyphs,
    heading: (text) => chalk.bold(text),
    muted: (text) => chalk.dim(text),
    number: (text) => chalk.cyan(text),
    hidden: (text) => chalk.gray(text),
    link: (text) => chalk.underline(text),
  };
}
