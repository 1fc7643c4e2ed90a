import { visibleBlock } from '../render/sanitize.js';
import type * as Prompts from '../vendor/prompts.js';

export interface MultilineConfig {
  message: string;
  /** Shown after the message: how to finish. */
  hint: string;
  validate?: (value: string) => true | string;
}

/**
 * A prompt for a body typed in the terminal when no editor is set: Enter starts a new line, an
 * empty line starts a new paragraph, and Enter on an empty line twice (or at once, for no body)
 * finishes. Built on the prompt library's own core, so Ctrl+C and the screen behave like every
 * other question.
 */
export function multilinePrompt(prompts: typeof Prompts) {
  const { createPrompt, isEnterKey, makeTheme, usePrefix, useKeypress, useState } = prompts;
  return createPrompt<string, MultilineConfig>((config, done) => {
    const theme = makeTheme({});
    const [lines, setLines] = useState<string[]>([]);
    const [current, setCurrent] = useState('');
    const [status, setStatus] = useState<'idle' | 'done'>('idle');
    const [error, setError] = useState<string | undefined>(undefined);
    const prefix = usePrefix({ status, theme });

    useKeypress((key, rl) => {
      if (status !== 'idle') return;
      if (!isEnterKey(key)) {
        setCurrent(rl.line);
        setError(undefined);
        return;
      }
      const finished = current === '' && (lines.length === 0 || lines.at(-1) === '');
      if (!finished) {
        setLines([...lines, current]);
        setCurrent('');
        return;
      }
      const value = lines.join('\n').trim();
      const valid = config.validate?.(value) ?? true;
      if (valid !== true) {
        setError(valid);
        return;
      }
      setStatus('done');
      done(value);
    });

    const message = theme.style.message(config.message, status);
    if (status === 'done') {
      const count = lines.filter((line) => line !== '').length;
      return `${prefix} ${message} ${theme.style.answer(count === 0 ? '-' : `(${count})`)}`;
    }
    // Pasted text is shown as it will be stored, with nothing in it acting on the terminal.
    const typed = visibleBlock([...lines, current].join('\n'));
    return [`${prefix} ${message} ${theme.style.help(config.hint)}\n${typed}`, error ? theme.style.error(error) : ''];
  });
}
