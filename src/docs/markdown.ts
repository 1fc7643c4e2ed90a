/**
 * docs/commands.md: the reference as Markdown that CommonMark, GFM (GitHub, pandoc) and
 * Python-Markdown all show as written. Help text is text, never markup: prose and table cells go
 * through the exports' `markdownText` (numeric character references for every character that
 * could make markup), terms go in code spans only when nothing in them can end one, and command
 * lines go in fenced blocks whose fence no line inside can close.
 */
import type { Example } from '../cmdutil/examples.js';
import { markdownText } from '../formats/text.js';
import type { CommandReference, Item, Reference } from './reference.js';

/** A term as code when a code span can hold it (no backtick, no `|` that would end a table cell, one line), else as text. */
const code = (text: string): string => (/[`|\n]/.test(text) || text.trim() !== text || text === '' ? markdownText(text) : `\`${text}\``);

/** A fenced block holding `lines` literally: its fence is longer than any run of backticks in them. */
function fenced(lines: readonly string[], info = ''): string {
  const longest = Math.max(0, ...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, ...lines, fence].join('\n');
}

/** A paragraph of help text: its lines joined (commander wraps nothing here), escaped. */
const paragraph = (text: string): string => markdownText(text.replace(/\s*\n\s*/g, ' ').trim());

function table(items: readonly Item[], heading: string): string {
  const rows = items.map((item) => `| ${code(item.term)} | ${paragraph(item.description)} |`);
  return [`| ${heading} | meaning |`, '| --- | --- |', ...rows].join('\n');
}

const exampleBlock = (examples: readonly Example[]): string => fenced(examples.flatMap(([command, what], i) => [...(i > 0 ? [''] : []), `# ${what}`, command]), 'sh');

/** The heading of a command's section, and so its anchor (`#postboard-list`). */
const heading = (command: CommandReference): string => `postboard ${command.name}`;
const anchor = (command: CommandReference): string => `#${heading(command).replace(/ /g, '-')}`;

function commandSection(command: CommandReference, titles: Reference['titles']): string {
  const parts = [`## ${heading(command)}`];
  if (command.aliases.length > 0) parts.push(`Alias: ${command.aliases.map(code).join(', ')}.`);
  parts.push(fenced([command.usage]), paragraph(command.description));
  if (command.arguments.length > 0) parts.push(table(command.arguments, 'argument'));
  if (command.options.length > 0) parts.push(table(command.options, 'option'));
  parts.push(markdownText(titles.examples), exampleBlock(command.examples));
  return parts.join('\n\n');
}

export function referenceMarkdown(reference: Reference): string {
  const commandRows = reference.commands.map(
    (command) => `| [${code(command.name)}](${anchor(command)})${command.aliases.length > 0 ? ` (${command.aliases.map(code).join(', ')})` : ''} | ${paragraph(command.description)} |`,
  );
  const parts = [
    '<!-- Generated from the command definitions by scripts/gen-docs.mjs (npm run docs): do not edit by hand. -->',
    `# postboard ${markdownText(reference.version)}: every command and option`,
    paragraph(reference.description),
    // (Our own Markdown, not help text.)
    'Every command, option and example as `postboard <command> --help` gives them, made from the program itself, as is the man page (`man postboard`). ' +
      'What each command does, in detail: [usage.md](usage.md); the file formats: [formats.md](formats.md).',
    '## Usage',
    fenced([reference.usage, 'postboard <command> --help']),
    '## Global options',
    'These go with every command.',
    table(reference.globalOptions, 'option'),
    '## Commands',
    ['| command | does |', '| --- | --- |', ...commandRows].join('\n'),
    markdownText(reference.titles.examples),
    exampleBlock(reference.examples),
    ...reference.commands.map((command) => commandSection(command, reference.titles)),
    '## Environment and exit codes',
    fenced(reference.environment.split('\n'), 'text'),
  ];
  return `${parts.join('\n\n')}\n`;
}
