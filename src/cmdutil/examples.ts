import { MESSAGES, type Lang } from '../i18n/index.js';

/** The "Examples:" section every command's `--help` ends with. */
export function examples(lang: Lang, list: readonly (readonly [command: string, what: string])[]): string {
  const heading = MESSAGES[lang].examplesHeading;
  const items = list.map(([command, what]) => `  # ${what}\n  $ ${command}`);
  return `\n${heading}\n${items.join('\n\n')}\n`;
}
