import { MESSAGES, type Lang } from '../i18n/index.js';

/** An example in a command's `--help`: the command line, and what it does. */
export type Example = readonly [command: string, what: string];

/**
 * Each list of examples by the help text made of it, so that the reference (docs/commands.md and
 * the man page, src/docs/reference.ts) finds a command's examples as the list they were made
 * from, not by reading its help text back.
 */
const LISTS = new Map<string, readonly Example[]>();

/** The "Examples:" section every command's `--help` ends with. */
export function examples(lang: Lang, list: readonly Example[]): string {
  const heading = MESSAGES[lang].examplesHeading;
  const items = list.map(([command, what]) => `  # ${what}\n  $ ${command}`);
  const text = `\n${heading}\n${items.join('\n\n')}\n`;
  LISTS.set(text, list);
  return text;
}

/** The examples a help text made by `examples` holds (none for any other text). */
export const examplesIn = (text: string): readonly Example[] => LISTS.get(text) ?? [];
