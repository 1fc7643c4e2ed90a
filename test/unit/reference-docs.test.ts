import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { REFERENCE_FILES } from '../../src/docs/generate.js';
import { referenceMarkdown } from '../../src/docs/markdown.js';
import { programReference, type Reference } from '../../src/docs/reference.js';
import { referenceRoff, roffText } from '../../src/docs/roff.js';
import { ROOT } from '../support/cli.js';
import { runInProcess } from '../support/io.js';

/** Text as a reader of the HTML sees it. */
const shown = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('the command reference (docs/commands.md, man/postboard.1)', () => {
  it('is what the command definitions make now: run `npm run docs` when this fails', () => {
    const out = mkdtempSync(join(tmpdir(), 'postboard-docs-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/gen-docs.mjs'), '--out', out], { stdio: 'pipe' });
    const stale = REFERENCE_FILES.filter((path) => readFileSync(join(ROOT, path), 'utf8') !== readFileSync(join(out, path), 'utf8'));
    expect(stale, `stale: ${stale.join(', ')} (the commands' options or help changed since they were made). Run \`npm run docs\` and commit them`).toEqual([]);
  }, 60_000);

  it("holds every command, option and example that each command's --help shows", async () => {
    const reference = programReference();
    const markdown = shown(micromark(referenceMarkdown(reference), { extensions: [gfm()], htmlExtensions: [gfmHtml()] }));
    const root = await runInProcess(['--help', '--lang', 'en']);
    const listed = root.stdout.slice(root.stdout.indexOf('Commands:'), root.stdout.indexOf('Examples:'));
    const commands = [...listed.matchAll(/^  ([a-z]+)(?:\|\w+)? /gm)].map((match) => match[1] as string).filter((name) => name !== 'help');
    expect(commands).toEqual(reference.commands.filter((command) => !command.name.includes(' ')).map((command) => command.name));
    expect(commands).toContain('completion');
    // A command of commands (source) has each of its own in the reference too, with its options.
    expect(reference.commands.map((command) => command.name)).toEqual(expect.arrayContaining(['source add', 'source list', 'source remove']));
    for (const name of reference.commands.map((command) => command.name)) {
      const help = await runInProcess([...name.split(' '), '--help', '--lang', 'en']);
      // Each option's term (`-n, --limit <n>`) and each example line, as --help prints them.
      const terms = [...help.stdout.matchAll(/^  (-[^ ].*?)(?:  |$)/gm)].map((match) => match[1] as string);
      const examples = [...help.stdout.matchAll(/^  \$ (.*)$/gm)].map((match) => match[1] as string);
      if (name !== 'source remove') expect(terms.length, name).toBeGreaterThan(0);
      if (!name.includes(' ')) expect(examples.length, name).toBeGreaterThan(0);
      for (const text of [...terms, ...examples]) expect(markdown, `${name}: ${text}`).toContain(text);
    }
    expect(markdown).toContain('--subtitle <text>');
    expect(markdown).toContain('id,title,subtitle,author');
  });

  /** A program whose help says things that are markup in Markdown and requests in roff. */
  const hostile: Reference = {
    version: '9.9.9',
    description: 'A board.\n.TH EVIL 1\nNo more',
    usage: 'postboard [options] [command]',
    globalOptions: [{ term: '--db <location>', description: "postgres://… <script>alert(1)</script> | *not bold* _x_ [link](http://evil.example) www.example.com a@b.kr :smile:" }],
    commands: [
      {
        name: 'list',
        aliases: ['ls'],
        usage: 'postboard list|ls [options]',
        description: ".so /etc/passwd\n'br\n\\fBbold\\fR and \\\\ a backslash",
        arguments: [{ term: '<id|`x`>', description: '.\\" a comment that is not one' }],
        options: [{ term: '-f, --format <format>', description: '"quoted" and $x^2$ and ~~struck~~ and `code`' }],
        examples: [
          ['postboard list --search "```" | grep x', '```  and a fence inside'],
          ['.TH X 1', "'\\fB"],
        ],
      },
    ],
    examples: [['postboard list', '# not a heading']],
    environment: 'Environment:\n.SH EVIL\n  POSTBOARD_DB  \\e[31m',
    titles: { examples: '.Examples:', options: "'Options:", arguments: '*Arguments:*' },
  };

  it('shows help text in Markdown as text, never as markup (CommonMark with GFM)', () => {
    const html = micromark(referenceMarkdown(hostile), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    // The only links are the document's own; no tag, emphasis, strike-through or script is made of help text.
    expect(new Set([...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]))).toEqual(new Set(['#postboard-list', 'usage.md', 'formats.md']));
    expect(html).not.toMatch(/<(script|em|strong|del|img)\b/);
    const text = shown(html);
    for (const piece of [
      'postgres://… <script>alert(1)</script> | *not bold* _x_ [link](http://evil.example) www.example.com a@b.kr :smile:',
      '"quoted" and $x^2$ and ~~struck~~ and `code`',
      '<id|`x`>',
      'postboard list --search "```" | grep x',
      '# ```  and a fence inside',
    ]) {
      expect(text).toContain(piece);
    }
  });

  it('never lets help text make a roff request or escape', () => {
    const roff = referenceRoff(hostile);
    const requests = roff.split('\n').filter((line) => /^[.']/.test(line));
    // Only the page's own macros start a line; none of the help text's lines does.
    for (const line of requests) expect(line).toMatch(/^(\.\\" Generated|\.(TH POSTBOARD|SH|SS|TP|PP|RS|RE|nf|fi|B|br|ad|nh)\b)/);
    expect(roff).not.toMatch(/^\.(TH EVIL|so|SH EVIL)/m);
    // Every backslash in the page is one of its own escapes.
    expect(roff.replace(/\\(\(rs|\(dq|-|&|:|\[u[0-9A-F]{4,6}\]|f[BRI]|")/g, '')).not.toContain('\\');
    expect(roff).toMatch(/^[\x20-\x7e\n]*$/);
    expect(roffText('.TH\n\'br\nx.y\n')).toBe('\\&.TH\n\\&\'br\nx.y\n');
    expect(roffText('\\fB -- "a" 부제 id,title')).toBe('\\(rsfB \\-\\- \\(dqa\\(dq \\[uBD80]\\[uC81C] id,\\:title');
  });

  it('renders with groff as the text it was given, without warnings', () => {
    const groff = spawnSync('groff', ['-ww', '-man', '-Tutf8'], { input: referenceRoff(hostile), encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
    expect(groff.error).toBeUndefined();
    expect(groff.stderr).toBe('');
    const text = groff.stdout.replace(/\x1b\[[\d;]*m/g, '').replace(/.\x08/g, '').replace(/\s+/g, ' ');
    for (const piece of ['A board. .TH EVIL 1 No more', ".so /etc/passwd 'br \\fBbold\\fR and \\\\ a backslash", '.TH X 1', "# '\\fB", '.SH EVIL', 'POSTBOARD_DB \\e[31m']) {
      expect(text).toContain(piece);
    }
    const page = spawnSync('groff', ['-ww', '-z', '-man', '-Tutf8', join(ROOT, 'man/postboard.1')], { encoding: 'utf8' });
    expect(page.stderr).toBe('');
  });
});
