import type { Command, Option } from 'commander';
import { PERIODS } from '../board/dates.js';
import { STATUSES } from '../board/post.js';
import { SORT_KEYS, withoutInvisible } from '../board/query.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { LANGS, type Lang, MESSAGES } from '../i18n/index.js';
import { visibleLine } from '../render/sanitize.js';
import { examples } from '../cmdutil/examples.js';
import { IMPORT_FORMATS } from '../formats/records.js';
import { ADD_FORMATS, CHECK_FORMATS, ENCODINGS, EXPORT_FORMATS, GROUPINGS, LIST_FORMATS, SHELLS, SHOW_FORMATS } from '../cmdutil/choices.js';

/**
 * Shell completion the way gh does it: each shell's script is a few lines that call back the
 * hidden command `postboard __complete <shell> -- <words typed>`, which answers from the command
 * definitions themselves (commander's) and from the board. The answer is data, one candidate per
 * line — never shell code: no candidate is ever expanded, evaluated or globbed by the shell, so
 * a department named `$(touch /tmp/x)` completes as that text and nothing runs.
 */

export const name = 'completion';
/** What follows the name in `postboard --help`'s list of commands. */
export const term = '[options] [shell]';
export const aliases: readonly string[] = [];
/** The script describes every command, so every command is built in full. */
export const needsEveryCommand = true;

type Shell = (typeof SHELLS)[number];

export interface CompletionText {
  description: string;
  shell: string;
  departments: string;
  examples: [string, string][];
}


export const summary = (lang: Lang): string => MESSAGES[lang].commands.completion.description;

/** What an option's value can be: a fixed list, the board's departments, or a file name. */
type Values = readonly string[] | 'departments' | 'files';

/** Each command's `--format` choices. */
const FORMATS: Record<string, readonly string[]> = {
  list: LIST_FORMATS,
  show: SHOW_FORMATS,
  add: ADD_FORMATS,
  edit: ADD_FORMATS,
  export: EXPORT_FORMATS,
  import: IMPORT_FORMATS,
  check: CHECK_FORMATS,
  stats: ['table', 'json'],
};

function valuesOf(option: string, command: string): Values | undefined {
  switch (option) {
    case '--format':
      return FORMATS[command];
    case '--status':
      return command === 'add' || command === 'edit' ? [...STATUSES, '노출', '비노출'] : [...STATUSES, '노출', '비노출', 'all'];
    case '--sort':
      return SORT_KEYS;
    case '--period':
      return PERIODS;
    case '--lang':
    case '--header':
      return LANGS;
    case '--encoding':
      return ENCODINGS;
    case '--by':
      return GROUPINGS;
    case '--department':
      return 'departments';
    case '--db':
    case '--output':
    case '--body-file':
      return 'files';
    default:
      return undefined;
  }
}

export function register(program: Command, ctx: Context): void {
  const text = ctx.t.commands.completion;
  program
    .command(name)
    .description(text.description)
    .argument('[shell]', text.shell)
    .option('--departments', text.departments)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (shell: string | undefined, raw: { departments?: boolean }) => {
      if (raw.departments) {
        return ctx.say(await ctx.board().departments().catch(() => []));
      }
      if (!(SHELLS as readonly string[]).includes(shell ?? '')) throw new UsageError(ctx.t.usage.oneOf('shell', SHELLS, shell ?? ''), name);
      ctx.out(SCRIPTS[shell as Shell]);
    });
}

/** The hidden command the scripts call back on every Tab. */
export const complete = {
  name: '__complete',
  aliases: [] as readonly string[],
  term: '<shell> [words...]',
  hidden: true,
  needsEveryCommand: true,
  summary: () => '',
  register(program: Command, ctx: Context): void {
    program
      .command('__complete', { hidden: true })
      .argument('<shell>')
      .argument('[words...]')
      .helpOption(false)
      .allowUnknownOption()
      .action(async (shell: string, words: string[]) => {
        // PowerShell's script marks every word with a leading `=`: PowerShell drops an empty
        // argument to a program (the word being typed, when nothing is typed yet) and a script
        // shim (npm's postboard.ps1) eats `--`; a marked word is never empty and never an option.
        const given = shell === 'powershell' ? words.filter((word) => word !== '--').map((word) => word.replace(/^=/, '')) : words;
        ctx.out(await candidates(program, ctx, given.length > 0 ? given : ['']).catch(() => [':none']));
      });
  },
};

/** Every option of a command, by its long and short names. */
function optionsOf(command: Command): Option[] {
  return command.options.filter((option) => !option.hidden);
}

const findOption = (options: readonly Option[], flag: string): Option | undefined =>
  options.find((option) => option.long === flag || option.short === flag);

