/**
 * How output is coloured. Styles wrap text that is already sanitized, padded and cut, so
 * escape codes never count toward a width.
 */
export interface Style {
  heading(text: string): string;
  muted(text: string): string;
  number(text: string): string;
  hidden(text: string): string;
  link(text: string): string;
}

const same = (text: string) => text;

export const plainStyle: Style = { heading: same, muted: same, number: same, hidden: same, link: same };

/** Colour levels as chalk counts them: 1 basic, 2 256 colours, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

export async function loadStyle(level: ColorLevel): Promise<Style> {
  if (level === 0) return plainStyle;
  const { Chalk } = await import('../lazy/chalk.js');
  const chalk = new Chalk({ level });
  return {
    heading: (text) => chalk.bold(text),
    muted: (text) => chalk.dim(text),
    number: (text) => chalk.cyan(text),
    hidden: (text) => chalk.gray(text),
    link: (text) => chalk.underline(text),
  };
}
