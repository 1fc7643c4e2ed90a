import { emitKeypressEvents } from 'node:readline';
import { Cancelled } from '../errors.js';
import type { Lang } from '../i18n.js';
import type { IO } from '../io.js';
import { visibleBlock } from '../render/sanitize.js';
import { simpleMeasure, needsClusters } from '../render/width.js';
import type * as Prompts from '../vendor/prompts.js';

/**
 * The body typed or pasted at the terminal, when no editor is set. A pasted press release
 * arrives whole, blank lines and all: Enter only ever starts a new line, and the body ends with
 * Ctrl+D — a key no paste can contain (as `cat` ends its input). Terminals that mark pastes
 * (bracketed paste) are asked to, so a paste is taken as one piece however it is made.
 *
 * Its own small reader rather than a prompt library's line editor: pasting 3,000 characters
 * into a prompt that redraws itself on every key is slow, and readline ends its input on Ctrl+D.
 * It starts from `initial` (the current body, when editing), with the cursor at its end.
 */
export interface BodyPromptOptions {
  io: IO;
  lang: Lang;
  message: string;
  initial: string;
  validate: (text: string) => true | string;
  /** The look of the other prompts (their theme), so this one matches. */
  theme: ReturnType<typeof Prompts.makeTheme>;
  cancelled: string;
}

const TEXT: Record<Lang, { hint: (editing: boolean) => string; lines: (count: number) => string; none: string }> = {
  en: {
    hint: (editing) => `(Enter for a new line, Ctrl+D to finish${editing ? ' — Ctrl+D now keeps it as it is' : ''}; Ctrl+U clears a line)`,
    lines: (count) => `${count} ${count === 1 ? 'line' : 'lines'}`,
    none: '(no body)',
  },
  ko: {
    hint: (editing) => `(Enter는 줄바꿈, 끝내려면 Ctrl+D${editing ? ' — 지금 Ctrl+D면 그대로 둡니다' : ''}; Ctrl+U는 한 줄 지우기)`,
    lines: (count) => `${count}줄`,
    none: '(내용 없음)',
  },
};

interface Key {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  sequence?: string;
}

const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';

/** How many lines a body has, as a person counts them (a trailing line break is not another line). */
export const lineCount = (text: string): number => (text === '' ? 0 : text.replace(/\n+$/, '').split('\n').length);

export function askBody(options: BodyPromptOptions): Promise<string> {
  const { io, theme } = options;
  const text = TEXT[options.lang];
  const input = io.stdin as IO['stdin'] & { setRawMode?: (raw: boolean) => unknown; isRaw?: boolean };
  const output = io.stdout;
  const columns = () => Math.max(10, output.columns ?? 80);
  const width = (line: string) => {
    const shown = visibleBlock(line);
    // Rare clustered text is measured code point by code point: close enough for where to redraw from.
    return needsClusters(shown) ? [...shown].length * 2 : simpleMeasure.width(shown);
  };
  const rows = (line: string) => Math.max(1, Math.ceil(width(line) / columns()));
  const prefix = (status: 'idle' | 'done') => (typeof theme.prefix === 'string' ? theme.prefix : theme.prefix[status]);

  return new Promise<string>((resolve, reject) => {
    let body = options.initial;
    let pasting = false;
    let afterReturn = false;
    let pending = '';
    let flushScheduled = false;
    const flush = () => {
      flushScheduled = false;
      if (pending) output.write(pending);
      pending = '';
    };
    const write = (piece: string) => {
      pending += piece;
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    };
    const lastLine = () => body.slice(body.lastIndexOf('\n') + 1);
    /** Moves to the start of the last line on screen, clears to the end, and draws `line` there. */
    const redrawLastLine = (shownBefore: string, line: string) => {
      const up = rows(shownBefore) - 1;
      write(`\r${up > 0 ? `\x1b[${up}A` : ''}\x1b[J${visibleBlock(line)}`);
    };

    const wasRaw = input.isRaw;
    const finish = (error?: unknown) => {
      input.removeListener('keypress', onKey);
      flush();
      output.write(BRACKETED_PASTE_OFF);
      input.setRawMode?.(Boolean(wasRaw));
      input.pause();
      if (error) return reject(error);
      output.write(`${body.endsWith('\n') || body === '' ? '' : '\n'}${prefix('done')} ${theme.style.message(options.message, 'done')} ${theme.style.answer(lineCount(body.trim()) === 0 ? text.none : text.lines(lineCount(body.trim())))}\n`);
      resolve(body);
    };

    const insert = (piece: string) => {
      body += piece;
      write(visibleBlock(piece));
    };

    const backspace = () => {
      if (body === '') return;
      if (body.endsWith('\n')) {
        // Join with the line above: go up to its start and draw it again.
        body = body.slice(0, -1);
        const line = lastLine();
        const up = rows(line);
        write(`\r\x1b[${up}A\x1b[J${visibleBlock(line)}`);
        return;
      }
      const before = lastLine();
      const chars = [...body];
      chars.pop();
      body = chars.join('');
      redrawLastLine(before, lastLine());
    };

    const onKey = (character: string | undefined, key: Key | undefined) => {
      const name = key?.name;
      if (name === 'paste-start') return void (pasting = true);
      if (name === 'paste-end') return void (pasting = false);
      if (key?.ctrl && name === 'c') return finish(new Cancelled(options.cancelled));
      if (!pasting && name === 'escape') return finish(new Cancelled(options.cancelled));
      if (key?.ctrl && name === 'd') {
        const valid = options.validate(body.trim());
        if (valid === true) return finish();
        write(`\n${theme.style.error(valid)}\n${visibleBlock(body)}`);
        return;
      }
      if (name === 'return' || name === 'enter') {
        // A pasted CRLF is one line break, not two.
        if (name === 'enter' && afterReturn) {
          afterReturn = false;
          return;
        }
        afterReturn = name === 'return';
        return insert('\n');
      }
      afterReturn = false;
      if (name === 'backspace') return backspace();
      if (key?.ctrl && name === 'u') {
        const before = lastLine();
        body = body.slice(0, body.length - before.length);
        return redrawLastLine(before, '');
      }
      if (name === 'tab') return insert('\t');
      // Text, typed or pasted; keys that move or do something else are not text.
      if (typeof character === 'string' && character !== '' && !key?.ctrl && !key?.meta) insert(character);
    };

    output.write(`${prefix('idle')} ${theme.style.message(options.message, 'idle')} ${theme.style.help(text.hint(options.initial !== ''))}\n${BRACKETED_PASTE_ON}`);
    if (body) write(visibleBlock(body));
    emitKeypressEvents(input);
    input.setRawMode?.(true);
    input.on('keypress', onKey);
    input.resume();
  });
}
