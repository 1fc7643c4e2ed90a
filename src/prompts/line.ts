import type * as Prompts from '../lazy/prompts.js';
import { visibleLine } from '../render/sanitize.js';

/**
 * A field being edited: the line starts as the current value, and what is in the line when
 * Enter is pressed is the answer — an emptied line is an empty field (the prompt library's own
 * input would bring its default back). Checked as typed, by the same rule as the flags.
 */
export interface LineConfig {
  message: string;
  initial: string;
  validate: (value: string) => true | string | Promise<true | string>;
  /** The look the other prompts have (see promptTheme). */
  theme?: object;
}

export function linePrompt(prompts: typeof Prompts) {
  const { createPrompt, isEnterKey, makeTheme, useEffect, usePrefix, useKeypress, useState } = prompts;
  return createPrompt<string, LineConfig>((config, done) => {
    const theme = makeTheme(config.theme as Parameters<typeof makeTheme>[0]);
    const [status, setStatus] = useState<'idle' | 'done'>('idle');
    const [value, setValue] = useState(config.initial);
    const [error, setError] = useState<string | undefined>(undefined);
    const prefix = usePrefix({ status, theme });
    useKeypress(async (key, rl) => {
      if (status !== 'idle') return;
      if (!isEnterKey(key)) {
        setValue(rl.line);
        setError(undefined);
        return;
      }
      const valid = await config.validate(value);
      if (valid !== true) {
        // Enter cleared the line: put it back, to be fixed rather than typed again.
        rl.write(value);
        setError(valid);
        return;
      }
      setStatus('done');
      done(value);
    });
    useEffect((rl) => {
      rl.write(config.initial);
    }, []);
    const message = theme.style.message(config.message, status);
    // The value stays exact; what is shown of it is made visible (a stored escape sequence never acts).
    if (status === 'done') return `${prefix} ${message} ${theme.style.answer(visibleLine(value))}`;
    return [`${prefix} ${message} ${visibleLine(value)}`, error ? theme.style.error(error) : ''];
  });
}
