import { emitKeypressEvents } from 'node:readline';
import { Cancelled } from '../errors.js';
import { type Lang, MESSAGES } from '../i18n/index.js';
import { osOf, type IO } from '../io.js';
import { visibleBlock } from '../render/sanitize.js';
import { simpleMeasure, needsClusters } from '../render/width.js';
import type * as Prompts from '../lazy/prompts.js';

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

/** `12 lines`, `12줄`, or `(no body)`: what a body prompt says of the body it took. */
export const bodySummary = (lang: Lang, body: string): string => {
  const count = lineCount(body.trim());
  return count === 0 ? MESSAGES[lang].prompts.body.none : MESSAGES[lang].prompts.body.lines(count);
};

export function askBody(options: BodyPromptOptions): Promise<string> {
  const { io, theme } = options;
  const text = MESSAGES[options.lang].prompts.body;
  // On Windows Ctrl+Z is how a console's input ends (as Ctrl+D is elsewhere): it ends the body too.
  const windows = osOf(io) === 'win32';
  const endKey = windows ? 'Ctrl+Z' : 'Ctrl+D';
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
    const question = (editing: boolean) => `${prefix('idle')} ${theme.style.message(options.message, 'idle')} ${theme.style.help(text.hint(editing, endKey))}`;
    /** The question as measured on screen: without its colours. */
    const plain = (line: string) => line.replace(/\x1b\[[\d;]*m/g, '');
    const lastLine = () => body.slice(body.lastIndexOf('\n') + 1);
    /** Moves to the start of the last line on screen, clears to the end, and draws `line` there. */
    const redrawLastLine = (shownBefore: string, line: string) => {
      const up = rows(shownBefore) - 1;
      write(`\r${up > 0 ? `\x1b[${up}A` : ''}\x1b[J${visibleBlock(line)}`);
    };

    const wasRaw = input.isRaw;
    const finish = (error?: unknown) => {
      input.removeListener('keypress', onKey);
      // What comes next (the summary, or the cancel message) starts on a line of its own.
      if (error && !body.endsWith('\n') && body !== '') write('\n');
      flush();
      output.write(BRACKETED_PASTE_OFF);
      input.setRawMode?.(Boolean(wasRaw));
      input.pause();
      if (error) return reject(error);
      output.write(`${body.endsWith('\n') || body === '' ? '' : '\n'}${prefix('done')} ${theme.style.message(options.message, 'done')} ${theme.style.answer(bodySummary(options.lang, body))}\n`);
      resolve(body);
    };

    const insert = (piece: string) => {
      const before = lastLine();
      body += piece;
      // A letter that joins the one before it (a combining mark, a ZWJ emoji part) changes how
      // that one looks: the line is drawn again rather than the letter put after it.
      if (!pasting && piece !== '\n' && needsClusters(before.slice(-2) + piece)) return redrawLastLine(before, lastLine());
      write(visibleBlock(piece));
    };

    let segmenter: Intl.Segmenter | undefined;
    /** The last letter as a person sees one (a Hangul syllable in jamo, an emoji with its joiners). */
    const lastCluster = (line: string): number => {
      if (!needsClusters(line.slice(-8))) return [...line].pop()?.length ?? 0;
      segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
      let last = '';
      for (const { segment } of segmenter.segment(line)) last = segment;
      return last.length;
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
      body = body.slice(0, body.length - lastCluster(before));
      redrawLastLine(before, lastLine());
    };

    /**
     * Clears the body on screen and in memory, and the question above it is asked again without
     * "Ctrl+D now keeps it as it is" (there is nothing left to keep).
     */
    const clearAll = () => {
      const lines = body.split('\n');
      const up = lines.reduce((sum, line) => sum + rows(line), 0) - 1 + rows(plain(shownQuestion));
      body = '';
      shownQuestion = question(false);
      write(`\r${up > 0 ? `\x1b[${up}A` : ''}\x1b[J${shownQuestion}\n`);
    };

    const onKey = (character: string | undefined, key: Key | undefined) => {
      const name = key?.name;
      if (name === 'paste-start') return void (pasting = true);
      if (name === 'paste-end') return void (pasting = false);
      if (pasting) {
        // Inside a paste every key is text: a Ctrl+C or Ctrl+D byte in it neither cancels nor
        // ends, and other control bytes are dropped (tabs and line breaks kept).
        if (name === 'return' || name === 'enter' || name === 'tab') {
          // falls through to the line-break and tab handling below
        } else {
          if (typeof character === 'string' && character !== '' && !/[\x00-\x08\x0b-\x1f\x7f]/.test(character)) insert(character);
          return;
        }
      }
      if (key?.ctrl && name === 'c') {
        const cancelled = new Cancelled(options.cancelled);
        cancelled.partial = body;
        return finish(cancelled);
      }
      // Esc does nothing here: pressed out of habit (vim) or sent as part of an Alt key, it must
      // not throw a half-written release away. Ctrl+C cancels.
      if (name === 'escape') return;
      // Ctrl+D, by its byte: the key may have been renamed for the other prompts (see withPrompts).
      // On Windows Ctrl+Z as well (Ctrl+D still works there too).
      if (key?.ctrl && (name === 'd' || key.sequence === '\x04' || (windows && (name === 'z' || key.sequence === '\x1a')))) {
        const valid = options.validate(body.trim());
        if (valid === true) return finish();
        // The message under what was typed; the last line again below it, to go on from.
        write(`\n${theme.style.error(valid)}\n${visibleBlock(lastLine())}`);
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
      if (key?.ctrl && name === 'k') return clearAll();
      if (name === 'tab') return insert('\t');
      // Esc and then a letter within half a second reach here as Alt+letter: the letter is text.
      const afterEscape = key?.meta && !key.ctrl ? /^\x1b([^\x00-\x1f\x7f])$/u.exec(key.sequence ?? '') : null;
      if (afterEscape) return insert(afterEscape[1]!);
      // Text, typed or pasted; keys that move or do something else are not text.
      if (typeof character === 'string' && character !== '' && !key?.ctrl && !key?.meta) insert(character);
    };

    let shownQuestion = question(options.initial !== '');
    output.write(`${shownQuestion}\n${BRACKETED_PASTE_ON}`);
    if (body) write(visibleBlock(body));
    emitKeypressEvents(input);
    input.setRawMode?.(true);
    input.on('keypress', onKey);
    input.resume();
  });
}
