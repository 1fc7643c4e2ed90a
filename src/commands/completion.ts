import type { Command, Option } from 'commander';
import { PERIODS } from '../board/dates.js';
import { STATUSES } from '../board/post.js';
import { departmentsByUse, SORT_KEYS } from '../board/query.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { LANGS, type Lang } from '../i18n.js';
import { ADD_FORMATS } from './add.js';
import { CHECK_FORMATS } from './check.js';
import { ENCODINGS, EXPORT_FORMATS } from './export.js';
import { examples } from './help.js';
import { LIST_FORMATS } from './list.js';
import { SHOW_FORMATS } from './show.js';
import { GROUPINGS } from './stats.js';
import { IMPORT_FORMATS } from '../formats/records.js';

export const name = 'completion';
export const aliases: readonly string[] = [];
/** The script describes every command, so every command is built in full. */
export const needsEveryCommand = true;

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

interface CompletionText {
  description: string;
  shell: string;
  departments: string;
  examples: [string, string][];
}

const TEXT: Record<Lang, CompletionText> = {
  en: {
    description: 'Print a shell completion script (commands, options, known values, the board\'s departments)',
    shell: `${SHELLS.join(', ')}`,
    departments: 'print the departments on the board, one per line (the scripts use it)',
    examples: [
      ['postboard completion bash > ~/.local/share/bash-completion/completions/postboard', 'bash'],
      ['postboard completion zsh > "${fpath[1]}/_postboard"', 'zsh (then restart it)'],
      ['postboard completion fish > ~/.config/fish/completions/postboard.fish', 'fish'],
    ],
  },
  ko: {
    description: '셸 자동 완성 스크립트 출력 (명령, 옵션, 정해진 값, 게시판의 부서)',
    shell: `${SHELLS.join(', ')}`,
    departments: '게시판의 부서를 한 줄에 하나씩 출력 (스크립트가 씀)',
    examples: [
      ['postboard completion bash > ~/.local/share/bash-completion/completions/postboard', 'bash'],
      ['postboard completion zsh > "${fpath[1]}/_postboard"', 'zsh (셸을 다시 시작)'],
      ['postboard completion fish > ~/.config/fish/completions/postboard.fish', 'fish'],
    ],
  },
};

export const summary = (lang: Lang): string => TEXT[lang].description;

/** Values an option takes, when they are known: a list, the board's departments, or files. */
type Values = readonly string[] | 'departments' | 'files';

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
      return command === 'add' || command === 'edit' ? STATUSES : [...STATUSES, 'all'];
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

interface CommandSpec {
  names: string[];
  description: string;
  options: { long: string; short?: string; takesValue: boolean; description: string; values?: Values }[];
  /** The command takes a file as its argument (import). */
  fileArgument: boolean;
}

function describeCommands(program: Command): { commands: CommandSpec[]; global: CommandSpec['options'] } {
  const options = (command: Command, name: string) =>
    command.options
      .filter((option: Option) => option.long)
      .map((option: Option) => ({
        long: option.long as string,
        short: option.short,
        takesValue: option.required || option.optional,
        description: option.description,
        values: valuesOf(option.long as string, name),
      }));
  const commands = program.commands.map((command) => ({
    names: [command.name(), ...command.aliases()],
    description: command.description(),
    options: [...options(command, command.name()), { long: '--help', short: '-h', takesValue: false, description: '' }],
    fileArgument: command.name() === 'import',
  }));
  commands.push({ names: ['help'], description: 'help', options: [], fileArgument: false });
  return { commands, global: options(program, '') };
}

export function register(program: Command, ctx: Context): void {
  const text = TEXT[ctx.lang];
  program
    .command(name)
    .description(text.description)
    .argument('[shell]', text.shell)
    .option('--departments', text.departments)
    .addHelpText('after', examples(ctx.lang, text.examples))
    .action(async (shell: string | undefined, raw: { departments?: boolean }) => {
      if (raw.departments) {
        const board = await ctx.board().read().catch(() => undefined);
        return ctx.out(departmentsByUse(board?.posts ?? []));
      }
      if (!(SHELLS as readonly string[]).includes(shell ?? '')) throw new UsageError(ctx.t.usage.oneOf('shell', SHELLS, shell ?? ''), name);
      ctx.out(SCRIPTS[shell as Shell](describeCommands(program)));
    });
}

