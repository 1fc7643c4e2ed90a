/** The generated reference files, by their path in the repository (scripts/gen-docs.mjs writes them). */
import { referenceMarkdown } from './markdown.js';
import { programReference } from './reference.js';
import { referenceRoff } from './roff.js';

export const REFERENCE_FILES = ['docs/commands.md', 'man/postboard.1'] as const;

export function referenceFiles(): Record<(typeof REFERENCE_FILES)[number], string> {
  const reference = programReference();
  return { 'docs/commands.md': referenceMarkdown(reference), 'man/postboard.1': referenceRoff(reference) };
}
