import { type Lang, MESSAGES } from '../i18n/index.js';
import type * as Prompts from '../lazy/prompts.js';
import { visibleLine } from '../render/sanitize.js';

/**
 * A yes/no question that understands how Korean users answer it: y/yes, n/no in any case,
 * 예/네/아니요/아니오, and ㅛ/ㅜ — what typing y and n gives while the Korean keyboard is on.
 * Enter alone takes the default, which the hint says in the interface language.
 */
export interface ConfirmConfig {
  message: string;
  default: boolean;
  lang: Lang;
}

const YES = /^(y|yes|ㅛ|ㅛㄷㄴ|예|네|응|ㅇ)$/i;
const NO = /^(n|no|ㅜ|ㅜㅐ|아니요|아니오|아니|ㄴ)$/i;

/** true, false, or undefined when the answer is neither. */
export function parseYesNo(answer: string): boolean | undefined {
  const text = answer.normalize('NFC').trim();
  if (YES.test(text)) return true;
  if (NO.test(text)) return false;
  return undefined;
}


export function confirmPrompt(prompts: typeof Prompts) {
  const { createPrompt, isEnterKey, makeTheme, usePrefix, useKeypress, useState } = prompts;
  return createPrompt<boolean, ConfirmConfig>((config, done) => {
    const text = MESSAGES[config.lang].prompts.confirm;
    const theme = makeTheme({});
    const [status, setStatus] = useState<'idle' | 'done'>('idle');
    const [value, setValue] = useState('');
    const [error, setError] = useState<string | undefined>(undefined);
    const prefix = usePrefix({ status, theme });
    useKeypress((key, rl) => {
      if (status !== 'idle') return;
      if (!isEnterKey(key)) {
        setValue(rl.line);
        setError(undefined);
        return;
      }
      const answer = value.trim() === '' ? config.default : parseYesNo(value);
      if (answer === undefined) {
        setError(text.again);
        return;
      }
      setValue(answer ? text.yes : text.no);
      setStatus('done');
      done(answer);
    });
    const message = theme.style.message(config.message, status);
    if (status === 'done') return `${prefix} ${message} ${theme.style.answer(visibleLine(value))}`;
    return [`${prefix} ${message} ${theme.style.help(text.hint(config.default))} ${visibleLine(value)}`, error ? theme.style.error(error) : ''];
  });
}
