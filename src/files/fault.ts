/**
 * A fault a test injects into a file call through a POSTBOARD_TEST_* variable (read in
 * context.ts; used by held.ts): `EBUSY:3` makes the first three calls fail with EBUSY, then the
 * real call runs; `EBUSY` makes every call fail. Kept apart, with no imports: every run reads it.
 */
export interface InjectedFault {
  code: string;
  times: number;
}

export function parseFault(text: string | undefined): InjectedFault | undefined {
  const match = text ? /^(E[A-Z]+)(?::(\d+))?$/.exec(text) : null;
  return match ? { code: match[1] as string, times: match[2] === undefined ? Infinity : Number(match[2]) } : undefined;
}
