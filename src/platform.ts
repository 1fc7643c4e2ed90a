import { posix, win32, type PlatformPath } from 'node:path';

/**
 * The operating system a command behaves for. Code that differs on Windows asks this (through
 * the IO, `io.platform`), never `process.platform` itself, so that tests on Linux can run it as
 * Windows would: every helper here takes the platform and the environment as arguments.
 */
export type OS = NodeJS.Platform;

/**
 * The real process's platform; `POSTBOARD_TEST_PLATFORM=win32` makes postboard behave as on
 * Windows, for the end-to-end tests (as the other `POSTBOARD_TEST_*` variables make faults).
 */
export function processPlatform(env: NodeJS.ProcessEnv): OS {
  const pretend = env.POSTBOARD_TEST_PLATFORM;
  return pretend === 'win32' || pretend === 'linux' || pretend === 'darwin' ? pretend : process.platform;
}

/** The path functions of that platform: `path.win32` on Windows. */
export const pathsOf = (os: OS): PlatformPath => (os === 'win32' ? win32 : posix);

/** The shell a hint's command will be pasted into. */
export type Shell = 'posix' | 'cmd' | 'powershell';

/**
 * Which shell runs postboard, as far as its environment tells: on Windows PowerShell when
 * `PSModulePath` has a folder only PowerShell adds — the user's own modules folder (under
 * %USERPROFILE%, e.g. `Documents\WindowsPowerShell\Modules`, whatever the Documents folder is
 * called) or PowerShell 7's own (`…\PowerShell\7\Modules`); cmd.exe has only the system-wide
 * ones from the registry. Else cmd.exe. Elsewhere a POSIX shell.
 */
export function shellOf(os: OS, env: NodeJS.ProcessEnv): Shell {
  if (os !== 'win32') return 'posix';
  const home = (env.USERPROFILE ?? '').toLowerCase().replace(/[\\/]+$/, '');
  const folders = (env.PSModulePath ?? '').split(';').map((folder) => folder.toLowerCase().replace(/[\\/]+$/, ''));
  const userModules = (folder: string) => home !== '' && folder.startsWith(`${home}\\`) && /[\\/](windows)?powershell[\\/]modules$/.test(folder);
  const pwshModules = (folder: string) => /[\\/]powershell[\\/]\d+[\\/]modules$/.test(folder);
  return folders.some((folder) => userModules(folder) || pwshModules(folder)) ? 'powershell' : 'cmd';
}