/**
 * Options that take a value, once each, with the short flags that mean the same in every command
 * (`-a` is --author in add but --all in list: a short like that is left out).
 */
function valueOptions({ commands, global }: ReturnType<typeof describeCommands>): { names: string[]; long: string; values?: Values }[] {
  const all = [...global, ...commands.flatMap((command) => command.options)];
  const shortTakesValue = new Map<string, Set<boolean>>();
  for (const option of all) if (option.short) shortTakesValue.set(option.short, (shortTakesValue.get(option.short) ?? new Set()).add(option.takesValue));
  const byLong = new Map<string, { names: Set<string>; values?: Values }>();
  for (const option of all.filter((candidate) => candidate.takesValue)) {
    const entry = byLong.get(option.long) ?? { names: new Set([option.long]), values: option.values };
    if (option.short && shortTakesValue.get(option.short)?.size === 1) entry.names.add(option.short);
    byLong.set(option.long, entry);
  }
  return [...byLong].map(([long, entry]) => ({ long, names: [...entry.names], values: entry.values }));
}

/**
 * Shell code that finds the subcommand in the words typed so far (and the --db given, for the
 * departments): bash and zsh share it, with their own names for the words.
 */
const findCommand = (words: string, from: number, current: string) => `  for ((i = ${from}; i < ${current}; i++)); do
    case \${${words}[i]} in
      --db) db=\${${words}[i+1]}; ((i++)) ;;
      --lang) ((i++)) ;;
      -*) ;;
      *) [[ -z $cmd ]] && cmd=\${${words}[i]} ;;
    esac
  done`;

/** Every flag of some options, long and short, for a word list. */
const flags = (options: CommandSpec['options']) => options.flatMap((option) => [option.long, ...(option.short ? [option.short] : [])]).join(' ');

const word = (text: string) => text.replace(/[^\w.,:/@+-]/g, (c) => `\\${c}`);
const singleQuoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

