import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/index.js';
import { ROOT } from '../support/cli.js';

/**
 * Every word the user reads is in one catalogue per language (src/i18n/): code elsewhere names
 * keys and passes values. A key missing from one language fails the type check; these tests
 * hold the rest — no word table or language switch beside the catalogues, and no empty word.
 */

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

const outsideCatalogues = sources(join(ROOT, 'src')).filter((file) => !file.includes(`${join('src', 'i18n')}`));
const lines = (pattern: RegExp) =>
  outsideCatalogues.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) => (pattern.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line) ? [`${file.slice(ROOT.length + 1)}:${index + 1}: ${line.trim()}`] : [])),
  );

describe('the catalogues', () => {
  it('are the only word tables: no Record<Lang, …> and no choice of words by language anywhere else', () => {
    expect(lines(/Record<Lang\b/)).toEqual([]);
    expect(lines(/lang\s*===\s*['"](ko|en)['"]/)).toEqual([]);
  });

  it('give every key a word in every language (nothing left empty)', () => {
    const empty: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string' && value.trim() === '' && !path.endsWith('.empty')) empty.push(path);
      else if (value && typeof value === 'object' && !Array.isArray(value)) for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    };
    for (const [lang, catalogue] of Object.entries(MESSAGES)) walk(catalogue, lang);
    expect(empty).toEqual([]);
  });
});