const takesValue = (option: Option | undefined): boolean => Boolean(option && (option.required || option.optional));

/** Text as a candidate: one visible line (no control characters, no line breaks, no tabs). */
const candidate = (text: string): string => visibleLine(text).replace(/\t/g, ' ');

/**
 * The completions for `words` (the words after `postboard`, the last being the one being typed),
 * one per line as `value` or `value<TAB>description`, then a directive line: `:files` to let the
 * shell complete file names, else `:none`.
 */
async function candidates(program: Command, ctx: Context, words: string[]): Promise<string[]> {
  const current = (words.at(-1) ?? '').replace(/^["']/, '');
  const typed = words.slice(0, -1);
  const globals = optionsOf(program);
  let command: Command | undefined;
  let db: string | undefined;
  /** Arguments given to the command so far (not options, not their values). */
  let positionals = 0;
  for (let i = 0; i < typed.length; i++) {
    const word = typed[i] ?? '';
    if (word === '--') break;
    const option = findOption([...globals, ...(command ? optionsOf(command) : [])], word);
    if (option) {
      if (option.long === '--db') db = typed[i + 1];
      if (takesValue(option)) i++;
      continue;
    }
    if (word.startsWith('--db=')) db = word.slice('--db='.length);
    if (word.startsWith('-')) continue;
    if (!command) command = program.commands.find((c) => c.name() === word || c.aliases().includes(word));
    else positionals++;
  }
  if (db) ctx.global.db = db;

  const previous = typed.at(-1);
  const options = [...(command ? optionsOf(command) : []), ...globals];
  const valueOf = previous ? findOption(options, previous) : undefined;
  if (previous && takesValue(valueOf)) {
    const values = valuesOf(valueOf?.long ?? '', command?.name() ?? '');
    if (values === 'files') return [':files'];
    if (values === 'departments') return [...matching(await departments(ctx), current), ':none'];
    return [...matching(values ?? [], current), ':none'];
  }

  if (current.startsWith('-')) {
    const flags = options.flatMap((option) => [option.long, option.short].filter((flag): flag is string => Boolean(flag)).map((flag) => `${flag}\t${candidate(option.description)}`));
    return [...matching([...flags, '--help'], current), ':none'];
  }
  if (!command || command.name() === 'help') {
    if (command && positionals > 0) return [':none'];
    const names = program.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden).map((c) => `${c.name()}\t${candidate(c.description())}`);
    return [...matching(names, current), ':none'];
  }
  const [argument] = command.registeredArguments;
  if (command.name() === 'import') return positionals === 0 ? [':files'] : [':none'];
  // A post number where one is wanted: `show <id>` takes one, `delete <ids...>` any number.
  if (argument && (argument.name() === 'id' || argument.name() === 'ids') && (argument.variadic || positionals === 0)) {
    return [...matching(await postNumbers(ctx), current), ':none'];
  }
  return [':none'];
}

/** The candidates that start with what is typed (NFC, any case). */
function matching(values: readonly string[], typed: string): string[] {
  const prefix = typed.normalize('NFC').toLowerCase();
  return values.filter((value) => value.normalize('NFC').toLowerCase().startsWith(prefix));
}

/**
 * The departments as a person would type them: invisible characters left out (the filters
 * ignore them too, so the completed text finds the department), the rest made visible.
 */
async function departments(ctx: Context): Promise<string[]> {
  return [...new Set((await ctx.board().departments()).map((name) => candidate(withoutInvisible(name))))].filter(Boolean);
}

/** The newest posts' numbers, with their titles to tell them apart. */
async function postNumbers(ctx: Context): Promise<string[]> {
  const { posts } = await ctx.board().page({ filter: { status: 'all' }, order: { sort: 'id', ascending: false }, offset: 0, limit: 50 });
  return posts.map((post) => `${post.id}\t${candidate(post.title)}`);
}

/**
 * The scripts: each asks `postboard __complete` and offers its lines as they are. Shell code
 * here never expands what comes back (no `compgen -W`, no unquoted `$(…)`).
 */
const SCRIPTS: Record<Shell, string> = {
  bash: `# bash completion for postboard. Load it with:  source <(postboard completion bash)
_postboard() {
  local cur=\${COMP_WORDS[COMP_CWORD]} line value quoted directive= columns=\${COLUMNS:-80}
  local -a values=() shown=()
  COMPREPLY=()
  while IFS= read -r line; do
    case $line in
      :files) directive=files ;;
      :none) ;;
      *) values+=("\${line%%$'\\t'*}"); shown+=("$line") ;;
    esac
  done < <(postboard __complete bash -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  if [[ $directive == files ]]; then
    type compopt >/dev/null 2>&1 && compopt -o filenames
    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur")
    return 0
  fi
  # Post numbers are digits: with several to choose from, each is listed with its title.
  if (( \${#values[@]} > 1 )) && [[ \${shown[0]} == [0-9]*$'\\t'* ]]; then
    for line in "\${shown[@]}"; do
      line="\${line/$'\\t'/  }"
      COMPREPLY+=("\${line:0:columns-2}")
    done
    return 0
  fi
  # Anything else is quoted as it would have to be typed, so it is inserted as text, never code:
  # inside a quote the user opened, escaped for that quote (a ! in double quotes is history
  # expansion even escaped, so it goes in single quotes: "…"'!'"…"); otherwise with backslashes.
  for value in "\${values[@]}"; do
    case $cur in
      \\"*) value=\${value//\\\\/\\\\\\\\}; value=\${value//\\$/\\\\\\$}; value=\${value//\\\`/\\\\\\\`}; value=\${value//\\"/\\\\\\"}; value=\${value//!/\\"\\'!\\'\\"}; quoted="\\"$value" ;;
      \\'*) quoted="'\${value//\\'/\\'\\\\\\'\\'}" ;;
      *) printf -v quoted '%q' "$value" ;;
    esac
    COMPREPLY+=("$quoted")
  done
  return 0
}
complete -F _postboard postboard
`,

  zsh: `#compdef postboard
# zsh completion for postboard. Put it in a folder on $fpath as _postboard, or: source <(postboard completion zsh)
_postboard() {
  local line value directive=
  local -a lines described plain
  lines=("\${(@f)$(postboard __complete zsh -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  for line in "\${lines[@]}"; do
    case $line in
      :files) directive=files ;;
      :none) ;;
      *\$'\\t'*) value=\${line%%$'\\t'*}; described+=("\${value//:/\\\\:}:\${line#*$'\\t'}") ;;
      ?*) plain+=("$line") ;;
    esac
  done
  if [[ $directive == files ]]; then _files; return; fi
  # -V: in postboard's order (newest post first), not sorted again.
  (( \${#described} )) && _describe -V -t values 'value' described
  (( \${#plain} )) && compadd -V plain -a plain
  return 0
}
if [[ \${funcstack[1]} == _postboard ]]; then _postboard "$@"; else compdef _postboard postboard; fi
`,

  powershell: `# PowerShell completion for postboard (Windows PowerShell 5.1 and PowerShell 7). Load it in your profile:
#   postboard completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName postboard, postboard.cmd -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    # The words before the one being typed, as PowerShell reads them (quotes taken off), then that one.
    $words = @()
    foreach ($element in @($commandAst.CommandElements | Select-Object -Skip 1)) {
        if ($element.Extent.EndOffset -ge $cursorPosition) { break }
        if ($element -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $words += $element.Value }
        else { $words += $element.Extent.Text }
    }
    $words += $wordToComplete
    # The same command as typed (postboard.cmd where scripts may not run), each word marked with
    # '=' so that none is empty or taken for an option; its answer is UTF-8, read as UTF-8.
    $program = if ($commandAst.GetCommandName() -like '*.cmd') { 'postboard.cmd' } else { 'postboard' }
    $encoding = [Console]::OutputEncoding
    try {
        [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false
        $lines = @(& $program __complete powershell @($words | ForEach-Object { '=' + $_ }) 2>$null)
    } catch {
        $lines = @()
    } finally {
        try { [Console]::OutputEncoding = $encoding } catch { }
    }
    # Each candidate is inserted as text, never as code: quoted unless it is a plain word.
    foreach ($line in $lines) {
        if ($line -eq ':files' -or $line -eq ':none' -or $line -eq '') { continue }
        $parts = $line.Split([char]9, 2)
        $value = $parts[0]
        $description = if ($parts.Count -gt 1 -and $parts[1]) { $parts[1] } else { $value }
        $text = if ($value -match '^[\\w.\\-/\\\\:+=]+$' -and $value -notmatch '^[@~]') { $value } else { "'" + ($value -replace "['\\u2018\\u2019\\u201A\\u201B]", '$0$0') + "'" }
        [System.Management.Automation.CompletionResult]::new($text, $value, 'ParameterValue', $description)
    }
}
`,

  fish: `# fish completion for postboard. Put it in ~/.config/fish/completions/postboard.fish
function __postboard_complete
    set -l words (commandline -opc) (commandline -ct)
    for line in (postboard __complete fish -- $words[2..-1] 2>/dev/null)
        switch $line
            case ':files'
                __fish_complete_path (commandline -ct)
            case ':none'
            case '*'
                printf '%s\\n' $line
        end
    end
end
complete -c postboard -f -k -a '(__postboard_complete)'
`,
};