const SCRIPTS: Record<Shell, (spec: ReturnType<typeof describeCommands>) => string> = {
  bash: ({ commands, global }) => {
    const valueCase = (option: ReturnType<typeof valueOptions>[number]) => {
      const names = option.names.join('|');
      if (option.long === '--format') {
        const perCommand = commands
          .filter((command) => FORMATS[command.names[0] ?? ''])
          .map((command) => `        ${command.names.join('|')}) words=${singleQuoted((FORMATS[command.names[0] ?? ''] ?? []).join(' '))} ;;`)
          .join('\n');
        return `    ${names})\n      case $cmd in\n${perCommand}\n        *) words='' ;;\n      esac\n      COMPREPLY=($(compgen -W "$words" -- "$cur")); return ;;`;
      }
      if (option.values === 'files') return `    ${names}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`;
      if (option.values === 'departments') {
        return `    ${names}) local departments; departments=$(postboard completion --departments \${db:+--db "$db"} 2>/dev/null); local IFS=$'\\n'; COMPREPLY=($(compgen -W "$departments" -- "$cur")); return ;;`;
      }
      if (option.values) return `    ${names}) COMPREPLY=($(compgen -W ${singleQuoted(option.values.join(' '))} -- "$cur")); return ;;`;
      return `    ${names}) return ;;`;
    };
    const valueCases = valueOptions({ commands, global }).map(valueCase).join('\n');
    const commandCases = commands
      .map((command) => {
        const options = singleQuoted(`${flags(command.options)} ${flags(global)}`.trim());
        const files = command.fileArgument ? `[[ $cur == -* ]] || { COMPREPLY=($(compgen -f -- "$cur")); return; }; ` : '';
        const help = command.names[0] === 'help' ? `COMPREPLY=($(compgen -W ${singleQuoted(commands.map((c) => c.names[0]).join(' '))} -- "$cur")); return; ` : '';
        return `    ${command.names.join('|')}) ${help}${files}COMPREPLY=($(compgen -W ${options} -- "$cur")) ;;`;
      })
      .join('\n');
    return `# bash completion for postboard. Load it with:  source <(postboard completion bash)
_postboard() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd= db= words= i
${findCommand('COMP_WORDS', 1, 'COMP_CWORD')}
  case $prev in
${valueCases}
  esac
  case $cmd in
    '') COMPREPLY=($(compgen -W ${singleQuoted(`${commands.flatMap((command) => command.names).join(' ')} ${flags(global)} --help --version`)} -- "$cur")) ;;
${commandCases}
  esac
}
complete -o default -F _postboard postboard
`;
  },

  zsh: ({ commands, global }) => {
    const describe = commands.map((command) => singleQuoted(`${command.names[0]?.replace(/:/g, '\\:')}:${command.description}`)).join('\n    ');
    const valueCases = valueOptions({ commands, global })
      .map((option) => {
        const names = option.names.join('|');
        if (option.long === '--format') {
          const perCommand = commands
            .filter((command) => FORMATS[command.names[0] ?? ''])
            .map((command) => `        ${command.names.join('|')}) compadd -- ${(FORMATS[command.names[0] ?? ''] ?? []).join(' ')} ;;`)
            .join('\n');
          return `    ${names})\n      case $cmd in\n${perCommand}\n      esac\n      return ;;`;
        }
        if (option.values === 'files') return `    ${names}) _files; return ;;`;
        if (option.values === 'departments') {
          return `    ${names}) local -a departments; departments=("\${(@f)$(postboard completion --departments \${db:+--db $db} 2>/dev/null)}"); compadd -a departments; return ;;`;
        }
        if (option.values) return `    ${names}) compadd -- ${option.values.join(' ')}; return ;;`;
        return `    ${names}) return ;;`;
      })
      .join('\n');
    const commandCases = commands
      .map((command) => {
        if (command.names[0] === 'help') return `    help) _describe 'command' commands ;;`;
        const files = command.fileArgument ? `[[ $current == -* ]] || { _files; return; }; ` : '';
        return `    ${command.names.join('|')}) ${files}compadd -- ${flags(command.options)} ${flags(global)} ;;`;
      })
      .join('\n');
    return `#compdef postboard
# zsh completion for postboard. Put it in a folder on $fpath as _postboard, or: source <(postboard completion zsh)
_postboard() {
  local -a commands
  commands=(
    ${describe}
  )
  local cmd= db= i current=\${words[CURRENT]} prev=\${words[CURRENT-1]}
${findCommand('words', 2, 'CURRENT')}
  case $prev in
${valueCases}
  esac
  if [[ -z $cmd ]]; then
    if [[ $current == -* ]]; then compadd -- ${flags(global)} --help --version; else _describe 'command' commands; fi
    return
  fi
  case $cmd in
${commandCases}
  esac
}
if [[ \${funcstack[1]} == _postboard ]]; then _postboard "$@"; else compdef _postboard postboard; fi
`;
  },

  fish: ({ commands, global }) => {
    const all = commands.flatMap((command) => command.names).join(' ');
    const lines = ['# fish completion for postboard. Put it in ~/.config/fish/completions/postboard.fish', 'complete -c postboard -f'];
    for (const command of commands) {
      lines.push(`complete -c postboard -n "not __fish_seen_subcommand_from ${all}" -a ${word(command.names[0] ?? '')} -d ${singleQuoted(command.description)}`);
    }
    const optionLine = (option: CommandSpec['options'][number], condition: string) => {
      const parts = [`complete -c postboard${condition} -l ${option.long.slice(2)}`];
      if (option.short) parts.push(`-s ${option.short.slice(1)}`);
      if (option.values === 'files') parts.push('-r -F');
      else if (option.values === 'departments') parts.push(`-x -a ${singleQuoted('(postboard completion --departments 2>/dev/null)')}`);
      else if (option.values) parts.push(`-x -a ${singleQuoted(option.values.join(' '))}`);
      else if (option.takesValue) parts.push('-x');
      if (option.description) parts.push(`-d ${singleQuoted(option.description)}`);
      return parts.join(' ');
    };
    for (const option of global) lines.push(optionLine(option, ''));
    for (const command of commands) {
      const condition = ` -n "__fish_seen_subcommand_from ${command.names.join(' ')}"`;
      if (command.fileArgument) lines.push(`complete -c postboard${condition} -F`);
      if (command.names[0] === 'help') lines.push(`complete -c postboard${condition} -a ${singleQuoted(commands.map((c) => c.names[0]).join(' '))}`);
      for (const option of command.options) {
        if (option.long === '--format') lines.push(optionLine({ ...option, values: FORMATS[command.names[0] ?? ''] }, condition));
        else if (option.long !== '--help') lines.push(optionLine(option, condition));
      }
    }
    return `${lines.join('\n')}\n`;
  },
};
