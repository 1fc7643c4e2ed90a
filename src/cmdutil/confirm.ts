import type { Context } from '../context.js';
import { Declined, UsageError } from '../errors.js';
import { canPrompt } from '../io.js';

/**
 * A yes before something that cannot be taken back lightly: `--yes` gives it; on a terminal the
 * question is asked (Ctrl+C or Esc cancels with exit 130; no is `Declined`, exit 1, nothing
 * done); anywhere else it is a usage error (exit 2) at once, never a prompt nobody can see.
 */
export async function confirmOrRefuse(
  ctx: Context,
  options: { yes: boolean; command: string; question: string; byDefault: boolean; preview?: () => Promise<void> },
): Promise<void> {
  if (options.yes) return;
  if (!canPrompt(ctx.io)) throw new UsageError(ctx.t.notATerminal(options.command), options.command);
  // What is about to change, shown only to someone who is asked about it.
  await options.preview?.();
  await confirmOrDecline(ctx, options.question, options.byDefault);
}

/** Asks; a no ends the command with `Declined` ("Nothing changed."). */
export async function confirmOrDecline(ctx: Context, question: string, byDefault: boolean): Promise<void> {
  const { askYesNo } = await import('../prompts/post-form.js');
  if (!(await askYesNo(ctx.io, ctx.lang, question, byDefault))) throw new Declined(ctx.t.declined);
}
