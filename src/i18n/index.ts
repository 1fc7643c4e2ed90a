import type { BoardProblem } from '../store/json/board-file.js';
import { en, type Catalogue } from './en.js';
import { ko } from './ko.js';
import type { Lang } from './shared.js';
import type { Shell } from '../platform.js';

export { chooseLang, grouped, LANGS, type Lang } from './shared.js';

/** A catalogue, and the one way a problem with a board becomes a sentence in it. */
export type Messages = Catalogue & { problem(problem: BoardProblem): string };

function withProblems(catalogue: Catalogue): Messages {
  return {
    ...catalogue,
    problem(problem: BoardProblem): string {
      const text = catalogue.problems[problem.kind] as (problem: BoardProblem, t: Catalogue) => string;
      return text(problem, this);
    },
  };
}

export const MESSAGES: Record<Lang, Messages> = { en: withProblems(en), ko: withProblems(ko) };

/** The words of a language for the platform a run behaves for (see platform.ts): its advice is that platform's, its commands quoted for its shell. */
export function messagesFor(lang: Lang, os: NodeJS.Platform, shell: Shell = os === 'win32' ? 'cmd' : 'posix'): Messages {
  const messages = MESSAGES[lang];
  return messages.os === os && messages.shell === shell ? messages : { ...messages, os, shell };
}
