import { describe, expect, it } from 'vitest';
import { register, type ShowOptions } from '../../src/commands/show.js';
import { UsageError } from '../../src/errors.js';
import { parseFlags } from '../support/flags.js';

const parse = (...argv: string[]) => parseFlags<ShowOptions>(register, ['show', ...argv]);

describe('postboard show flags', () => {
  it.each<[string[], ShowOptions]>([
    [['2912'], { id: 2912, format: 'text', width: undefined }],
    [['#2912'], { id: 2912, format: 'text', width: undefined }],
    [['2912', '--format', 'json'], { id: 2912, format: 'json', width: undefined }],
    [['2912', '-w', '60'], { id: 2912, format: 'text', width: 60 }],
  ])('%j', async (argv, expected) => {
    expect(await parse(...argv)).toEqual(expected);
  });

  it.each([['abc'], ['0'], ['-5'], ['12abc'], ['1e3'], ['2912.0']])('%s is not a post number', async (id) => {
    const error = await parse('--', id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('a post number is a whole number');
  });
});
