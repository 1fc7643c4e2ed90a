import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/**
 * A Korean particle follows the sound of the word before it (을/를, 이/가, 은/는, 으로/로, 과/와).
 * After a value that may be a Latin word, a path, a URL or a number — `${value}` in a message —
 * neither form is sure, and the `을(를)` that hedges reads badly: such messages put the value
 * after a colon or in parentheses instead. Every Korean message in the source is held to that.
 */
const PARTICLE_AFTER_VALUE = /\$\{[^}]*\}["')]?(?:을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|\(으\)로|와\(과\)|과\(와\))/;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

describe('Korean messages', () => {
  it('never hedge a particle after a value (을(를), 이(가), (으)로 …)', () => {
    const found = sources(join(ROOT, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (PARTICLE_AFTER_VALUE.test(line) ? [`${file.slice(ROOT.length + 1)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
