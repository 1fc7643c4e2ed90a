/**
 * man/postboard.1: the reference as a man page (roff, the man macros), which `man postboard`
 * shows once npm has installed it (package.json's `man`). Help text is text, never requests:
 * every piece of it goes through `roffText`, and only this file writes requests and font changes
 * around the escaped pieces.
 */
import type { Example } from '../cmdutil/examples.js';
import type { Item, Reference } from './reference.js';

/**
 * Text as roff shows it, never as roff acts on it: a backslash is `\(rs` (no escape sequence can
 * start), `-` is `\-` (a minus, so options copy as typed), `"` is `\(dq` (safe inside a macro's
 * quoted argument), a `.` or `'` that starts a line gets `\&` before it (never a request), and
 * every character outside printable ASCII is a `\[uXXXX]` escape, so the file is ASCII and reads
 * the same whatever encoding a man program assumes. A comma with no space after it
 * (`id,title,subtitle,…`) is followed by `\:`, a place the line may break, since lines are
 * never hyphenated.
 */
export function roffText(text: string): string {
  return text
    .replace(/\\/g, '\\(rs')
    .replace(/-/g, '\\-')
    .replace(/"/g, '\\(dq')
    .replace(/,(?=\S)/g, ',\\:')
    .replace(/[^\x20-\x7e\n]/gu, (char) => `\\[u${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}]`)
    .replace(/^(?=[.'])/gm, '\\&');
}

/** Help text that commander gives as one paragraph: one line of roff. */
const paragraph = (text: string): string => roffText(text.replace(/\s*\n\s*/g, ' ').trim());

/** Lines shown as they are (no filling, no adjusting), indented. */
const literal = (lines: readonly string[]): string[] => ['.RS 4', '.nf', ...lines.map(roffText), '.fi', '.RE'];

const items = (list: readonly Item[]): string[] => list.flatMap((item) => ['.TP', `\\fB${roffText(item.term)}\\fR`, paragraph(item.description)]);

const examples = (list: readonly Example[], title: string): string[] => [
  '.PP',
  roffText(title),
  ...literal(list.flatMap(([command, what], i) => [...(i > 0 ? [''] : []), `# ${what}`, `$ ${command}`])),
];

export function referenceRoff(reference: Reference): string {
  // NAME is `postboard \- what it is`, without the description's full stop (as man pages do).
  const name = reference.description.replace(/\.$/, '');
  const first = (name[0] ?? '').toLowerCase() + name.slice(1);
  const lines = [
    '.\\" Generated from the command definitions by scripts/gen-docs.mjs (npm run docs): do not edit by hand.',
    `.TH POSTBOARD 1 "" "${roffText(`postboard ${reference.version}`)}" "User Commands"`,
    // Left-aligned and never hyphenated: an option or a field list broken at a hyphen would not copy as typed.
    '.ad l',
    '.nh',
    '.SH NAME',
    `postboard \\- ${paragraph(first)}`,
    '.SH SYNOPSIS',
    `.B ${roffText(reference.usage)}`,
    '.br',
    `.B ${roffText('postboard <command> --help')}`,
    '.SH DESCRIPTION',
    paragraph(reference.description),
    '.PP',
    paragraph(
      'Every command below takes the global options. What each command does in detail, the file formats, where a board lives and what postboard guarantees are in docs/ beside the README in postboard\'s source (usage.md, formats.md, boards.md, guarantees.md).',
    ),
    '.SH GLOBAL OPTIONS',
    ...items(reference.globalOptions),
    ...examples(reference.examples, reference.titles.examples),
    '.SH COMMANDS',
    ...reference.commands.flatMap((command) => [
      `.SS "${roffText([command.name, ...command.aliases].join(', '))}"`,
      `\\fB${roffText(command.usage)}\\fR`,
      '.PP',
      paragraph(command.description),
      ...(command.arguments.length > 0 ? ['.PP', roffText(reference.titles.arguments), ...items(command.arguments)] : []),
      ...(command.options.length > 0 ? ['.PP', roffText(reference.titles.options), ...items(command.options)] : []),
      ...examples(command.examples, reference.titles.examples),
    ]),
    '.SH ENVIRONMENT',
    ...literal(reference.environment.split('\n')),
  ];
  return `${lines.join('\n')}\n`;
}
